import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * No serious or critical axe violation on the page as it is now.
 * A server action or router refresh re-renders the head, and for a moment the document has no title:
 * the scan waits until it has one again, so it never reports that passing state as "document-title". After a click
 * that navigates, wait for something of the new view first: otherwise the scan may read the page being left.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), what).toEqual([]);
}
