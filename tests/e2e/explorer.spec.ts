import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { collectConsoleErrors } from "./console";

/** The filters apply themselves once the page is hydrated (the form then carries `auto-submit`); wait for that. */
const filtersReady = (page: Page) => page.locator("form.filters.auto-submit").waitFor();

const paragraphs = (page: Page) => page.getByTestId("result-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-paragraph")));

test("a journalist filters by position and cycle, then shares the exact view by URL", async ({ page, browser }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/en/recommendations");
  await expect(page.getByRole("heading", { level: 2 })).toContainText("recommendations");
  await filtersReady(page);

  await page.getByRole("checkbox", { name: /^Noted/ }).check();
  await expect(page).toHaveURL(/position=noted/);
  await filtersReady(page);
  await page.getByRole("checkbox", { name: /^2018 \(3rd cycle\)/ }).check();
  await expect(page).toHaveURL(/cycle=3/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("62 recommendations");
  await page.screenshot({ path: "tests/e2e/screenshots/explorer-noted-2018.png", fullPage: true });

  const shown = await paragraphs(page);
  const pasted = await browser.newPage();
  await pasted.goto(page.url());
  await expect(pasted.getByRole("heading", { level: 2 })).toHaveText("62 recommendations");
  expect(await paragraphs(pasted)).toEqual(shown);
  await pasted.close();
  expect(errors).toEqual([]);
});

test("filter by recommending State through the prefix search, and by theme", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/en/recommendations?cycle=3");
  await page.getByLabel("Find a State or theme").fill("United King");
  await page.getByRole("option", { name: /^Recommendations made by United Kingdom of Great Britain and Northern Ireland/ }).click();
  await expect(page).toHaveURL(/state=GBR/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("3 recommendations");
  expect(await paragraphs(page)).toEqual(["28.5", "28.19", "28.22"]);

  await page.goto("/en/recommendations?cycle=3&theme=uhri:h1");
  await expect(page.getByRole("checkbox", { name: /Human rights defenders/ }).first()).toBeChecked();
  const rows = await page.getByTestId("result-row").count();
  expect(rows).toBeGreaterThan(0);
  await page.screenshot({ path: "tests/e2e/screenshots/explorer-theme.png", fullPage: true });
  expect(errors).toEqual([]);
});

test("search a phrase, see it highlighted, and export exactly the filtered set as CSV", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/en/recommendations");
  await page.getByLabel("Search the texts").fill('"death penalty"');
  await page.getByLabel("Search the texts").press("Enter");
  await expect(page).toHaveURL(/q=%22death(\+|%20)penalty%22/);
  await expect(page.locator("mark", { hasText: /^death$/i }).first()).toBeVisible();
  const heading = await page.getByRole("heading", { level: 2 }).textContent();
  const total = Number(heading?.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(20);
  await page.screenshot({ path: "tests/e2e/screenshots/explorer-search.png", fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  const file = await download.path();
  const rows = parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(total);
  expect(rows.every((row) => /death penalty|capital punishment/i.test(row.text ?? ""))).toBe(true);
  expect(errors).toEqual([]);
});

test("hostile URL values fall back to defaults with a visible notice, never an error page", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const response = await page.goto(`/en/recommendations?page=-5&pageSize=100000&position=maybe&state=GBR%27%3BDROP&q=${"x".repeat(10_000)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "were not understood" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("recommendations");
  expect(errors).toEqual([]);
});

test("the explorer works with the keyboard alone", async ({ page }) => {
  await page.goto("/en/recommendations?cycle=3");
  await filtersReady(page);
  const noted = page.getByRole("checkbox", { name: /^Noted/ });
  await noted.focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/position=noted/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("62 recommendations");
  const firstLink = page.getByTestId("result-row").first().getByRole("link").first();
  await firstLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/recommendations\/\d+$/);
});
