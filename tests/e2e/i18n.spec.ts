import { expect, test } from "@playwright/test";

/** The two interface languages: the redirect to the visitor's language, `<html lang>`, and the switch in the header. */

test("an address without a locale opens in the browser's language, keeping the query", async ({ browser }) => {
  const chinese = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const zhPage = await chinese.newPage();
  const response = await zhPage.goto("/");
  expect(response?.status()).toBe(200);
  await expect(zhPage).toHaveURL(/\/zh$/);
  await expect(zhPage.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(zhPage.getByRole("heading", { level: 1, name: "审议" })).toBeVisible();
  await zhPage.screenshot({ path: "tests/e2e/screenshots/home-zh.png", fullPage: true });
  await chinese.close();

  const english = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });
  const enPage = await english.newPage();
  await enPage.goto("/recommendations?position=noted");
  await expect(enPage).toHaveURL(/\/en\/recommendations\?position=noted$/);
  await expect(enPage.locator("html")).toHaveAttribute("lang", "en");
  await english.close();
});

test("the language switch keeps the page and its filters, and the choice is remembered", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB" } });
  const page = await context.newPage();
  await page.goto("/en/recommendations?cycle=3&position=noted");
  const count = await page.getByRole("heading", { level: 2 }).first().textContent();
  const switchLink = page.getByRole("link", { name: "中文" });
  await expect(switchLink).toHaveAttribute("href", "/zh/recommendations?cycle=3&position=noted");
  await expect(switchLink).toHaveAttribute("lang", "zh-Hans");
  await expect(switchLink).toHaveAttribute("hreflang", "zh-Hans");
  await switchLink.click();
  await expect(page).toHaveURL(/\/zh\/recommendations\?cycle=3&position=noted$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  expect((await page.getByRole("heading", { level: 2 }).first().textContent())?.match(/\d+/)?.[0]).toBe(count?.match(/\d+/)?.[0]);
  await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("href", "/en/recommendations?cycle=3&position=noted");

  // The cookie now overrides the browser's English.
  await page.goto("/states");
  await expect(page).toHaveURL(/\/zh\/states$/);
  await context.close();
});

test("the switch works without JavaScript, and unknown paths are a localised 404", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await context.newPage();
  await page.goto("/en/recommendations?cycle=3&position=noted&page=2");
  await page.getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(/\/zh\/recommendations\?cycle=3&position=noted&page=2$/);

  await context.close();
});

test("an unknown path is a 404 in the language of its locale", async ({ page }) => {
  const missing = await page.goto("/zh/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "未找到页面" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await page.getByRole("link", { name: "返回审议列表" }).click();
  await expect(page).toHaveURL(/\/zh$/);
});
