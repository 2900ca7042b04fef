import { expect, test } from "@playwright/test";
import { collectConsoleErrors } from "./console";
import { clientAddress, E2E_PASSWORD as PASSWORD, memberOf } from "./data";

// Sign-in is rate-limited per client address: this file signs in from its own (see clientAddress).
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });

/**
 * Sign in at /sign-in with the keyboard only. The account is made with the operator CLI against the app's database
 * (E2E_DATABASE_URL, set by `npm test`), so the password is hashed exactly as in production.
 */
const ORG = `Lantern Collective ${Date.now()}`;
const EMAIL = `heron-${Date.now()}@example.org`;

test.beforeAll(async () => {
  test.setTimeout(120_000); // two runs of the operator CLI
  await memberOf(ORG, EMAIL, "editor", "Grey Heron");
});

test("a member signs in with the keyboard, sees their name and organisation, and signs out", async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page);
  await page.goto("/en/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").focus();
  await page.keyboard.type(EMAIL);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.screenshot({ path: "tests/e2e/screenshots/sign-in.png", fullPage: true });
  await page.keyboard.press("Enter");

  const account = page.getByTestId("signed-in-as");
  await expect(account).toContainText("Grey Heron");
  await expect(account).toContainText(`${ORG} (editor)`);
  await expect(page).toHaveURL(/\/en$/);
  await page.screenshot({ path: "tests/e2e/screenshots/signed-in.png" });

  await page.getByRole("button", { name: "Sign out" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(account).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test("a wrong password says so and signs nobody in", async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page);
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill("not the right password");
  await page.getByLabel("Password").press("Enter");
  await expect(page.locator("#main").getByRole("alert")).toHaveText("Email or password is wrong.");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await page.screenshot({ path: "tests/e2e/screenshots/sign-in-wrong-password.png" });
  // Chromium logs every 4xx fetch as "Failed to load resource"; the 401 is the expected answer, anything else is not.
  expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
});
