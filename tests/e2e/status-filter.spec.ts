import { expect, test, type Page } from "@playwright/test";
import { runCli } from "../helpers/run-cli";
import { collectConsoleErrors } from "./console";
import { clientAddress } from "./data";

// Sign-in is rate-limited per client address: this file signs in from its own (see clientAddress).
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });

/**
 * The explorer's implementation-status filter: counts, chips and "Clear all" for anyone; the "My organisation" scope
 * for a signed-in member, whose private assessment shows there and nowhere else.
 */
const PASSWORD = "correct horse battery staple";
const ORG = `Status Watch ${Date.now()}`;
const EMAIL = `kestrel-${Date.now()}@example.org`;

const filtersReady = (page: Page) => page.locator("form.filters.auto-submit").waitFor();
const total = async (page: Page): Promise<number> => Number((await page.getByRole("heading", { level: 2 }).textContent())?.replace(/\D/g, ""));
const statusGroup = (page: Page) => page.getByRole("group", { name: "Implementation status" });

test.beforeAll(async () => {
  const env = { DATABASE_URL: process.env.E2E_DATABASE_URL };
  expect((await runCli(["org", "create", ORG], env)).stderr).toBe("");
  expect((await runCli(["user", "add", EMAIL, "--org", ORG, "--role", "editor", "--name", "Kestrel"], env, `${PASSWORD}\n`)).stderr).toBe("");
});

/** "Not assessed (346)" -> 346: the count a facet option shows. */
const optionCount = async (page: Page, name: RegExp): Promise<number> =>
  Number((await statusGroup(page).getByRole("checkbox", { name }).evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? ""))?.match(/\(([\d,]+)\)/)?.[1]?.replace(/,/g, ""));

test("anyone filters by public implementation status, sees it as a chip, and clears it", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/en/recommendations?cycle=3");
  await filtersReady(page);
  await expect(statusGroup(page).getByRole("radio")).toHaveCount(0);
  const expected = await optionCount(page, /^Not assessed/);
  expect(expected).toBeGreaterThan(0);
  await statusGroup(page).getByRole("checkbox", { name: /^Not assessed/ }).check();
  await expect(page).toHaveURL(/status=not_assessed/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`${expected.toLocaleString("en")} recommendations`);
  await expect(page.getByRole("link", { name: "Remove filter Status: Not assessed" })).toBeVisible();
  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/recommendations$/);

  await page.goto("/en/recommendations?status=fully_implemented");
  const publicTotal = await total(page);
  await page.goto("/en/recommendations?statusOf=mine&status=fully_implemented");
  await expect(page.getByRole("status").filter({ hasText: "public assessments instead" })).toBeVisible();
  expect(await total(page)).toBe(publicTotal);
  expect(errors).toEqual([]);
});

test("a member reads their organisation's private status under My organisation, and nobody else sees it", async ({ page, browser }) => {
  const errors = collectConsoleErrors(page);
  const anonymous = await browser.newPage();
  const outsiderView = async (): Promise<string> => {
    await anonymous.goto("/en/recommendations?cycle=3&status=fully_implemented");
    return `${await total(anonymous)} | ${await statusGroup(anonymous).textContent()}`;
  };
  const before = await outsiderView();

  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByTestId("signed-in-as")).toContainText("Kestrel");

  // A private assessment through the API, with the session cookie.
  await page.goto("/en/recommendations?cycle=3&sort=paragraph");
  const id = (await page.getByTestId("result-row").first().getByRole("link").first().getAttribute("href"))?.match(/\d+$/)?.[0];
  const saved = await page.request.post(`/api/recommendations/${id}/assessments`, {
    data: { status: "fully_implemented", assessedOn: "2026-11-01", rationale: "Seen in the field.", confidence: "high", visibility: "private" },
  });
  expect(saved.status()).toBe(201);

  await page.reload();
  await filtersReady(page);
  await statusGroup(page).getByRole("radio", { name: "My organisation" }).check();
  await expect(page).toHaveURL(/statusOf=mine/);
  await filtersReady(page);
  await statusGroup(page).getByRole("checkbox", { name: /^Fully implemented \(1\)$/ }).check();
  await expect(page).toHaveURL(/status=fully_implemented/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("1 recommendation");
  await expect(page.getByRole("link", { name: "Remove filter My organisation's status: Fully implemented" })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/explorer-status-mine.png", fullPage: true });

  expect(await outsiderView()).toBe(before);
  await anonymous.close();
  expect(errors).toEqual([]);
});
