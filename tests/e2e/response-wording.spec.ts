import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { realDataFile } from "../helpers/data-files";
import { startFreshApp, type FreshApp } from "../helpers/fresh-app";
import { runCli } from "../helpers/run-cli";
import { expectAccessible } from "./axe";
import { adminUser, clientAddress, E2E_PASSWORD, memberOf, signedInPage } from "./data";

/**
 * The response-wording page as an administrator uses it, on a second server of the same build whose database has
 * China's 2018 list imported afresh (other specs count the shared database's wordings, so it stays as it is): choose
 * the review, download its template, upload a sheet with a contradiction (refused, nothing changes), then a good one
 * (3 changes), apply, and the recommendation page shows the new wording. Non-admins get the 403 page.
 *
 * The wordings below are FIXTURE VALUES, not China's answers in its addendum; the paragraphs and their recorded
 * positions are the real ones (28.1, 28.4 and 28.9 supported in the 2018 list).
 */
const STAMP = Date.now();
const ADMIN = `wording-admin-${STAMP}@example.org`;
const LIST = realDataFile("ohchr/CHN-cycle3-2018-thematic-list.docx");
const HEADER = "paragraph,wording,addendum_paragraph";
const GOOD = [HEADER, "28.1,Accepted and being implemented,4", "28.4,accepted and being implemented,", "28.9,Accepted and being implemented,5"].join("\n");
const CONTRADICTION = [HEADER, "28.1,Rejected,4", "28.4,accepted and being implemented,", "28.9,Accepted and being implemented,5"].join("\n");

function sheet(name: string, text: string) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(text) };
}

async function signInAt(browser: Browser, base: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, extraHTTPHeaders: { "x-forwarded-for": clientAddress() }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return page;
}

/** The fresh database's wording of some 2018 paragraphs, and the id of 28.1. */
async function stored(url: string): Promise<{ wordings: Record<string, string | null>; id: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; paragraph: string; responseWording: string | null }>(
      `SELECT r."id", r."paragraph", r."responseWording" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
       WHERE v."stateUnderReviewIso3" = 'CHN' AND v."cycle" = 3 AND r."paragraph" IN ('28.1', '28.4', '28.9') ORDER BY r."ordinal"`,
    );
    return { wordings: Object.fromEntries(rows.map((r) => [r.paragraph, r.responseWording])), id: rows.find((r) => r.paragraph === "28.1")!.id };
  } finally {
    await client.end();
  }
}

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel("Wording sheet (CSV file)").setInputFiles(sheet(name, text));
  await page.getByRole("button", { name: "Preview changes" }).click();
  await expect(page.getByRole("heading", { level: 3, name: `Preview of ${name}` })).toBeVisible();
}

test("an admin sets China's 2018 wording from a sheet: template, a refused contradiction, preview, apply, shown on the recommendation", async ({ browser }) => {
  test.setTimeout(240_000);
  let app: FreshApp | undefined;
  try {
    app = await startFreshApp();
    const imported = await runCli(["import", LIST], { DATABASE_URL: app.url });
    expect(imported.code, imported.stderr).toBe(0);
    const made = await runCli(["user", "add", ADMIN, "--admin"], { DATABASE_URL: app.url }, `${E2E_PASSWORD}\n`);
    expect(made.stderr).toBe("");
    const before = await stored(app.url);
    expect(before.wordings).toEqual({ "28.1": "supported", "28.4": "supported", "28.9": "supported" });

    const page = await signInAt(browser, app.base, ADMIN);
    // The header links the page for administrators, and so does the import page.
    await page.getByRole("link", { name: "Import documents" }).click();
    await page.getByRole("main").getByRole("link", { name: "the response-wording sheet" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "State's response wording" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Response wording" })).toBeVisible();

    // Choose the review with the keyboard: the plain GET form puts it in the URL.
    await page.getByRole("combobox", { name: /^Review/ }).selectOption({ label: "China, 2018 (3rd cycle) · 346 recommendations" });
    await page.getByRole("button", { name: "Choose" }).press("Enter");
    await expect(page).toHaveURL(/\/en\/admin\/response-wording\?review=\d+$/);
    await expect(page.getByText("China, 2018 (3rd cycle): one row per recommendation (346 recommendations)")).toBeVisible();

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the template (CSV)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Response wording – China, 2018 \(3rd cycle\) – \d{4}-\d{2}-\d{2}\.csv$/);
    const template = readFileSync((await download.path())!, "utf8");
    expect(template.split("\r\n")[0]).toBe("\uFEFFparagraph,wording,addendum_paragraph,position,recommendation");
    expect(template.split("\r\n")[1]).toMatch(/^28\.1,supported,,supported,/);

    // A wording that means another position than the recorded one: the row and column named, nothing to apply.
    await upload(page, "wording-contradiction.csv", CONTRADICTION);
    await expect(page.getByTestId("wording-problems")).toContainText('row 2, wording: "rejected" means Noted, but paragraph 28.1 is recorded as Supported');
    await expect(page.getByTestId("wording-summary")).toHaveText("3 rows read for China, 2018 (3rd cycle): 2 changes, 0 unchanged, 1 problem.");
    await expect(page.getByRole("button", { name: /^Apply/ })).toHaveCount(0);
    await expectAccessible(page, "preview with a problem");
    await page.screenshot({ path: "tests/e2e/screenshots/response-wording-problem.png", fullPage: true });

    // On a phone: the same preview at 360 px, without sideways scrolling of the page.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: "tests/e2e/screenshots/response-wording-360.png", fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await stored(app.url)).wordings).toEqual(before.wordings);

    await upload(page, "wording-fixture.csv", GOOD);
    await expect(page.getByTestId("wording-summary")).toHaveText("3 rows read for China, 2018 (3rd cycle): 3 changes, 0 unchanged.");
    await expect(page.getByText("Sources will cite A/HRC/40/6/Add.1.")).toBeVisible();
    const rows = page.getByTestId("wording-changes").getByRole("row");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1).getByRole("cell")).toHaveText(["2", "28.1", "Supported", "supported → accepted and being implemented", "A/HRC/40/6/Add.1, para. 4"]);
    await expect(rows.nth(2).getByRole("cell").nth(4)).toHaveText("A/HRC/40/6/Add.1");
    await expect(page.getByTestId("wording-problems")).toHaveCount(0);
    await expectAccessible(page, "preview");
    await page.screenshot({ path: "tests/e2e/screenshots/response-wording-preview.png", fullPage: true });

    await page.getByRole("button", { name: "Apply 3 changes" }).click();
    await expect(page.getByTestId("wording-applied")).toContainText("Applied 3 changes to China, 2018 (3rd cycle): the State's wording is recorded, citing A/HRC/40/6/Add.1");
    // The apply revalidates the site's pages, and the router then refreshes this one: scan it once that is done.
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "outcome");
    await page.screenshot({ path: "tests/e2e/screenshots/response-wording-applied.png", fullPage: true });
    expect((await stored(app.url)).wordings).toEqual({ "28.1": "accepted and being implemented", "28.4": "accepted and being implemented", "28.9": "accepted and being implemented" });

    await page.goto(`/en/recommendations/${before.id}`);
    await expect(page.getByTestId("response")).toContainText("accepted and being implemented");

    // The same sheet again changes nothing.
    await page.goBack();
    await upload(page, "wording-fixture.csv", GOOD);
    await expect(page.getByTestId("wording-summary")).toHaveText("3 rows read for China, 2018 (3rd cycle): 0 changes, 3 unchanged.");
    await page.context().close();
  } finally {
    await app?.stop();
  }
});

test("a non-admin gets the 403 page and no header link, the API refuses; signed out, sign in first", async ({ browser, page: anonymous }) => {
  const editor = `wording-editor-${STAMP}@example.org`;
  await memberOf(`Wording Onlookers ${STAMP}`, editor, "editor", "Onlooker");
  const page = await signedInPage(browser, editor);
  await expect(page.getByRole("link", { name: "Response wording" })).toHaveCount(0);
  const response = await page.goto("/en/admin/response-wording");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await expect(page.getByLabel("Wording sheet (CSV file)")).toHaveCount(0);
  const api = await page.request.post("/api/admin/response-wording?review=1&mode=preview", { headers: { "content-type": "text/csv", origin: new URL(page.url()).origin }, data: GOOD });
  expect(api.status()).toBe(403);
  await page.screenshot({ path: "tests/e2e/screenshots/response-wording-forbidden.png", fullPage: true });
  await page.context().close();

  await anonymous.goto("/en/admin/response-wording");
  await expect(anonymous).toHaveURL(/\/en\/sign-in$/);
});

test("without JavaScript the page still chooses a review and previews a sheet (a preview writes nothing)", async ({ browser, baseURL }) => {
  const admin = `wording-nojs-${STAMP}@example.org`;
  await adminUser(admin);
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  const signIn = await context.request.post("/api/auth/sign-in/email", { data: { email: admin, password: E2E_PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status()).toBe(200);
  const page = await context.newPage();
  await page.goto("/en/admin/response-wording");
  await page.getByRole("combobox", { name: /^Review/ }).selectOption({ label: "China, 2018 (3rd cycle) · 346 recommendations" });
  await page.getByRole("button", { name: "Choose" }).click();
  await expect(page).toHaveURL(/\?review=\d+$/);
  await upload(page, "wording-contradiction.csv", CONTRADICTION);
  await expect(page.getByTestId("wording-problems")).toContainText('row 2, wording: "rejected" means Noted, but paragraph 28.1 is recorded as Supported');
  await page.screenshot({ path: "tests/e2e/screenshots/response-wording-no-javascript.png", fullPage: true });
  await context.close();
});
