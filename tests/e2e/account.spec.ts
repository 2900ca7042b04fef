import { expect, request as playwrightRequest, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";
import { runCli } from "../helpers/run-cli";
import { clientAddress, E2E_PASSWORD, memberOf, signedInPage } from "./data";

/**
 * The account page in Chromium: two-factor enrolment with a code computed here (as an authenticator app would), the
 * recovery codes shown once, then over HTTP a password alone no longer opens a session; a passkey registered on the
 * DevTools virtual authenticator, then a sign-in with it; ending another session; the page without JavaScript.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const ORG = `Estuary Watch ${STAMP}`;
const TOTP_USER = `curlew-${STAMP}@example.org`;
const PASSKEY_USER = `godwit-${STAMP}@example.org`;
const SESSIONS_USER = `dunlin-${STAMP}@example.org`;

test.beforeAll(async () => {
  test.setTimeout(180_000); // several runs of the operator CLI
  await memberOf(ORG, TOTP_USER, "editor", "Curlew");
  for (const [email, name] of [
    [PASSKEY_USER, "Godwit"],
    [SESSIONS_USER, "Dunlin"],
  ] as const) {
    const user = await runCli(["user", "add", email, "--org", ORG, "--role", "viewer", "--name", name], { DATABASE_URL: process.env.E2E_DATABASE_URL }, `${E2E_PASSWORD}\n`);
    expect(user.stderr).toBe("");
  }
});

/** A signed-in browser context at the given origin (WebAuthn needs a host name: http://localhost:PORT). */
async function signedInAt(browser: Browser, origin: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: origin, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  const page = await context.newPage();
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return { context, page };
}

test("two-factor enrolment: QR code, a code from the app, ten recovery codes once; then a password alone opens no session", async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, TOTP_USER);
  const consoleErrors = collectConsoleErrors(page);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("sessions").getByText("this session")).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/account.png", fullPage: true });

  const twoFactor = page.getByRole("region", { name: "Two-factor sign-in" });
  await twoFactor.getByLabel("Your password").fill("not the password at all");
  await twoFactor.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(twoFactor.getByRole("alert")).toHaveText("That password is wrong.");
  await twoFactor.getByLabel("Your password").fill(E2E_PASSWORD);
  await twoFactor.getByRole("button", { name: "Set up two-factor sign-in" }).click();

  const qr = twoFactor.getByRole("img", { name: "QR code of the key for your authenticator app" });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((svg) => svg.tagName.toLowerCase())).toBe("svg");
  const secret = (await twoFactor.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
  await expectAccessible(page, "two-factor enrolment");
  await page.screenshot({ path: "tests/e2e/screenshots/account-two-factor-enrol.png", fullPage: true });

  await twoFactor.getByLabel("Code from the app").fill(await generate({ secret }));
  await twoFactor.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByTestId("recovery-codes");
  await expect(codes.getByRole("listitem")).toHaveCount(10);
  await expect(twoFactor.getByRole("status").first()).toHaveText("Two-factor sign-in is on.");
  await expect(twoFactor.getByText("On", { exact: true })).toBeVisible();
  const download = codes.getByRole("link", { name: "Download as a text file" });
  expect(await download.getAttribute("download")).toBe("upr-tracker-recovery-codes.txt");
  expect(decodeURIComponent((await download.getAttribute("href"))!)).toContain((await codes.getByRole("listitem").first().innerText()).trim());
  await expectAccessible(page, "recovery codes");
  await page.screenshot({ path: "tests/e2e/screenshots/account-recovery-codes.png", fullPage: true });

  // Shown once: a reload no longer shows them.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  await page.context().close();

  // Over HTTP: the password alone is answered with a second-factor step and no session; a code from the app opens one.
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": clientAddress(), origin: baseURL! } });
  const signIn = await api.post("/api/auth/sign-in/email", { data: { email: TOTP_USER, password: E2E_PASSWORD } });
  expect(await signIn.json()).toEqual({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
  expect((await (await api.get("/api/auth/get-session")).json()) as unknown).toBeNull();
  expect((await api.get("/api/me")).status()).toBe(401);
  const verified = await api.post("/api/auth/two-factor/verify-totp", { data: { code: await generate({ secret }) } });
  expect(verified.status()).toBe(200);
  expect(await (await api.get("/api/me")).json()).toMatchObject({ user: { email: TOTP_USER, twoFactorEnabled: true }, secondFactor: "totp" });
  await api.dispose();
});

test("a passkey is added on the virtual authenticator, and signs in from the sign-in page", async ({ browser, baseURL }) => {
  const origin = `http://localhost:${new URL(baseURL!).port}`;
  const { context, page } = await signedInAt(browser, origin, PASSKEY_USER);
  const consoleErrors = collectConsoleErrors(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await page.goto("/en/account");
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await expect(passkeys.getByText("You have no passkeys.")).toBeVisible();
  await passkeys.getByLabel("Name of the new passkey (optional)").fill("Field laptop");
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  await expect(passkeys.getByRole("status")).toHaveText("The passkey is added.");
  await expect(passkeys.getByTestId("passkeys").getByRole("cell", { name: /^Field laptop/ })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/account-passkey.png", fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/en/sign-in");
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Godwit");
  expect(await (await page.request.get("/api/me")).json()).toMatchObject({ user: { email: PASSKEY_USER }, secondFactor: "passkey" });

  // Deleted, it signs nobody in any more.
  await page.goto("/en/account");
  await passkeys.getByRole("button", { name: "Delete the passkey “Field laptop”" }).click();
  await expect(passkeys.getByText("You have no passkeys.")).toBeVisible();
  expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  await context.close();
});

test("another session is ended from the account page, and that browser is signed out", async ({ browser, baseURL }) => {
  const laptop = await signedInAt(browser, baseURL!, SESSIONS_USER);
  const phone = await signedInAt(browser, baseURL!, SESSIONS_USER);
  await laptop.page.goto("/en/account");
  const sessions = laptop.page.getByTestId("sessions");
  await expect(sessions.getByRole("row")).toHaveCount(3);
  await expect(sessions.getByRole("row").nth(1)).toContainText("this session");
  await expect(sessions).toContainText(/Chrome on Linux/);
  await laptop.page.screenshot({ path: "tests/e2e/screenshots/account-sessions.png", fullPage: true });
  await sessions.getByRole("button", { name: /^End the session of/ }).click();
  await expect(sessions.getByRole("row")).toHaveCount(2);
  await expect(laptop.page.getByText("You are signed in nowhere else.")).toBeVisible();

  await phone.page.reload();
  await expect(phone.page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(laptop.page.getByTestId("signed-in-as")).toBeVisible();
  await laptop.context.close();
  await phone.context.close();
});

test("without JavaScript the page renames, enrols two-factor sign-in, and says adding a passkey needs JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  const signIn = await context.request.post("/api/auth/sign-in/email", { data: { email: SESSIONS_USER, password: E2E_PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status()).toBe(200);
  const page = await context.newPage();
  await page.goto("/en/account");
  // What a browser without scripts shows (<noscript>; Chromium with scripts switched off by DevTools keeps it as text).
  expect(await page.content()).toContain("Adding a passkey needs JavaScript");
  await expect(page.getByRole("button", { name: "Add a passkey" })).toHaveCount(0);
  await page.getByRole("textbox", { name: "Display name" }).fill("Dunlin (field)");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Your display name is now “Dunlin (field)”.")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText("Dunlin (field)");
  await page.screenshot({ path: "tests/e2e/screenshots/account-no-javascript.png", fullPage: true });

  // Two-factor enrolment is plain form posts too: each answer is a whole page.
  const twoFactor = page.getByRole("region", { name: "Two-factor sign-in" });
  await twoFactor.getByLabel("Your password").fill(E2E_PASSWORD);
  await twoFactor.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await twoFactor.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await twoFactor.getByLabel("Code from the app").fill("000000");
  await twoFactor.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(twoFactor.getByRole("alert")).toContainText(/That code is wrong|Type the 6 digits/);
  await expect(twoFactor.getByTestId("totp-secret")).toHaveText(/\S/);
  await twoFactor.getByLabel("Code from the app").fill(await generate({ secret }));
  await twoFactor.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await expect(twoFactor.getByText("On", { exact: true })).toBeVisible();
  await context.close();
});
