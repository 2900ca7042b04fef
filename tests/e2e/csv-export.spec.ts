import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { CITATION_COLUMNS, KEY_COLUMNS } from "@/lib/csv/recommendation-columns";
import csvTitlesZh from "@/lib/i18n/messages/zh/csv.json";
import { collectConsoleErrors } from "./console";

/**
 * The CSV a story can cite, downloaded from the explorer's button after filtering, searching and sorting, in English
 * and in Chinese: its header, its rows in the order of the screen's pages, and its citation columns (year, date, link,
 * labels, in Chinese from /zh).
 */

const KEYS = KEY_COLUMNS.map((column) => column.key);
const ALL = [...KEYS, ...CITATION_COLUMNS.map((column) => column.key)];

/** The recommendation ids of every page of the current view, page after page, as the screen lists them. */
async function screenIds(page: Page): Promise<number[]> {
  const start = new URL(page.url());
  const ids: number[] = [];
  for (let n = 1; ; n++) {
    const url = new URL(start);
    url.searchParams.set("page", String(n));
    await page.goto(url.pathname + url.search);
    const hrefs = await page.locator('[data-testid="result-row"] a.rec-text').evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    if (hrefs.length === 0) break;
    ids.push(...hrefs.map((href) => Number(/\/recommendations\/(\d+)/.exec(href)?.[1])));
    if (hrefs.length < 25) break;
  }
  await page.goto(start.pathname + start.search);
  return ids;
}

/** The file the export button gives, as [header, ...records]. */
async function download(page: Page): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  const text = fs.readFileSync((await file.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...records] = parse(text.slice(1), { record_delimiter: "\r\n" }) as string[][];
  return { header: header!, rows: records.map((cells) => Object.fromEntries(ALL.map((key, index) => [key, cells[index] ?? ""]))) };
}

test("English: a ranked search, then a sort, each exported in the order on screen, with year, date and link", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/en/recommendations?cycle=3");
  await page.getByLabel("Search the texts").fill("rights");
  await page.getByLabel("Search the texts").press("Enter");
  await expect(page).toHaveURL(/q=rights/);
  await expect(page).toHaveURL(/cycle=3/);

  // Ranked by relevance: more than one page, and the file lists them in the same order.
  const ranked = await screenIds(page);
  expect(ranked.length).toBeGreaterThan(25);
  const rankedFile = await download(page);
  expect(rankedFile.header).toEqual(ALL);
  expect(rankedFile.header.slice(0, KEYS.length)).toEqual(KEYS);
  expect(rankedFile.rows.map((row) => Number(row.id))).toEqual(ranked);

  // Sorted by the action category (the header's link), the file follows.
  await page.locator("thead").getByRole("link", { name: /^Action/ }).click();
  await expect(page).toHaveURL(/sort=-action/);
  const sorted = await screenIds(page);
  expect(sorted).not.toEqual(ranked);
  await expect(page.getByTestId("export-csv")).toHaveAttribute("href", /sort=-action/);
  const sortedFile = await download(page);
  expect(sortedFile.rows.map((row) => Number(row.id))).toEqual(sorted);

  const first = sortedFile.rows[0]!;
  expect(first).toMatchObject({ cycle: "3", year: "2018", review_date: "2018-11-06", state_under_review_label: "China", action_category: "5", action_category_label: "Specific action" });
  expect(first.url).toMatch(new RegExp(`^https?://[^/]+/en/recommendations/${first.id}$`));
  await page.goto(new URL(first.url!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});

test("Chinese: the /zh button exports Chinese titles and labels, in the order on screen, texts as published", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/zh/recommendations?cycle=3&position=noted");
  await page.locator("thead").getByRole("link", { name: /^答复/ }).click();
  await expect(page).toHaveURL(/sort=-position/);
  await expect(page.getByTestId("export-csv")).toHaveAttribute("href", /sort=-position.*headers=zh|headers=zh.*sort=-position/);
  const sorted = await screenIds(page);
  expect(sorted.length).toBe(62);
  await page.screenshot({ path: "tests/e2e/screenshots/csv-export-zh-explorer.png", fullPage: true });

  const file = await download(page);
  expect(file.header).toEqual(ALL.map((key) => (csvTitlesZh as Record<string, string>)[key]));
  expect(file.rows.map((row) => Number(row.id))).toEqual(sorted);
  for (const row of file.rows) {
    expect(row).toMatchObject({ position: "noted", position_label: "注意到", state_under_review: "CHN", state_under_review_label: "中国", year: "2018" });
    expect(row.url).toMatch(/\/zh\/recommendations\/\d+$/);
    expect(row.text).not.toMatch(/[\u4e00-\u9fff]/);
  }
  const regions = new Set(file.rows.flatMap((row) => row.recommending_regions_label!.split("; ")));
  expect([...regions].every((label) => /[\u4e00-\u9fff]/.test(label) && !/[A-Za-z]/.test(label))).toBe(true);
  const states = file.rows.flatMap((row) => row.recommending_states_label!.split("; "));
  expect(states.filter((name) => /[A-Za-z]/.test(name))).toEqual([]);

  // A look at the file as a reader sees it: the first rows' citation columns.
  const shown = ["paragraph", "year", "url", "recommending_states_label", "recommending_regions_label", "position_label", "action_category_label", "themes_label"];
  const view = await page.context().newPage();
  await view.setContent(
    `<table border="1" style="font: 13px sans-serif; border-collapse: collapse"><tr>${shown.map((key) => `<th>${key}</th>`).join("")}</tr>${file.rows
      .slice(0, 12)
      .map((row) => `<tr>${shown.map((key) => `<td>${(row[key] ?? "").replace(/</g, "&lt;")}</td>`).join("")}</tr>`)
      .join("")}</table>`,
  );
  await view.screenshot({ path: "tests/e2e/screenshots/csv-export-zh-file.png", fullPage: true });
  await view.close();
  expect(errors).toEqual([]);
});
