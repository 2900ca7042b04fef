import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { collectConsoleErrors } from "./console";
import { adminUser, clientAddress, E2E_PASSWORD, memberOf, storedReview } from "./data";

/**
 * The member pages in Chinese: sign-in (and its error), the mid-term report built and downloaded in Chinese, the
 * status sheet with a problem row, and the audit log of an administrator. Selected by role and test id, not by words.
 */
const STAMP = Date.now();
const ORG = `Egret Monitor ${STAMP}`;
const EDITOR = `egret-${STAMP}@example.org`;
const ADMIN = `egret-admin-${STAMP}@example.org`;

async function signInZh(browser: import("@playwright/test").Browser, email: string) {
  const page = await (await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "x-forwarded-for": clientAddress() } })).newPage();
  await page.goto("/zh/sign-in");
  await page.locator("#sign-in-email").fill(email);
  await page.locator("#sign-in-password").fill(E2E_PASSWORD);
  await page.locator("#sign-in-password").press("Enter");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return page;
}

test("sign-in, mid-term report, status sheet and audit log speak Chinese under /zh", async ({ browser }) => {
  test.setTimeout(180_000);
  await memberOf(ORG, EDITOR, "editor", "白鹭");
  await adminUser(ADMIN);
  const review = await storedReview(3);

  // Sign-in: the form and a wrong password, in Chinese.
  const anonymous = await (await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "x-forwarded-for": clientAddress() } })).newPage();
  await anonymous.goto("/zh/sign-in");
  await expect(anonymous.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  await anonymous.getByLabel("电子邮箱").fill(EDITOR);
  await anonymous.getByLabel("密码").fill("wrong password");
  await anonymous.getByRole("button", { name: "登录" }).click();
  await expect(anonymous.locator("#main").getByRole("alert")).toHaveText("电子邮箱或密码错误。");
  await anonymous.screenshot({ path: "tests/e2e/screenshots/sign-in-zh.png", fullPage: true });

  const page = await signInZh(browser, EDITOR);
  const consoleErrors = collectConsoleErrors(page);

  // The report, built from the form, in Chinese; its downloads carry lang=zh.
  await page.goto("/zh/reports/mid-term");
  await expect(page.getByRole("heading", { level: 1, name: "中期报告" })).toBeVisible();
  await page.getByRole("form").getByRole("combobox").first().selectOption(String(review));
  await page.getByRole("form").getByRole("button").last().click();
  const report = page.getByTestId("mid-term-report");
  await expect(report.getByRole("heading", { level: 2, name: "中期报告：中国，2018年（第三轮）" })).toBeVisible();
  const docx = page.locator('a[href^="/api/reports/mid-term"][href*="format=docx"]');
  await expect(docx).toHaveAttribute("href", /lang=zh/);
  // The OHCHR matrix beside it, its fourth column's words in Chinese too.
  await expect(page.getByRole("link", { name: "人权高专办矩阵（.docx）" })).toHaveAttribute("href", /^\/api\/reports\/matrix\?.*lang=zh/);
  await page.screenshot({ path: "tests/e2e/screenshots/mid-term-report-zh.png" });
  await report.getByTestId("report-recommendation").first().scrollIntoViewIfNeeded();
  await page.getByRole("heading", { level: 3 }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/screenshots/mid-term-report-zh-summary.png" });
  const html = await page.request.get((await page.locator('a[href*="format=html"]').getAttribute("href"))!);
  expect(await html.text()).toContain('<html lang="zh-Hans">');

  // The status sheet: a problem row, its framing in Chinese and its data as written.
  await page.goto(`/zh/status-sheet?review=${review}`);
  await expect(page.getByRole("heading", { level: 1, name: "状态表" })).toBeVisible();
  const sheet = await page.request.get((await page.locator('a[href^="/api/status-sheet"]').getAttribute("href"))!);
  const rows = parse((await sheet.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
  rows[0]!.status = "half done";
  await page.locator("#status-sheet-file").setInputFiles({ name: "sheet.csv", mimeType: "text/csv", buffer: Buffer.from(stringify(rows, { header: true })) });
  await page.locator(".sheet-upload button[type=submit]").click();
  await expect(page.locator(".sheet-problems").first()).not.toContainText("is not one of");
  await expect(page.locator(".sheet-problems li").first()).toContainText("第 2 行，status：“half done”不是以下取值之一：not_assessed, not_implemented");
  await expect(page.locator(".sheet-preview")).toContainText("中国，2018年（第三轮）");
  await page.screenshot({ path: "tests/e2e/screenshots/status-sheet-zh.png", fullPage: true });
  expect(consoleErrors).toEqual([]);

  // The audit log of an administrator.
  const admin = await signInZh(browser, ADMIN);
  await admin.goto("/zh/audit");
  await expect(admin.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
  await expect(admin.getByTestId("audit-log")).toBeVisible();
  await admin.screenshot({ path: "tests/e2e/screenshots/audit-zh.png" });
});
