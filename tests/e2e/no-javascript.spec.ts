import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { clientAddress, E2E_PASSWORD, localise, memberOf, storedRecommendation, storedReview } from "./data";

/**
 * The reading pages with JavaScript switched off: the explorer (its filter form submits as a plain GET form, its
 * pagination links are plain links), a recommendation, a State page and, signed in with a session cookie obtained
 * through the API, the mid-term report. Each renders its content on the server and its links lead somewhere.
 */
const STAMP = Date.now();
const ORG = `Lantern Readers ${STAMP}`;
const EDITOR = `lantern-${STAMP}@example.org`;

async function withoutJavaScript(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
}

test("the explorer filters through a plain GET form, follows its pages and opens a recommendation", async ({ browser }) => {
  const context = await withoutJavaScript(browser);
  const page = await context.newPage();
  await page.goto(localise("/recommendations?cycle=3&q=torture"));
  await expect(page.getByRole("heading", { level: 1, name: "Recommendations" })).toBeVisible();
  // The facets and results are in the first response, not behind a fallback that only a script would replace.
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ recommendations?/ })).toBeVisible();

  // Without the script that applies a filter on change, the form's own button submits it.
  await page.getByRole("checkbox", { name: /^Noted/ }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/position=noted/);
  await expect(page).toHaveURL(/q=torture/);
  await expect(page.getByRole("link", { name: /^Remove filter Position/ })).toBeVisible();

  await page.goto(localise("/recommendations?cycle=3&position=noted"));
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("62 recommendations");
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 2 of 3");

  await page.locator(".results-table a.rec-text").first().click();
  await expect(page).toHaveURL(/\/recommendations\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Recommendation .* to China$/ })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/no-javascript-detail.png", fullPage: true });
  await context.close();
});

test("a recommendation and a State page read and link without JavaScript", async ({ browser }) => {
  const recommendation = await storedRecommendation(3, "28.160");
  const context = await withoutJavaScript(browser);
  const page = await context.newPage();
  await page.goto(localise(`/recommendations/${recommendation.id}`));
  await expect(page.getByTestId("recommendation-text")).toHaveText(recommendation.text);
  await expect(page.getByRole("heading", { level: 2, name: "Across cycles" })).toBeVisible();

  await page.goto(localise("/states/CHN"));
  await expect(page.getByRole("heading", { level: 1, name: "China" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Recommendations" }).or(page.locator("main a[href^='/recommendations?']")).first().click();
  await expect(page).toHaveURL(/\/recommendations\?/);
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ recommendations?/ })).toBeVisible();
  await context.close();
});

test("the mid-term report renders for a member signed in through the API, without JavaScript", async ({ browser, baseURL }) => {
  await memberOf(ORG, EDITOR, "editor", "Lantern");
  const review = await storedReview(3);
  const context = await withoutJavaScript(browser);
  // The context's request shares its cookie jar: the session cookie of this sign-in serves the pages below.
  const signIn = await context.request.post("/api/auth/sign-in/email", { data: { email: EDITOR, password: E2E_PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status()).toBe(200);
  const page = await context.newPage();
  await page.goto(localise(`/reports/mid-term?review=${review}`));
  const report = page.getByTestId("mid-term-report");
  await expect(report.getByRole("heading", { name: "Mid-term report: China, 2018 (3rd cycle)" })).toBeVisible();
  await expect(report.getByTestId("report-recommendation").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Word (.docx)" })).toHaveAttribute("href", new RegExp(`^/api/reports/mid-term\\?review=${review}`));
  await page.screenshot({ path: "tests/e2e/screenshots/no-javascript-report.png" });

  await page.getByRole("link", { name: "Printable HTML" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mid-term report: China, 2018 (3rd cycle)" })).toBeVisible();
  await context.close();
});
