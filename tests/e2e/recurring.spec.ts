import { expect, test } from "@playwright/test";
import { collectConsoleErrors } from "./console";
import { memberOf, signedInPage, storedRecommendation } from "./data";

/**
 * Recurring recommendations: an editor opens New Zealand's 2018 death-penalty recommendation, finds its 2013
 * counterpart among the suggestions, confirms it from the keyboard and sees the chain across cycles; the explorer's
 * "recommended before" filter then lists it, and an anonymous visitor sees the chain without the buttons.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const ORG = `Across Cycles Watch ${STAMP}`;
const EDITOR = `heron-${STAMP}@example.org`;

let later: { id: number; text: string };
let earlier: { id: number; text: string };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  later = await storedRecommendation(3, "28.160");
  earlier = await storedRecommendation(2, "186.107");
  await memberOf(ORG, EDITOR, "editor", "Heron");
});

test("an editor confirms a suggested 2013 counterpart and sees the chain, then filters the explorer by it", async ({ browser }) => {
  const page = await signedInPage(browser, EDITOR);
  const errors = collectConsoleErrors(page);
  await page.goto(`/en/recommendations/${later.id}`);
  const section = page.getByRole("region", { name: "Across cycles" });
  await expect(section.getByTestId("recurrence-chain-empty")).toBeVisible();
  const suggestion = section.getByTestId("recurrence-suggestion").filter({ has: page.getByRole("link", { name: "Paragraph 186.107" }) });
  await expect(suggestion).toContainText("2013 (2nd cycle)");
  await expect(suggestion).toContainText("same State: New Zealand");
  await expect(suggestion).toContainText("same theme: Death penalty");
  await page.screenshot({ path: "tests/e2e/screenshots/recurring-suggestions.png", fullPage: true });

  const confirm = suggestion.getByRole("button", { name: "Confirm: 2013 (2nd cycle), paragraph 186.107 is the same recommendation" });
  await confirm.focus();
  await page.keyboard.press("Enter");
  const chain = section.getByTestId("recurrence-chain");
  await expect(chain.getByTestId("chain-step")).toHaveCount(2);
  await expect(chain.getByTestId("chain-step").first()).toContainText("2013 (2nd cycle)");
  await expect(chain.getByTestId("chain-step").first().getByRole("link", { name: "Paragraph 186.107" })).toHaveAttribute("href", `/en/recommendations/${earlier.id}`);
  await expect(chain.getByTestId("chain-step").last()).toContainText("Paragraph 28.160 (this page)");
  await expect(section.getByTestId("recurrence-suggestion").filter({ has: page.getByRole("link", { name: "Paragraph 186.107" }) })).toHaveCount(0);
  await page.screenshot({ path: "tests/e2e/screenshots/recurring-chain.png", fullPage: true });
  await section.screenshot({ path: "tests/e2e/screenshots/recurring-section.png" });

  await page.goto("/en/recommendations?cycle=3");
  await page.locator("form.filters.auto-submit").waitFor();
  const group = page.getByRole("group", { name: "Across cycles" });
  await group.getByRole("checkbox", { name: /^Recommended before/ }).check();
  await expect(page).toHaveURL(/recurring=earlier/);
  await expect(page.getByRole("link", { name: "Remove filter Recurring: Recommended before (in an earlier cycle)" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(/^1 recommendation/);
  await expect(page.getByRole("link", { name: "28.160", exact: true }).or(page.locator(`a[href="/en/recommendations/${later.id}"]`)).first()).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/recurring-explorer.png", fullPage: true });
  expect(errors).toEqual([]);
});

test("an anonymous visitor sees the confirmed chain, read-only", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(`/en/recommendations/${earlier.id}`);
  const section = page.getByRole("region", { name: "Across cycles" });
  await expect(section.getByTestId("recurrence-chain").getByTestId("chain-step")).toHaveCount(2);
  await expect(section.getByRole("button", { name: /^Confirm/ })).toHaveCount(0);
  await expect(section).toContainText("Editors of an organisation can confirm or reject them.");
  expect(errors).toEqual([]);
});
