import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";

/**
 * Search that finds every spelling (issue 15), in both languages: "Tibet" also finds "Tibetan", "Uyghur" finds
 * Canada's "Release Uighurs" (2018 28.179), `tibet*` is a prefix, and 新疆 on /zh searches Xinjiang and says so.
 */
const filtersReady = (page: Page) => page.locator("form.filters.auto-submit").waitFor();
const heading = (page: Page) => page.getByRole("heading", { level: 2 }).first();
const marks = (page: Page) => page.locator("mark").allTextContents();

async function csvRows(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  return parse(fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
}

test("Tibet in the recommendations China noted in 2018: 5 with Tibetan, 3 with the exact word only", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/en/recommendations?cycle=3&position=noted");
  await filtersReady(page);
  await page.getByLabel("Search the texts").fill("Tibet");
  await page.getByLabel("Search the texts").press("Enter");
  await expect(page).toHaveURL(/q=Tibet/);
  await expect(heading(page)).toHaveText("5 recommendations");
  await expect(page.getByTestId("search-notes")).toContainText("Also matched: Tibetan (3).");
  await expect(page.getByRole("link", { name: /Spelling variants/ })).toHaveCount(0);
  expect(await marks(page)).toEqual(expect.arrayContaining(["Tibet", "Tibetan", "Tibetans"]));
  expect(await csvRows(page)).toHaveLength(5);
  await page.screenshot({ path: "tests/e2e/screenshots/search-variants.png", fullPage: true });
  await expectAccessible(page, "search with variants");

  await page.getByTestId("variants-exact").click();
  await expect(page).toHaveURL(/variants=off/);
  await expect(heading(page)).toHaveText("3 recommendations");
  await expect(page.getByTestId("search-notes")).toContainText("Exact words only: other spellings are not searched.");
  await expect(page.getByTestId("variants-on")).toHaveText("Also search other spellings (Tibetan)");
  await expect(page.getByRole("checkbox", { name: "Exact words only, without other spellings" })).toBeChecked();
  await expect(page.getByRole("link", { name: "Remove filter Spelling variants: off (exact words only)" })).toBeVisible();
  expect(await csvRows(page)).toHaveLength(3);
  await page.screenshot({ path: "tests/e2e/screenshots/search-exact-words.png", fullPage: true });

  // The checkbox beside the search box switches them back on.
  await filtersReady(page);
  await page.getByRole("checkbox", { name: "Exact words only, without other spellings" }).uncheck();
  await expect(heading(page)).toHaveText("5 recommendations");
  await expect(page).not.toHaveURL(/variants=off/);
  expect(errors).toEqual([]);
});

test("Uyghur finds Canada's 'Release Uighurs' (28.179), marked; tibet* is a prefix", async ({ page }) => {
  await page.goto("/en/recommendations?q=Uyghur&state=CAN");
  await expect(heading(page)).toHaveText("2 recommendations");
  const release = page.locator('[data-testid="result-row"][data-paragraph="28.179"]');
  await expect(release.locator("mark")).toHaveText(["Uighurs"]);
  await expect(page.getByTestId("search-notes")).toContainText("Also matched: Uighur (1).");

  await page.goto("/en/recommendations?q=tibet*");
  await expect(heading(page)).toHaveText("22 recommendations");
  expect(await marks(page)).toEqual(expect.arrayContaining(["Tibet", "Tibetan", "Tibetans"]));
});

test("新疆 on /zh searches Xinjiang and says so; a term the glossary lacks gets a hint", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/zh/recommendations?cycle=3");
  await filtersReady(page);
  await page.getByLabel("检索建议全文").fill("新疆");
  await page.getByLabel("检索建议全文").press("Enter");
  await expect(heading(page)).toHaveText("16 条建议");
  await expect(page.getByTestId("search-notes")).toContainText("建议文本为英文；已检索：Xinjiang。");
  expect(await marks(page)).toContain("Xinjiang");
  await page.screenshot({ path: "tests/e2e/screenshots/search-zh-xinjiang.png", fullPage: true });
  await expectAccessible(page, "Chinese search");

  await page.goto("/zh/recommendations?q=%E6%9F%90%E6%9F%90");
  await expect(heading(page)).toHaveText("0 条建议");
  await expect(page.getByTestId("search-notes")).toContainText("检索词表中没有“某某”对应的英文词");
  await page.screenshot({ path: "tests/e2e/screenshots/search-zh-untranslated.png", fullPage: true });

  await page.goto("/en/recommendations?q=%E6%96%B0%E7%96%86%20detention");
  await expect(heading(page)).toHaveText("4 recommendations");
  await expect(page.getByTestId("search-notes")).toHaveText("The texts are in English; searched for: Xinjiang.");
  expect(errors).toEqual([]);
});
