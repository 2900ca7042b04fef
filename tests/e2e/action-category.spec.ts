import { expect, test } from "@playwright/test";
import { collectConsoleErrors } from "./console";
import { memberOf, signedInPage, storedRecommendation } from "./data";

/**
 * The action category on the detail page: a derived value says so with its rule version; an editor overrides it from
 * the keyboard with a reason, everyone then sees who overrode it and why, another organisation's editor is told whose
 * correction stands (and gets no form to replace it), and the editor clears it again.
 */
const ORG = `Category Watch ${Date.now()}`;
const EDITOR = `plover-${Date.now()}@example.org`;
const OTHER_ORG = `Other Watch ${Date.now()}`;
const OTHER_EDITOR = `dotterel-${Date.now()}@example.org`;

test.beforeAll(async () => {
  await memberOf(ORG, EDITOR, "editor", "Plover");
  await memberOf(OTHER_ORG, OTHER_EDITOR, "editor", "Dotterel");
});

test("a derived category is marked, an editor overrides it with a reason and clears it", async ({ browser, page }) => {
  // 28.1 of 2018 opens with "Strengthen": derived as 4, general action.
  const recommendation = await storedRecommendation(3, "28.1");
  const errors = collectConsoleErrors(page);
  await page.goto(`/en/recommendations/${recommendation.id}`);
  const section = page.getByTestId("action-category");
  await expect(section.getByTestId("action-category-method")).toHaveText(/^derived \(verb-rules\/\d+\)$/);
  await expect(section.getByText("Change the action category")).toHaveCount(0);
  const derived = (await section.locator("strong").first().textContent()) ?? "";

  const editor = await signedInPage(browser, EDITOR);
  await editor.goto(`/en/recommendations/${recommendation.id}`);
  const own = editor.getByTestId("action-category");
  // Keyboard only: open the disclosure, choose a category, write the reason, submit.
  await own.getByText("Change the action category").focus();
  await editor.keyboard.press("Enter");
  await own.getByLabel("Category", { exact: true }).focus();
  await own.getByLabel("Category", { exact: true }).selectOption("5");
  await own.getByLabel(/^Reason/).focus();
  await editor.keyboard.type("It names one treaty to ratify.");
  await editor.keyboard.press("Tab");
  await editor.keyboard.press("Enter");
  await expect(own.getByRole("status")).toHaveText("Action category changed.");
  await expect(own.getByTestId("action-category-override")).toContainText(`Overridden by ${ORG} on`);
  await expect(own.getByTestId("action-category-override")).toContainText("It names one treaty to ratify.");
  await expect(own.getByTestId("action-category-method")).toHaveText("overridden");
  await editor.screenshot({ path: "tests/e2e/screenshots/action-category-override.png", fullPage: true });

  // Anyone sees the override and what it replaced.
  await page.reload();
  await expect(section.getByTestId("action-category-override")).toContainText(`Was ${derived}`);

  // Another organisation's editor may not replace it, and is told whose correction stands.
  const other = await signedInPage(browser, OTHER_EDITOR);
  await other.goto(`/en/recommendations/${recommendation.id}`);
  const theirs = other.getByTestId("action-category");
  await expect(theirs.getByTestId("action-category-stands")).toHaveText(`${ORG}’s correction stands: only its editors and owners may change or clear it.`);
  await expect(theirs.getByText("Change the action category")).toHaveCount(0);
  await expect(theirs.getByRole("button", { name: /Clear override/ })).toHaveCount(0);

  await own.getByRole("button", { name: /Clear override/ }).click();
  await expect(own.getByTestId("action-category-override")).toHaveCount(0);
  await expect(own.getByTestId("action-category-method")).toHaveText(/^derived \(verb-rules\/\d+\)$/);
  expect(errors).toEqual([]);
});
