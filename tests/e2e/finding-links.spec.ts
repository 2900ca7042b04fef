import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { collectConsoleErrors } from "./console";
import { clientAddress, E2E_PASSWORD, memberOf, signedInPage } from "./data";

/**
 * UN findings: an editor links a FIXTURE finding (built here; its text says it is no UN finding) as contradicting a
 * 2018 recommendation China supported; an anonymous visitor sees it on the recommendation page, with its source, and
 * finds the recommendation through the one-click "accepted, and contradicted by a UN body" link and `finding=contradicts`.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const ORG = `UN Findings Watch ${STAMP}`;
const EDITOR = `egret-${STAMP}@example.org`;
const SYMBOL = `CERD/C/CHN/CO/FIXTURE-${STAMP}`;
const FIXTURE = "FIXTURE (test text, not a UN finding):";

let recommendation: { id: number; paragraph: string; text: string };
let findingId = 0;
/** A second fixture finding, which the editor rejects without JavaScript. */
let rejectedId = 0;
let excerpt = "";

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await memberOf(ORG, EDITOR, "editor", "Egret");
  await withDatabase(async (client) => {
    // A 2018 recommendation China supported, with a subject theme (so the fixture can share it) and comparable text.
    const { rows } = await client.query<{ id: number; paragraph: string; text: string; themeId: number }>(
      `SELECT r."id", r."paragraph", r."text", min(t."id") AS "themeId"
       FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
       JOIN "RecommendationTheme" rt ON rt."recommendationId" = r."id" JOIN "Theme" t ON t."id" = rt."themeId"
       WHERE v."stateUnderReviewIso3" = 'CHN' AND v."cycle" = 3 AND r."position" = 'SUPPORTED'
         AND t."scheme" IN ('UHRI_CODED', 'UHRI_THEME', 'UPR_INFO_ISSUE')
         AND EXISTS (SELECT 1 FROM "RecommendationSimilarityPart" p WHERE p."recommendationId" = r."id")
         AND NOT EXISTS (SELECT 1 FROM "FindingLink" l WHERE l."recommendationId" = r."id")
       GROUP BY r."id" ORDER BY r."ordinal" LIMIT 1`,
    );
    const chosen = rows[0]!;
    recommendation = chosen;
    excerpt = `the State party has not implemented ${chosen.text.split(" ").slice(0, 8).join(" ").toLowerCase()}`;
    const document = await client.query<{ id: number }>(
      `INSERT INTO "UnDocument" ("symbol", "mechanism", "body", "title", "date", "updatedAt")
       VALUES ($1, 'TREATY_BODY', 'CERD', $2, '2018-08-30', now()) RETURNING "id"`,
      [SYMBOL, `${FIXTURE} concluding observations`],
    );
    const finding = await client.query<{ id: number }>(
      `INSERT INTO "Finding" ("documentId", "paragraph", "text", "stateIso3", "affectedPersons", "updatedAt")
       VALUES ($1, '36', $2, 'CHN', '{}', now()) RETURNING "id"`,
      [document.rows[0]!.id, `${FIXTURE} The Committee is concerned that ${excerpt}, as recommended: ${chosen.text}`],
    );
    findingId = finding.rows[0]!.id;
    await client.query(`INSERT INTO "FindingTheme" ("findingId", "themeId") VALUES ($1, $2)`, [findingId, chosen.themeId]);
    const second = await client.query<{ id: number }>(
      `INSERT INTO "Finding" ("documentId", "paragraph", "text", "stateIso3", "affectedPersons", "updatedAt")
       VALUES ($1, '37', $2, 'CHN', '{}', now()) RETURNING "id"`,
      [document.rows[0]!.id, `${FIXTURE} The Committee welcomes the steps taken to ${chosen.text}`],
    );
    rejectedId = second.rows[0]!.id;
    await client.query(`INSERT INTO "FindingTheme" ("findingId", "themeId") VALUES ($1, $2)`, [rejectedId, chosen.themeId]);
  });
});

async function screenshots(page: Page, name: string, part?: Locator): Promise<void> {
  for (const width of [360, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `tests/e2e/screenshots/finding-links-${name}-${width}.png`, fullPage: true });
    if (part) await part.screenshot({ path: `tests/e2e/screenshots/finding-links-${name}-section-${width}.png` });
    // No sideways scroll on a phone.
    if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
}

test("an editor sees the fixture finding suggested, and links it as contradicting China's claim", async ({ browser }) => {
  const page = await signedInPage(browser, EDITOR);
  const errors = collectConsoleErrors(page);
  await page.goto(`/en/recommendations/${recommendation.id}`);
  const section = page.getByRole("region", { name: "UN findings" });
  await expect(section).toContainText("No UN finding has been linked to this recommendation yet.");
  const suggestion = section.getByTestId("finding-suggestion").filter({ has: page.locator(`a[href="/en/findings/${findingId}"]`) });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toContainText("shared themes:");
  // A finding not in the tracker yet: the way to add its document starts here.
  await expect(section.getByTestId("add-un-document")).toHaveAttribute("href", "/en/documents/new");
  await screenshots(page, "editor", section);

  // The link form, by the finding's address, with the stance and an excerpt of its own words.
  const form = section.getByRole("form", { name: "Link a UN finding" });
  await form.getByLabel("Finding", { exact: true }).fill(`/findings/${findingId}`);
  await form.getByLabel("How it bears on the government's claim").selectOption("contradicts");
  await form.getByLabel("Excerpt (optional)").fill(excerpt);
  await form.getByRole("button", { name: "Link the finding" }).click();
  await expect(form.getByRole("status")).toHaveText("Finding linked.");
  const linked = section.getByTestId("finding-link");
  await expect(linked).toHaveCount(1);
  await expect(section.getByRole("heading", { name: "Contradicts the government’s claim (1)" })).toBeVisible();
  await expect(linked).toContainText(`CERD · ${SYMBOL}`);
  await expect(linked).toContainText(`Linked by ${ORG}`);
  await expect(linked.getByRole("button", { name: `Remove your link to ${SYMBOL}` })).toBeVisible();
  await expect(section.getByTestId("finding-suggestion").filter({ has: page.locator(`a[href="/en/findings/${findingId}"]`) })).toHaveCount(0);
  // The assessment form's evidence may now cite it instead of a typed symbol.
  await expect(page.locator('select[name="evidence.0.findingId"] option', { hasText: `CERD · ${SYMBOL} ¶ 36` })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("an anonymous visitor sees the finding on the page and finds the recommendation with finding=contradicts", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(`/en/recommendations/${recommendation.id}`);
  const section = page.getByRole("region", { name: "UN findings" });
  const linked = section.getByTestId("finding-link");
  await expect(linked).toHaveAttribute("data-stance", "contradicts");
  await expect(linked.locator("blockquote")).toHaveText(excerpt);
  await expect(linked).toContainText("paragraph 36");
  await expect(linked).toContainText("Aug 30, 2018");
  await expect(linked.getByRole("link", { name: `Read ${SYMBOL} at the UN (docs.un.org)` })).toHaveAttribute("href", `https://docs.un.org/en/${SYMBOL}`);
  await expect(linked.getByRole("link", { name: "This finding and every recommendation it bears on" })).toHaveAttribute("href", `/en/findings/${findingId}`);
  await expect(section.getByRole("button")).toHaveCount(0);
  await expect(section.getByTestId("finding-suggestions")).toHaveCount(0);
  await screenshots(page, "visitor", section);

  // One click from the home page: accepted, and contradicted by a UN body.
  await page.goto("/en");
  await page.getByTestId("contradicted-link").click();
  await expect(page).toHaveURL(/finding=contradicts/);
  await expect(page).toHaveURL(/position=supported/);
  await expect(page.getByRole("link", { name: "Remove filter UN findings: Contradicted by a UN body" })).toBeVisible();
  await expect(page.locator(`a[href="/en/recommendations/${recommendation.id}"]`).first()).toBeVisible();
  // Which body, in the same view: the row names it.
  const row = page.getByTestId("result-row").filter({ has: page.locator(`a[href="/en/recommendations/${recommendation.id}"]`) });
  await expect(row.getByTestId("finding-bodies-contradicts")).toHaveText("Contradicted by CERD");
  const facet = page.getByRole("group", { name: "UN findings" });
  await expect(facet.getByRole("checkbox", { name: /^Contradicted by a UN body/ })).toBeChecked();
  await screenshots(page, "explorer");
  expect(errors).toEqual([]);
});

test("without JavaScript, an editor rejects a suggested finding, and it is not suggested again", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  const signIn = await context.request.post("/api/auth/sign-in/email", { data: { email: EDITOR, password: E2E_PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status()).toBe(200);
  const page = await context.newPage();
  await page.goto(`/en/recommendations/${recommendation.id}`);
  const section = page.getByRole("region", { name: "UN findings" });
  const suggestion = section.getByTestId("finding-suggestion").filter({ has: page.locator(`a[href="/en/findings/${rejectedId}"]`) });
  await expect(suggestion).toContainText("paragraph 37");
  await suggestion.getByRole("button", { name: /^Reject / }).click();
  // The form posted as a plain form: the page came back without the rejected suggestion, and stays so.
  await expect(page.locator(`[data-testid="finding-suggestion"] a[href="/en/findings/${rejectedId}"]`)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "UN findings" })).toBeVisible();
  await page.goto(`/en/recommendations/${recommendation.id}`);
  await expect(page.locator(`[data-testid="finding-suggestion"] a[href="/en/findings/${rejectedId}"]`)).toHaveCount(0);
  // The link made in the first test is still there, and still the only one.
  await expect(page.getByTestId("finding-link")).toHaveCount(1);
  await context.close();
});
