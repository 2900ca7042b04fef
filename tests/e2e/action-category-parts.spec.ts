import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";
import { storedRecommendation } from "./data";

/**
 * Action categories per State's part, and their definitions, in both languages. 2018's paragraph 28.9 joins six
 * States' recommendations: "continuing" by Benin's opening verb, "general action" through Estonia's ("Take meaningful
 * steps towards ratification") and Georgia's parts. Its page lists each part with its category; the explorer's filter
 * finds it under both; the definitions open from the keyboard and without JavaScript.
 */
const LANGUAGES = [
  { locale: "en", heading: "Each State’s recommendation", general: "4 · General action", continuing: "2 · Continuing action", summary: "What the action categories mean" },
  { locale: "zh", heading: "各国的建议", general: "4 · 一般性行动", continuing: "2 · 持续行动", summary: "行动类别的含义" },
] as const;

/** Opens a disclosure from the keyboard alone: focus its summary, press Enter. */
async function openWithKeyboard(page: Page, disclosure: Locator): Promise<void> {
  const summary = disclosure.locator("summary");
  await summary.focus();
  await expect(summary).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(disclosure).toHaveAttribute("open", "");
}

for (const language of LANGUAGES) {
  test(`${language.locale}: the page of 28.9 shows each State's part with its category, and defines the categories`, async ({ page }) => {
    const paragraph = await storedRecommendation(3, "28.9");
    const errors = collectConsoleErrors(page);
    await page.goto(`/${language.locale}/recommendations/${paragraph.id}`);
    const parts = page.getByTestId("recommendation-parts");
    await expect(parts.getByRole("heading", { level: 2, name: language.heading })).toBeVisible();
    const items = parts.getByTestId("recommendation-part");
    await expect(items).toHaveCount(6);
    // Estonia's part, as printed, with its own category; Benin's with the paragraph's.
    await expect(items.nth(1).locator(".part-text")).toHaveText("Take meaningful steps towards ratification of the International Covenant on Civil and Political Rights (Estonia)");
    await expect(items.nth(1).locator(".part-text")).toHaveAttribute("lang", "en");
    await expect(items.nth(1).getByTestId("part-category")).toHaveText(language.general);
    await expect(items.nth(0).getByTestId("part-category")).toHaveText(language.continuing);
    await expect(parts.getByTestId("parts-found-under")).toContainText(language.general);

    // The definitions beside the category: shut, then open from the keyboard, all five categories defined.
    const definitions = page.locator("section[aria-labelledby=action-heading]").getByTestId("action-definitions");
    await expect(definitions.locator("summary")).toHaveText(language.summary);
    await expect(definitions.locator("dd").first()).toBeHidden();
    await openWithKeyboard(page, definitions);
    await expect(definitions.locator("dt")).toHaveCount(5);
    await expect(definitions.locator("dt").nth(3)).toHaveText(language.general);
    await expect(definitions.locator("dd").nth(3)).toBeVisible();
    await expectAccessible(page, `recommendation page, parts and definitions (${language.locale})`);
    await parts.screenshot({ path: `tests/e2e/screenshots/action-category-parts-${language.locale}.png` });
    await definitions.screenshot({ path: `tests/e2e/screenshots/action-category-definitions-${language.locale}.png` });
    expect(errors).toEqual([]);
  });

  test(`${language.locale}: filtering by general action finds 28.9, and so does continuing`, async ({ page }) => {
    const errors = collectConsoleErrors(page);
    const filters = "sur=CHN&cycle=3&sort=paragraph&pageSize=200";
    await page.goto(`/${language.locale}/recommendations?${filters}`);
    // The filters apply themselves once the page is hydrated (the form then carries `auto-submit`).
    await page.locator("form.filters.auto-submit").waitFor();
    const panel = page.locator(".filter-panel");
    const facet = panel.locator("fieldset", { has: page.locator("input[name=action]") });
    // The facet's own definitions open from the keyboard.
    await openWithKeyboard(page, facet.getByTestId("action-definitions"));
    const general = facet.getByRole("checkbox", { name: new RegExp(`^${language.general}`) });
    const count = Number(((await facet.locator("label", { hasText: language.general }).locator(".count").textContent()) ?? "").replace(/\D/g, ""));
    // Checking a value submits the filter form (with JavaScript; the no-JavaScript test below uses the button).
    await general.check();
    await expect(page).toHaveURL(/action=4/, { timeout: 20_000 });
    const row = page.locator('[data-testid=result-row][data-paragraph="28.9"]');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("action-parts")).toContainText(language.general);
    // The facet's count is the number of rows the filter finds.
    await expect(page.getByTestId("result-row")).toHaveCount(count);
    await page.screenshot({ path: `tests/e2e/screenshots/action-category-filter-${language.locale}.png`, fullPage: false });

    await page.goto(`/${language.locale}/recommendations?${filters}&action=2`);
    await expect(page.locator('[data-testid=result-row][data-paragraph="28.9"]')).toHaveCount(1);
    await page.goto(`/${language.locale}/recommendations?${filters}&action=5`);
    await expect(page.locator('[data-testid=result-row][data-paragraph="28.9"]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test("the definitions open without JavaScript, in the explorer, on a recommendation page and under the action chart", async ({ browser }) => {
  const paragraph = await storedRecommendation(3, "28.9");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, scope] of [
    ["/zh/recommendations?sur=CHN&cycle=3", ".filter-panel"],
    [`/en/recommendations/${paragraph.id}`, "section[aria-labelledby=action-heading]"],
    ["/en/compare?sur=CHN&cycle=3", "[data-testid=chart-action]"],
  ] as const) {
    await page.goto(path);
    const definitions = page.locator(scope).getByTestId("action-definitions");
    await expect(definitions.locator("dd").first()).toBeHidden();
    await definitions.locator("summary").click();
    await expect(definitions.locator("dd").first()).toBeVisible();
    await expect(definitions.locator("dd")).toHaveCount(5);
  }
  await page.locator("[data-testid=chart-action]").screenshot({ path: "tests/e2e/screenshots/action-category-chart-definitions.png" });
  await context.close();
});
