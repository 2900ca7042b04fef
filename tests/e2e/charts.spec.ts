import fs from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { collectConsoleErrors } from "./console";

/** Records CSP violations in the page itself: a refused inline style is not always a console error. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

const saved = async (download: Download): Promise<Buffer> => fs.readFileSync((await download.path())!);

test("the comparison of China's 2013 and 2018 reviews draws every chart, with tables, links and downloads", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const violations = await watchCsp(page);
  await page.goto("/en/compare?sur=CHN&cycle=2,3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare reviews");
  await expect(page.getByTestId("filter-summary")).toHaveText("Counting: State under review: China · Cycle: 2013 (2nd cycle), 2018 (3rd cycle)");

  // Each chart: an SVG with a title and a description, and the table beside it.
  const position = page.getByTestId("chart-position");
  await expect(position.getByRole("heading", { level: 2 })).toHaveText("Recommendations to China by response: supported or noted");
  await expect(position.locator("svg.recharts-surface")).toBeVisible();
  await expect(position.locator("svg.recharts-surface > title")).toHaveText("Recommendations to China by response: supported or noted");
  await expect(position.locator("svg.recharts-surface > desc")).toContainText("2018: 284 of 346 supported (82%)");
  await expect(position.locator(".chart-summary").getByText("2013: 204 of 252 supported (81%), 48 noted (19%)")).toBeVisible();
  const table = page.getByTestId("chart-table-position");
  await expect(table.locator("thead th")).toHaveText(["Response", "2013", "2018"]);
  await expect(table.getByRole("row", { name: /^Supported 204/ })).toContainText("284");
  for (const id of ["position", "wording", "theme", "region", "acceptance", "action", "states"]) {
    await expect(page.getByTestId(`chart-svg-${id}`).locator("svg.recharts-surface")).toHaveCount(1);
    await expect(page.getByTestId(`chart-table-${id}`)).toBeVisible();
  }
  await expect(page.getByTestId("chart-status-over-time")).toContainText("No public assessment of these supported recommendations yet.");
  await page.screenshot({ path: "tests/e2e/screenshots/compare-china-2013-2018.png", fullPage: true });

  // Downloads: the table as CSV, the drawing as SVG and PNG.
  const csv = await saved(await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv-position").click()]).then(([d]) => d));
  expect(csv.toString("utf8")).toBe("\uFEFFkey,Response,2013,2018\r\nsupported,Supported,204,284\r\nsupported-in-part,Supported in part,0,0\r\nnoted,Noted,48,62\r\n");
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-svg-position").click()]);
  expect(svgDownload.suggestedFilename()).toBe("upr-chart-position.svg");
  const svg = (await saved(svgDownload)).toString("utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain("2018: 284");
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-png-position").click()]);
  expect([...(await saved(pngDownload)).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);

  // Clicking the 2018 "Supported" bar opens exactly those rows in the explorer.
  await page.getByTestId("chart-svg-position").locator("g.recharts-bar").nth(1).locator("path.recharts-rectangle").first().click();
  await expect(page).toHaveURL(/\/recommendations\?review=\d+&cycle=2%2C3&sur=CHN&position=supported$/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("284 recommendations");

  // And a number in a table does the same.
  await page.goBack();
  await page.getByTestId("chart-table-region").getByRole("link", { name: /^87: Western European/ }).click();
  await expect(page).toHaveURL(/region=weog/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("87 recommendations");
  expect(errors).toEqual([]);
});

test("in Chinese, the comparison of China's 2nd and 3rd cycles has Chinese headings, labels and summaries, and draws every chart", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const violations = await watchCsp(page);
  await page.goto("/zh/compare?sur=CHN&cycle=2,3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("比较各轮审议");
  await expect(page.getByTestId("filter-summary")).toContainText("统计范围：");
  await expect(page.getByTestId("filter-summary")).toContainText("中国");

  const position = page.getByTestId("chart-position");
  await expect(position.getByRole("heading", { level: 2 })).toHaveText("向中国提出的建议及其答复：支持或注意到");
  await expect(position.locator("svg.recharts-surface > title")).toHaveText("向中国提出的建议及其答复：支持或注意到");
  await expect(position.locator(".chart-summary").getByText("2013：252 条中支持 204 条（81%），注意到 48 条（19%）")).toBeVisible();
  await expect(page.getByTestId("chart-table-position").locator("thead th")).toHaveText(["答复", "2013", "2018"]);
  await expect(page.getByTestId("chart-table-position").locator("tbody th")).toHaveText(["支持", "部分支持", "注意到"]);
  await expect(page.getByTestId("chart-table-region").locator("tbody th").first()).toHaveText("非洲国家组");
  await expect(page.getByTestId("download-svg-position")).toHaveText("下载 SVG");
  for (const id of ["position", "wording", "theme", "region", "acceptance", "action", "states"]) {
    await expect(page.getByTestId(`chart-svg-${id}`).locator("svg.recharts-surface")).toHaveCount(1);
    await expect(page.getByTestId(`chart-${id}`).getByRole("heading", { level: 2 })).not.toHaveText(/[A-Za-z]{3}/);
  }
  await expect(page.getByTestId("chart-status-over-time")).toContainText("这些获支持的建议尚无公开评估。");
  // The percentage axis of the acceptance chart is formatted for the locale, and the region names fit beside the bars.
  await expect(page.getByTestId("chart-svg-acceptance").getByText("拉丁美洲和加勒比国家组")).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/compare-china-2013-2018-zh.png", fullPage: true });

  // The downloaded drawing carries the Chinese heading; the CSV keeps its machine keys.
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-svg-position").click()]);
  const svg = (await saved(svgDownload)).toString("utf8");
  expect(svg).toContain("向中国提出的建议及其答复");
  expect(svg).toContain("来源：");
  const csv = await saved(await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv-position").click()]).then(([d]) => d));
  expect(csv.toString("utf8")).toBe("\uFEFFkey,答复,2013,2018\r\nsupported,支持,204,284\r\nsupported-in-part,部分支持,0,0\r\nnoted,注意到,48,62\r\n");

  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test("without JavaScript the charts' tables still carry every number", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/en/compare?sur=CHN&cycle=2,3");
  await expect(page.getByTestId("chart-table-position").getByRole("row", { name: /^Noted / })).toContainText("62");
  await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
  await context.close();
});

test("the dashboard of China's 2024 review says on every chart that 0 of 428 are loaded", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const violations = await watchCsp(page);
  await page.goto("/en");
  await page.getByTestId("review-CHN-4").getByRole("link", { name: /^Charts/ }).click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review of China, 2024 (4th cycle)");
  const charts = page.locator("figure.chart");
  await expect(charts).toHaveCount(8);
  for (const chart of await charts.all()) await expect(chart).toContainText("2024: 0 of 428 loaded — incomplete");
  await page.screenshot({ path: "tests/e2e/screenshots/review-china-2024.png", fullPage: true });

  // A complete review: the 2009 dashboard draws its action categories from UPR Info.
  await page.goto("/en");
  await page.getByTestId("review-CHN-1").getByRole("link", { name: /^Charts/ }).click();
  await expect(page.getByTestId("chart-action").locator(".chart-summary").getByText("2009: 48 of 137 ask for specific action (35%), 27 for continuing action (20%)")).toBeVisible();
  await expect(page.getByTestId("chart-svg-action").locator("svg.recharts-surface")).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/review-china-2009.png", fullPage: true });
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test("the explorer links to the comparison with its filters", async ({ page }) => {
  await page.goto("/en/recommendations?sur=CHN&position=noted");
  await page.getByTestId("compare-link").click();
  await expect(page).toHaveURL(/\/compare\?sur=CHN&position=noted$/);
  await expect(page.getByTestId("chart-position")).toContainText("2018: 0 of 62 supported (0%), 62 noted (100%)");
});
