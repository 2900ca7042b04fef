import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { runCli } from "../helpers/run-cli";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";
import { adminUser, clientAddress, E2E_PASSWORD, memberOf, signedInPage } from "./data";

/**
 * Offboarding at once, in the browser: an owner removes a member, and changes another's role, while each is signed in
 * in a browser of their own, and those browsers lose the organisation's private data at their next request; an
 * administrator disables an account and enables it again; and the owner page works with JavaScript switched off.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const ORG = `Harbour Watch ${STAMP}`;
const OWNER = `harbour-owner-${STAMP}@example.org`;
const LEAVER = `harbour-leaver-${STAMP}@example.org`;
const MOVER = `harbour-mover-${STAMP}@example.org`;
const ADMIN = `harbour-admin-${STAMP}@example.org`;

/** Adds a person to the organisation through the operator CLI, as an operator would. */
async function addMember(email: string, role: "owner" | "editor" | "viewer", name: string): Promise<void> {
  const result = await runCli(["user", "add", email, "--org", ORG, "--role", role, "--name", name], { DATABASE_URL: process.env.E2E_DATABASE_URL }, `${E2E_PASSWORD}\n`);
  expect(result.stderr).toBe("");
}

test.beforeAll(async () => {
  test.setTimeout(240_000); // five runs of the operator CLI
  await memberOf(ORG, OWNER, "owner", "Harbour Master");
  await addMember(LEAVER, "editor", "Cormorant");
  await addMember(MOVER, "editor", "Pelican");
  await adminUser(ADMIN);
});

/** The member still reads the organisation's private status sheet. */
async function expectMember(page: Page): Promise<void> {
  await page.goto("/en/status-sheet");
  await expect(page.getByTestId("signed-in-as")).toContainText(ORG);
  expect((await page.request.get("/api/me")).status()).toBe(200);
}

/** The browser's session is gone: the next request is anonymous, and the private pages send it to sign in. */
async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/en/status-sheet");
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  expect((await page.request.get("/api/me")).status()).toBe(401);
}

test("an owner removes a member and changes a role; both are signed out in their own browsers at once", async ({ browser }) => {
  const [leaver, mover] = [await signedInPage(browser, LEAVER), await signedInPage(browser, MOVER)];
  await expectMember(leaver);
  await expectMember(mover);

  const owner = await signedInPage(browser, OWNER);
  const consoleErrors = collectConsoleErrors(owner);
  await owner.getByRole("link", { name: "Organisation" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Organisation" })).toBeVisible();
  const members = owner.getByTestId("member");
  await expect(members).toHaveCount(3);
  await expect(members.filter({ hasText: "Cormorant" })).toContainText("Editor");
  await expect(owner.getByTestId("not-enrolled")).toHaveText("3 members have not set up two-factor sign-in yet.");
  // Display names only: no member's email is anywhere in the page.
  expect(await owner.content()).not.toContain("@example.org");
  await owner.screenshot({ path: "tests/e2e/screenshots/organisation.png", fullPage: true });

  await owner.getByRole("link", { name: "Remove… Cormorant" }).click();
  const confirmation = owner.getByRole("region", { name: `Remove Cormorant from ${ORG}?` });
  await expect(confirmation).toContainText("signed out at once");
  await expectAccessible(owner, "organisation page, confirming a removal");
  await owner.screenshot({ path: "tests/e2e/screenshots/organisation-confirm-removal.png", fullPage: true });
  await confirmation.getByRole("button", { name: "Remove Cormorant" }).click();
  await expect(owner.locator("#main").getByRole("status")).toHaveText("The member was removed and signed out on every device.");
  await expect(members).toHaveCount(2);
  await expectSignedOut(leaver);

  await owner.getByLabel("Role of Pelican").selectOption("viewer");
  await owner.getByRole("button", { name: "Change role Pelican" }).click();
  await expect(owner.locator("#main").getByRole("status")).toHaveText("Role changed. The member was signed out and signs in again with the new role.");
  await expect(members.filter({ hasText: "Pelican" })).toContainText("Viewer");
  await expectSignedOut(mover);

  // The last owner stays, and the page says why.
  await owner.getByLabel("Role of Harbour Master").selectOption("editor");
  await owner.getByRole("button", { name: "Change role Harbour Master" }).click();
  await expect(owner.locator("#main").getByRole("alert")).toHaveText("The last owner cannot be removed or given another role: make another member an owner first.");
  await expectAccessible(owner, "organisation page with a refusal");
  await owner.screenshot({ path: "tests/e2e/screenshots/organisation-last-owner.png", fullPage: true });
  expect(consoleErrors).toEqual([]);
  for (const page of [leaver, mover, owner]) await page.context().close();
});

test("an administrator disables an account, which is signed out at once and refused at sign-in, then enables it", async ({ browser, baseURL }) => {
  const member = await signedInPage(browser, MOVER);
  const admin = await signedInPage(browser, ADMIN);
  await admin.getByRole("link", { name: "Manage accounts" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  const row = admin.getByTestId("account").filter({ hasText: MOVER });
  await expect(row).toContainText("Pelican");
  await expect(row).toContainText(`${ORG} (viewer)`);
  await admin.screenshot({ path: "tests/e2e/screenshots/admin-accounts.png", fullPage: true });

  await row.getByRole("link", { name: `Disable… ${MOVER}` }).click();
  // Scan the confirmation once it is drawn, not the page the click is leaving (its head is swapped mid-scan).
  const disable = admin.getByRole("button", { name: `Disable ${MOVER}` });
  await expect(disable).toBeVisible();
  await expectAccessible(admin, "accounts page, confirming a disable");
  await disable.click();
  await expect(admin.locator("#main").getByRole("status")).toHaveText("The account was disabled and signed out on every device.");
  await expect(row).toContainText("Disabled");
  await expectSignedOut(member);
  const refused = await member.request.post("/api/auth/sign-in/email", { data: { email: MOVER, password: E2E_PASSWORD }, headers: { origin: baseURL! } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ code: "ACCOUNT_DISABLED" });
  // The sign-in form says so too (only once the password is right).
  await member.goto("/en/sign-in");
  await member.getByLabel("Email").fill(MOVER);
  await member.getByLabel("Password").fill(E2E_PASSWORD);
  await member.getByLabel("Password").press("Enter");
  await expect(member.locator("#main").getByRole("alert")).toHaveText(/^This account is disabled\./);
  await member.screenshot({ path: "tests/e2e/screenshots/sign-in-disabled.png" });
  await admin.screenshot({ path: "tests/e2e/screenshots/admin-accounts-disabled.png", fullPage: true });

  await row.getByRole("button", { name: `Enable ${MOVER}` }).click();
  await expect(admin.locator("#main").getByRole("status")).toHaveText("The account was enabled: it can sign in again.");
  await member.context().close();
  await expectMember(await signedInPage(browser, MOVER));
  await admin.context().close();
});

test("the owner page works without JavaScript: a role change, the removal's confirmation, the two-factor requirement", async ({ browser, baseURL }) => {
  const extra = `harbour-nojs-${STAMP}@example.org`;
  await addMember(extra, "viewer", "Tern");
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  const signIn = await context.request.post("/api/auth/sign-in/email", { data: { email: OWNER, password: E2E_PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status()).toBe(200);
  const page = await context.newPage();
  await page.goto("/en/organisation");
  await page.getByLabel("Role of Tern").selectOption("editor");
  await page.getByRole("button", { name: "Change role Tern" }).click();
  await expect(page.locator("#main").getByRole("status")).toContainText("Role changed.");
  await expect(page.getByTestId("member").filter({ hasText: "Tern" })).toContainText("Editor");

  await page.getByRole("button", { name: "Require two-factor sign-in" }).click();
  await expect(page.locator("#main").getByRole("status")).toHaveText("Two-factor sign-in is now required.");
  // The owner's own session began with a password alone: the organisation's members are now out of its reach too.
  await expect(page.locator("#main").getByRole("alert")).toContainText("requires two-factor sign-in");
  await page.screenshot({ path: "tests/e2e/screenshots/organisation-two-factor-required.png", fullPage: true });
  const off = await runCli(["org", "require-2fa", ORG, "off"], { DATABASE_URL: process.env.E2E_DATABASE_URL });
  expect(off.code).toBe(0);

  await page.goto("/en/organisation");
  await page.getByRole("link", { name: "Remove… Tern" }).click();
  await page.getByRole("button", { name: "Remove Tern" }).click();
  await expect(page.locator("#main").getByRole("status")).toHaveText("The member was removed and signed out on every device.");
  await expect(page.getByTestId("member").filter({ hasText: "Tern" })).toHaveCount(0);
  await page.screenshot({ path: "tests/e2e/screenshots/organisation-no-javascript.png", fullPage: true });
  await context.close();
});

test("others get the 403 page and no header link; anonymous visitors sign in first", async ({ browser, page: anonymous }) => {
  const editorEmail = `harbour-editor-${STAMP}@example.org`;
  await addMember(editorEmail, "editor", "Gannet");
  const editor = await signedInPage(browser, editorEmail);
  await expect(editor.getByRole("link", { name: "Organisation" })).toHaveCount(0);
  await expect(editor.getByRole("link", { name: "Manage accounts" })).toHaveCount(0);
  for (const path of ["/en/organisation", "/en/admin/accounts"]) {
    const response = await editor.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(editor.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  }
  await editor.context().close();
  for (const path of ["/en/organisation", "/en/admin/accounts"]) {
    await anonymous.goto(path);
    await expect(anonymous).toHaveURL(/\/en\/sign-in$/);
  }
});

test("the owner page in Chinese", async ({ browser }) => {
  const owner = await signedInPage(browser, OWNER);
  await owner.goto("/zh/organisation");
  await expect(owner.getByRole("heading", { level: 1, name: "组织" })).toBeVisible();
  await expect(owner.getByTestId("member").filter({ hasText: "Harbour Master" })).toContainText("所有者");
  await expectAccessible(owner, "organisation page (zh)");
  await owner.screenshot({ path: "tests/e2e/screenshots/organisation-zh.png", fullPage: true });
  await owner.context().close();
});
