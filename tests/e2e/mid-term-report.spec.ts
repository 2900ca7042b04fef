import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import JSZip from "jszip";
import mammoth from "mammoth";
import pg from "pg";
import { collectConsoleErrors } from "./console";
import { memberOf, signedInPage, storedRecommendation } from "./data";
import { chooseStance } from "./assessment-form";

/**
 * The mid-term report as an NGO editor builds it: record a status with evidence, choose the review and a theme in the
 * form, read the report, download it as .docx and CSV, and print it without the site's navigation.
 */
const STAMP = Date.now();
const ORG = `Heron Report Group ${STAMP}`;
const EDITOR = `heron-${STAMP}@example.org`;
const RATIONALE = `Pilot courts only; the 2025 budget lists no national roll-out ${STAMP}`;
const EVIDENCE_URL = "https://www.ohchr.org/en/hr-bodies/upr/cn-index";
const EVIDENCE_SYMBOL = "A/HRC/56/6";
const FINDING_SYMBOL = `CERD/C/FIXTURE/${STAMP}`;

/** A FIXTURE UN document and finding, linked by the organisation to the recommendation (as context), in the app's database. */
async function linkFixtureFinding(recommendationId: number, organization: string, email: string, symbol: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "UnDocument" ("symbol", "mechanism", "body", "title", "updatedAt") VALUES ($1, 'TREATY_BODY', 'CERD', 'FIXTURE observations', now()) RETURNING "id"`,
      [symbol],
    );
    const finding = await client.query<{ id: number }>(
      `INSERT INTO "Finding" ("documentId", "paragraph", "text", "stateIso3", "affectedPersons", "updatedAt") VALUES ($1, '7', 'FIXTURE finding text', 'CHN', '{}', now()) RETURNING "id"`,
      [rows[0]!.id],
    );
    await client.query(
      `INSERT INTO "FindingLink" ("findingId", "recommendationId", "organizationId", "status", "stance", "decidedByUserId")
       SELECT $1, $2, o."id", 'CONFIRMED', 'CONTEXT', u."id" FROM "Organization" o, "User" u WHERE o."name" = $3 AND u."email" = $4`,
      [finding.rows[0]!.id, recommendationId, organization, email],
    );
  } finally {
    await client.end();
  }
}

/** The primary ("Theme:") heading of a recommendation, read from the app's database. */
async function primaryTheme(recommendationId: number): Promise<{ slug: string; name: string }> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string; name: string }>(
      `SELECT t."slug", t."name" FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId" WHERE rt."recommendationId" = $1 AND rt."primary"`,
      [recommendationId],
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

test("a member records an assessment, builds the mid-term report, downloads it and prints it", async ({ browser }) => {
  test.setTimeout(180_000);
  await memberOf(ORG, EDITOR, "editor", "Heron");
  const recommendation = await storedRecommendation(3, "28.1");
  const theme = await primaryTheme(recommendation.id);

  const page = await signedInPage(browser, EDITOR);
  const consoleErrors = collectConsoleErrors(page);

  // Record a status with two pieces of evidence.
  await page.goto(`/en/recommendations/${recommendation.id}`);
  const form = page.getByRole("form", { name: `New assessment for ${ORG}` });
  await form.getByLabel("Status").selectOption({ label: "Partially implemented" });
  await form.getByLabel("Confidence").selectOption("high");
  await form.getByLabel("Visibility").selectOption("private");
  await form.getByLabel("Rationale").fill(RATIONALE);
  for (const [index, item] of [
    { kind: "URL", reference: EVIDENCE_URL, excerpt: "pilot legal-aid centres", stance: "supports" },
    { kind: "UN document symbol", reference: EVIDENCE_SYMBOL, excerpt: "responses to the third cycle", stance: "context" },
  ].entries()) {
    await form.getByLabel(`Evidence ${index + 1} kind`).selectOption({ label: item.kind });
    await form.getByLabel(`Evidence ${index + 1} URL or symbol`).fill(item.reference);
    await form.getByLabel(`Evidence ${index + 1} excerpt`).fill(item.excerpt);
    await chooseStance(form, index + 1, item.stance);
  }
  await form.getByRole("button", { name: "Record assessment" }).click();
  await expect(form.getByRole("status")).toContainText("Saved as version");
  await linkFixtureFinding(recommendation.id, ORG, EDITOR, FINDING_SYMBOL);

  // The header leads to the report; choose the review, then one theme.
  await page.getByRole("banner").getByRole("link", { name: "Mid-term report", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mid-term report" })).toBeVisible();
  const builder = page.getByRole("form", { name: "Build the report" });
  await builder.getByLabel("Review").selectOption({ label: "China, 2018 (3rd cycle) · 346 recommendations" });
  await builder.getByRole("button", { name: "Build the report" }).click();
  const report = page.getByTestId("mid-term-report");
  await expect(report.getByRole("heading", { name: "Mid-term report: China, 2018 (3rd cycle)" })).toBeVisible();

  // The whole review, 346 recommendations, is on screen 50 at a time; the summary counts all of them.
  const articles = report.getByTestId("report-recommendation");
  await expect(articles).toHaveCount(50);
  await expect(report.getByTestId("report-shown")).toContainText("Recommendations 1–50 of 346 (page 1 of 7)");
  await expect(report.locator("tfoot td.num").last()).toHaveText("346");
  await expect(page.getByText("or print the whole report from the printable HTML")).toBeVisible();
  const lastOfFirst = await articles.last().getAttribute("aria-label");
  await report.getByRole("navigation", { name: "Pages of the report" }).first().getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/[?&]page=2#report-recommendations$/);
  await expect(report.getByTestId("report-shown")).toContainText("Recommendations 51–100 of 346 (page 2 of 7)");
  await expect(articles).toHaveCount(50);
  expect(await articles.first().getAttribute("aria-label")).not.toBe(lastOfFirst);
  await page.screenshot({ path: "tests/e2e/screenshots/mid-term-report-page-2.png" });

  await builder.getByText("OHCHR themes (coded)").click();
  await builder.getByRole("checkbox", { name: theme.name }).first().check();
  await builder.getByRole("button", { name: "Build the report" }).click();
  await expect(page).toHaveURL(new RegExp(`theme=${encodeURIComponent(theme.slug)}`));

  // The report: the summary table, then the recommendation with the State's response and the organisation's status.
  await expect(report.getByRole("table")).toContainText("Partially implemented");
  const item = report.getByRole("article", { name: "Paragraph 28.1", exact: true });
  await expect(item).toContainText(recommendation.text);
  await expect(item).toContainText("Partially implemented");
  await expect(item).toContainText(RATIONALE);
  await expect(item.getByRole("link", { name: EVIDENCE_URL })).toBeVisible();
  await expect(item).toContainText(EVIDENCE_SYMBOL);
  // The UN finding the organisation linked, cited with its body, symbol and paragraph, the symbol a link to the UN.
  await expect(item.getByTestId("report-findings")).toContainText(`Context only: CERD, ${FINDING_SYMBOL}, para. 7`);
  await expect(item.getByRole("link", { name: FINDING_SYMBOL })).toHaveAttribute("href", `https://docs.un.org/en/${FINDING_SYMBOL}`);
  await page.screenshot({ path: "tests/e2e/screenshots/mid-term-report-screen.png", fullPage: true });

  // The .docx: its file name, and the recommendation, rationale and evidence inside.
  const [docx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Word (.docx)" }).click()]);
  // Named for people: the review, the organisation and whether it holds private assessments.
  expect(docx.suggestedFilename()).toBe(`China, 2018 (3rd cycle) – mid-term report of ${ORG} (holds private assessments).docx`);
  const xml = await (await JSZip.loadAsync(await readFile((await docx.path())!))).file("word/document.xml")!.async("string");
  const words = xml.replace(/<[^>]+>/g, "").replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  for (const text of [recommendation.text, RATIONALE, EVIDENCE_URL, EVIDENCE_SYMBOL]) expect(words).toContain(text);

  // The OHCHR matrix: a readable name, OHCHR's columns, and our assessment and finding in the fourth.
  const [matrix] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "OHCHR matrix (.docx)" }).click()]);
  expect(matrix.suggestedFilename()).toBe(`China, 2018 (3rd cycle) – OHCHR thematic list with the assessments of ${ORG}.docx`);
  const matrixZip = await JSZip.loadAsync(await readFile((await matrix.path())!));
  expect(matrixZip.file("word/document.xml")).not.toBeNull();
  const matrixWords = (await matrixZip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "").replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  for (const text of ["Assessment/comments on level of implementation", recommendation.text, RATIONALE, EVIDENCE_URL, FINDING_SYMBOL]) expect(matrixWords).toContain(text);
  // How a reader sees its first rows (the importer's own .docx reader turns it into HTML): looked at in the screenshot.
  const { value: matrixHtml } = await mammoth.convertToHtml({ buffer: await readFile((await matrix.path())!) });
  const view = await browser.newPage();
  await view.setContent(`<style>table { border-collapse: collapse; font: 12px sans-serif; } td { border: 1px solid #888; padding: 4px; vertical-align: top; }</style>${matrixHtml}`);
  await view.screenshot({ path: "tests/e2e/screenshots/mid-term-report-matrix.png" });
  await view.close();

  // The CSV: one row per recommendation of the report, ours with its status.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV", exact: true }).click()]);
  expect(csv.suggestedFilename()).toBe(`China, 2018 (3rd cycle) – mid-term report of ${ORG} (holds private assessments).csv`);
  const rows = parse((await readFile((await csv.path())!, "utf8")).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
  // As many rows as the report holds (the summary's total), whether or not they fit on one page of the screen.
  expect(rows.length).toBe(Number(await report.locator("tfoot td.num").last().textContent()));
  await expect(page).not.toHaveURL(/[?&]page=/);
  expect(rows.find((row) => row.paragraph === "28.1")).toMatchObject({ status: "partially_implemented", rationale: RATIONALE, text: recommendation.text });

  // Printed: no navigation, no form, no download links; the report and its evidence URLs remain.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(builder).toBeHidden();
  await expect(page.getByRole("link", { name: "Word (.docx)" })).toBeHidden();
  await expect(item.getByRole("link", { name: EVIDENCE_URL })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/mid-term-report-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // The printable HTML document of the API: its own styles apply under the CSP (a refused style would be a console error).
  await page.getByRole("link", { name: "Printable HTML" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mid-term report: China, 2018 (3rd cycle)" })).toBeVisible();
  await expect(page.getByText(RATIONALE)).toBeVisible();
  expect(await page.locator("table").evaluate((table) => getComputedStyle(table).borderCollapse)).toBe("collapse");
  await page.screenshot({ path: "tests/e2e/screenshots/mid-term-report-html.png" });

  expect(consoleErrors).toEqual([]);
});
