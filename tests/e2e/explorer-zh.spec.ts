import { expect, test, type Page } from "@playwright/test";

/**
 * The explorer and the State pages in Chinese: the same counts as in English, a filter panel without English words,
 * the export in Chinese column titles, and the form still working without JavaScript.
 */
const FILTERS = "/recommendations?cycle=3&position=noted";

/** Words the Chinese interface keeps in Latin script on purpose: a source's name, the search syntax, a file format. */
const KEPT_LATIN = ["UPR Info", "OR", "CSV"];

async function countIn(page: Page): Promise<string> {
  const heading = (await page.getByRole("heading", { level: 2 }).first().textContent()) ?? "";
  return heading.replace(/\D/g, "");
}

test("the Chinese explorer counts what the English one counts, in Chinese words", async ({ page }) => {
  await page.goto(`/en${FILTERS}`);
  const english = await countIn(page);
  await expect(page.getByTestId("export-csv")).not.toHaveAttribute("href", /headers=/);

  await page.goto(`/zh${FILTERS}`);
  await expect(page.getByRole("heading", { level: 1, name: "建议" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(/^[\d,]+ 条建议$/);
  expect(await countIn(page)).toBe(english);
  await expect(page.getByTestId("export-csv")).toHaveAttribute("href", "/api/recommendations.csv?cycle=3&position=noted&headers=zh");
  await expect(page.getByRole("link", { name: "移除筛选条件 立场：注意到" })).toBeVisible();

  // Every heading, label, button and hint of the filter panel, and the values of every facet but the themes (whose
  // names are OHCHR's data), read in Chinese: no Latin letters beyond the kept words, ISO codes and digits.
  const panel = page.getByRole("complementary", { name: "筛选" });
  await expect(panel).toBeVisible();
  const interfaceTexts = await panel
    .locator("legend, .field-label, button, .hint, summary, fieldset:not(:has(input[name=theme], input[name=affected])) li label")
    .allTextContents();
  expect(interfaceTexts.length).toBeGreaterThan(20);
  const latin = interfaceTexts
    .map((text) => KEPT_LATIN.reduce((rest, word) => rest.split(word).join(""), text))
    .filter((text) => /[A-Za-z]/.test(text.replace(/\b[A-Z]{3}\b/g, "")));
  expect(latin).toEqual([]);
  await expect(panel.getByRole("group", { name: "立场" }).getByRole("checkbox", { name: /^注意到/ })).toBeChecked();
  await expect(panel.getByRole("checkbox", { name: /^中国/ })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/explorer-zh.png", fullPage: true });
});

test("the Chinese explorer filters without JavaScript, and the State page reads in Chinese", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/zh/recommendations?cycle=3");
  await page.getByRole("group", { name: "立场" }).getByRole("checkbox", { name: /^注意到/ }).check();
  await page.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(/\/zh\/recommendations\?.*position=noted/);
  await expect(page.getByRole("navigation", { name: "分页" })).toContainText("第 1 页，共");

  await page.goto("/zh/states/CHN");
  await expect(page.getByRole("heading", { level: 1, name: "中国" })).toBeVisible();
  await expect(page.locator(".lede")).toContainText("亚太国家组 · 联合国会员国");
  await expect(page.getByRole("heading", { level: 2, name: "中国接受的审议" })).toBeVisible();
  await expect(page.getByTestId("own-review-3")).toContainText("2018年（第三轮）");
  await expect(page.getByTestId("own-reviews-table").getByRole("columnheader")).toHaveText(["轮次", "届会", "报告", "已收录的建议", "支持", "部分支持", "注意到"]);
  await page.screenshot({ path: "tests/e2e/screenshots/state-zh.png", fullPage: true });

  await page.goto("/zh/states");
  await expect(page.getByRole("heading", { level: 1, name: "国家" })).toBeVisible();
  await expect(page.getByTestId("group-ASIA_PACIFIC").getByRole("heading", { level: 2 })).toContainText("亚太国家组");
  await page.screenshot({ path: "tests/e2e/screenshots/states-zh.png" });
  await context.close();
});
