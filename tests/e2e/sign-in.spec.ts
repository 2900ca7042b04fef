import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";
import { clientAddress, E2E_PASSWORD, memberOf } from "./data";

/**
 * Signing in through the pages: with JavaScript off (the forms are plain posts), to the page the member wanted, and for
 * an account with two-factor sign-in, with a TOTP code computed here (otplib) and then with a recovery code. The
 * second-factor page needs better-auth's two-factor cookie, so its accessibility scan is here rather than in PAGE_KINDS.
 */
const STAMP = Date.now();
const ORG = `Kestrel Monitors ${STAMP}`;
const MEMBER = `kestrel-${STAMP}@example.org`;
const TOTP_MEMBER = `falcon-${STAMP}@example.org`;

let totpSecret = "";
let recoveryCodes: string[] = [];

/** A person of their own: a new browser context from an address of its own (sign-in is rate-limited per address). */
async function person(browser: Browser, options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  return { context, page: await context.newPage() };
}

async function fillPassword(page: Page, email: string, password = E2E_PASSWORD): Promise<void> {
  await page.locator("#sign-in-email").fill(email);
  await page.locator("#sign-in-password").fill(password);
  await page.locator("#sign-in-password").press("Enter");
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(180_000); // four runs of the operator CLI
  await memberOf(ORG, MEMBER, "editor", "Kestrel");
  await memberOf(`${ORG} TOTP`, TOTP_MEMBER, "editor", "Falcon");
  // The TOTP member enrols through better-auth's API, as the account page does.
  const { context } = await person(browser);
  const headers = { origin: baseURL! };
  expect((await context.request.post("/api/auth/sign-in/email", { data: { email: TOTP_MEMBER, password: E2E_PASSWORD }, headers })).status()).toBe(200);
  const enabled = await context.request.post("/api/auth/two-factor/enable", { data: { password: E2E_PASSWORD }, headers });
  expect(enabled.status()).toBe(200);
  const { totpURI, backupCodes } = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
  totpSecret = new URL(totpURI).searchParams.get("secret")!;
  recoveryCodes = backupCodes;
  expect((await context.request.post("/api/auth/two-factor/verify-totp", { data: { code: await generate({ secret: totpSecret }) }, headers })).status()).toBe(200);
  await context.close();
});

test("with JavaScript off, a wrong password is named and the right one signs in, to the page the member wanted", async ({ browser }) => {
  const { context, page } = await person(browser, { javaScriptEnabled: false });
  await page.goto("/en/sign-in?next=/en/status-sheet");
  await fillPassword(page, MEMBER, "not the right password");
  await expect(page).toHaveURL(/\/en\/sign-in\?error=wrong&next=%2Fen%2Fstatus-sheet$/);
  await expect(page.locator("#main").getByRole("alert")).toHaveText("Email or password is wrong.");
  await page.screenshot({ path: "tests/e2e/screenshots/sign-in-no-javascript-wrong.png", fullPage: true });

  await fillPassword(page, MEMBER);
  await expect(page).toHaveURL(/\/en\/status-sheet$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("Kestrel");
  await page.screenshot({ path: "tests/e2e/screenshots/sign-in-no-javascript-signed-in.png" });
  await context.close();
});

test("a link cannot send a member who signs in to another site", async ({ browser }) => {
  const { context, page } = await person(browser);
  await page.goto("/en/sign-in?next=//evil.example/en");
  await fillPassword(page, MEMBER);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/en");
  await context.close();
});

test("a TOTP member gives a code from the authenticator after the password; a wrong one is named", async ({ browser }) => {
  const { context, page } = await person(browser);
  const consoleErrors = collectConsoleErrors(page);
  await page.goto("/en/sign-in");
  await fillPassword(page, TOTP_MEMBER);
  await expect(page).toHaveURL(/\/en\/sign-in\/two-factor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Two-factor sign-in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  const code = page.getByLabel("6-digit code");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await page.screenshot({ path: "tests/e2e/screenshots/sign-in-two-factor.png", fullPage: true });
  await expectAccessible(page, "two-factor step");

  const accepted = await Promise.all([-30, 0, 30].map((offset) => generate({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) + offset })));
  await code.fill(["000000", "111111", "222222"].find((wrong) => !accepted.includes(wrong))!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.locator("#two-factor-code-error")).toHaveText("That code is not right. Enter the 6-digit code your authenticator app shows now.");
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "tests/e2e/screenshots/sign-in-two-factor-wrong.png", fullPage: true });
  await expectAccessible(page, "two-factor step with a wrong code");

  await code.fill(await generate({ secret: totpSecret }));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("Falcon");
  const me = (await (await page.request.get("/api/me")).json()) as { secondFactor: string };
  expect(me.secondFactor).toBe("totp");
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("in a new browser, a recovery code signs in instead, once", async ({ browser }) => {
  const { context, page } = await person(browser);
  await page.goto("/en/sign-in");
  await fillPassword(page, TOTP_MEMBER);
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Sign in with a recovery code" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Falcon");
  expect(((await (await page.request.get("/api/me")).json()) as { secondFactor: string }).secondFactor).toBe("backup-code");
  await context.close();

  const again = await person(browser);
  await again.page.goto("/en/sign-in");
  await fillPassword(again.page, TOTP_MEMBER);
  await again.page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await again.page.getByRole("button", { name: "Sign in with a recovery code" }).click();
  await expect(again.page.locator("#two-factor-recovery-error")).toHaveText("That recovery code is wrong or has already been used.");
  await expect(again.page.getByTestId("signed-in-as")).toHaveCount(0);
  await again.context.close();
});

test("with JavaScript off, in Chinese, the TOTP member signs in with a code", async ({ browser }) => {
  const { context, page } = await person(browser, { javaScriptEnabled: false, locale: "zh-CN" });
  await page.goto("/zh/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/sign-in-zh-form.png", fullPage: true });
  await fillPassword(page, TOTP_MEMBER);
  await expect(page).toHaveURL(/\/zh\/sign-in\/two-factor$/);
  await expect(page.getByRole("heading", { level: 1, name: "两步验证登录" })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/sign-in-two-factor-zh.png", fullPage: true });
  await page.getByLabel("6 位验证码").fill(await generate({ secret: totpSecret }));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/zh$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("Falcon");
  await context.close();
});

test("the Chinese second-factor page, with a wrong recovery code, has no serious accessibility violation", async ({ browser }) => {
  const { context, page } = await person(browser, { locale: "zh-CN" });
  await page.goto("/zh/sign-in");
  await fillPassword(page, TOTP_MEMBER);
  await expect(page.getByRole("heading", { level: 1, name: "两步验证登录" })).toBeVisible();
  await expectAccessible(page, "two-factor step (zh)");
  await page.getByLabel("恢复码").fill("wrong-code1");
  await page.getByRole("button", { name: "使用恢复码登录" }).click();
  await expect(page.locator("#two-factor-recovery-error")).toHaveText("恢复码错误或已被使用。");
  await expectAccessible(page, "two-factor step with a wrong recovery code (zh)");
  await context.close();
});

test("the second-factor page without a pending sign-in sends the person back to the password", async ({ browser }) => {
  const { context, page } = await person(browser);
  await page.goto("/en/sign-in/two-factor");
  await expect(page).toHaveURL(/\/en\/sign-in\?error=expired$/);
  await expect(page.locator("#main").getByRole("alert")).toHaveText("The sign-in took too long or was already used. Sign in again.");
  await context.close();
});
