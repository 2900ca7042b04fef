import { expect, test } from "@playwright/test";
import pg from "pg";
import { collectConsoleErrors } from "./console";
import { memberOf, signedInPage, storedRecommendation } from "./data";

/**
 * An organisation that requires two-factor sign-in, and its editor signed in with a password only: the pages show
 * public data only, say why in a notice that links to the account page (in both languages), and offer no form that
 * would write the organisation's data.
 */
const ORG = `Strict Watch ${Date.now()}`;
const EDITOR = `godwit-${Date.now()}@example.org`;

test.beforeAll(async () => {
  await memberOf(ORG, EDITOR, "editor", "Godwit");
  // As the owner would on the organisation page.
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE "Organization" SET "requireTwoFactor" = true WHERE "name" = $1`, [ORG]);
  } finally {
    await client.end();
  }
});

test("a password-only member of an organisation that requires two-factor sign-in is told why they see public data only", async ({ browser }) => {
  const recommendation = await storedRecommendation(3, "28.1");
  const page = await signedInPage(browser, EDITOR);
  const errors = collectConsoleErrors(page);

  await page.goto(`/en/recommendations/${recommendation.id}`);
  const notice = page.getByTestId("two-factor-notice");
  await expect(notice).toContainText(`Two-factor sign-in is required by ${ORG}`);
  await expect(notice.getByRole("link", { name: "Set up two-factor sign-in or a passkey on your account page" })).toHaveAttribute("href", "/en/account");
  await expect(page.getByRole("heading", { name: `New assessment for ${ORG}` })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Add a note" })).toHaveCount(0);
  await expect(page.getByTestId("action-category").getByText("Change the action category")).toHaveCount(0);
  await page.screenshot({ path: "tests/e2e/screenshots/two-factor-notice-detail.png", fullPage: true });

  await page.goto("/en/recommendations?statusOf=mine");
  await expect(page.getByTestId("two-factor-notice")).toContainText(ORG);

  await page.goto("/en/status-sheet");
  await expect(page.getByTestId("two-factor-notice")).toContainText(ORG);
  await expect(page.getByRole("link", { name: "Download the sheet (CSV)" })).toHaveCount(0);

  await page.goto("/zh/status-sheet");
  const zh = page.getByTestId("two-factor-notice");
  await expect(zh).toContainText("要求双重验证登录");
  await expect(zh.getByRole("link")).toHaveAttribute("href", "/zh/account");
  expect(errors).toEqual([]);
});
