import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { realDataFile } from "../helpers/data-files";
import { startFreshApp, type FreshApp } from "../helpers/fresh-app";
import { runCli } from "../helpers/run-cli";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";

/**
 * The comparison across many reviews, on an app of its own: China's review facts (2018 and 2024 with their reported
 * totals, no records) plus a TEST FIXTURE of fourteen other States' reviews made of real UPR Info rows whose State under
 * review, recommending State and session are rewritten. Eighteen reviews: more than a reader can compare one bar each.
 */
const REAL = parse(fs.readFileSync(realDataFile("upr-info/CHN-upr-info-2009-2013.csv")), { bom: true }) as string[][];
const HEADER = REAL[0]!;
const column = (name: string) => HEADER.indexOf(name);
const STATES = ["France", "Brazil", "Kenya", "Germany", "Japan", "Mexico", "Nigeria", "Poland", "India", "Canada", "Chile", "Egypt", "Norway", "Peru"];
const FROM = ["Austria", "Singapore", "Algeria", "Sweden"];

/** Fixture rows: State i gets i + 3 real rows, in cycle 1 (session 4) for the first seven, cycle 2 (session 17) after. */
function fixtureCsv(): string {
  const rows: string[][] = [];
  let next = 1;
  STATES.forEach((state, i) => {
    for (let k = 0; k < i + 3; k++) {
      const row = [...REAL[next++]!];
      row[column("To")] = state;
      row[column("From")] = FROM[k % FROM.length]!;
      row[column("Session")] = i < 7 ? "4" : "17";
      row[column("cycle")] = i < 7 ? "1" : "2";
      rows.push(row);
    }
  });
  return stringify([HEADER, ...rows]);
}

let app: FreshApp | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  app = await startFreshApp();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "compare-scale-")), "many-states.csv");
  fs.writeFileSync(file, fixtureCsv());
  const imported = await runCli(["import", file], { DATABASE_URL: app.url });
  expect(imported.code, imported.stderr).toBe(0);
});

test.afterAll(async () => {
  await app?.stop();
});

const table = (page: Page, id: string) => page.getByTestId(`chart-table-${id}`);

test("with eighteen reviews the comparison counts per cycle, says so, and a bar opens exactly its rows", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  await page.goto(`${app!.base}/en/compare`);
  await expect(page.getByTestId("per-notice")).toHaveText(/select 18 reviews, too many to draw one bar each: the charts show one bar per cycle/);
  await expect(page.getByLabel("One bar per")).toHaveValue("cycle");
  // Cycles 1 and 2 are counted; China's 2018 and 2024 reviews have reported figures only, drawn as their own series.
  const heads = table(page, "position").locator("thead th");
  await expect(heads).toHaveText(["Response", /1st cycle/, /2nd cycle/, /3rd cycle.* — reported, records not loaded/, /4th cycle.* — reported, records not loaded/]);
  await expect(page.getByTestId("chart-svg-position").locator("svg.recharts-surface")).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/compare-per-cycle.png", fullPage: true });
  await expectAccessible(page, "compare per cycle");

  // The reported series: marked, with its source, its numbers linking nowhere.
  const position = page.getByTestId("chart-position");
  await expect(position.locator(".chart-notes")).toContainText("China 2024: China's responses as reported for A/HRC/56/6/Add.1");
  const supported = table(page, "position").getByRole("row", { name: /^Supported/ });
  await expect(supported.locator("td").nth(3)).toHaveText("290");
  await expect(supported.locator("td.chart-reported a")).toHaveCount(0);
  await expect(table(page, "wording").getByRole("row", { name: /^rejected/i }).locator("td.chart-reported")).toHaveText(["98"]);

  // Cycle 2's supported bar opens the explorer on exactly that many rows.
  const cell = supported.locator("td").nth(1).getByRole("link");
  const count = Number((await cell.textContent())!.replace(/,/g, ""));
  expect(count).toBeGreaterThan(0);
  await cell.click();
  await expect(page).toHaveURL(/\/recommendations\?cycle=2&position=supported$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`${count} recommendations`);
  expect(errors).toEqual([]);
});

test("per State under review, the tail is folded into Other, which opens no rows; the choice is in the URL", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${app!.base}/en/compare?cycle=1,2`);
  await page.getByLabel("One bar per").selectOption("sur");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/compare\?cycle=1%2C2&per=sur$/);
  await expect(page.getByTestId("folded-notice")).toHaveText(/15 units: the 11 largest are drawn, and the other 4 are added up/);
  const heads = table(page, "position").locator("thead th");
  await expect(heads).toHaveCount(13);
  await expect(heads.last()).toHaveText("Other States (4)");
  await expect(table(page, "position").locator("tbody tr td:last-child a")).toHaveCount(0);
  // China (its 2009 and 2013 reviews have no records here) and the three smallest are folded. The largest State (Peru, 16 rows) opens its own rows.
  const peru = table(page, "states").getByRole("row", { name: /^Peru/ }).getByRole("link");
  await expect(peru).toHaveText("4");
  await page.screenshot({ path: "tests/e2e/screenshots/compare-per-state.png", fullPage: true });
  await expectAccessible(page, "compare per State");
  const noted = table(page, "position").getByRole("row", { name: /^Noted/ }).getByRole("link", { name: /Peru/ });
  const count = (await noted.textContent())!;
  await noted.click();
  await expect(page).toHaveURL(/\/recommendations\?cycle=1%2C2&sur=PER&position=noted$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`${count} recommendations`);
});

test("per regional group of the State under review, a bar opens the rows of that group's States", async ({ page }) => {
  await page.goto(`${app!.base}/zh/compare?per=region`);
  await expect(page.getByLabel("每个条形代表")).toHaveValue("region");
  const heads = table(page, "position").locator("thead th");
  await expect(heads.nth(1)).toHaveText("非洲国家组");
  const african = table(page, "position").getByRole("row").nth(1).locator("td").first();
  const count = Number((await african.textContent())!.replace(/,/g, ""));
  await african.getByRole("link").click();
  await expect(page).toHaveURL(/sur=EGY%2CKEN%2CNGA/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 2 })).toContainText(String(count));
  await page.goto(`${app!.base}/zh/compare?per=region`);
  await expect(page.getByTestId("chart-position").locator(".chart-notes")).toContainText("官方报告数字");
  await page.screenshot({ path: "tests/e2e/screenshots/compare-per-region-zh.png", fullPage: true });
});
