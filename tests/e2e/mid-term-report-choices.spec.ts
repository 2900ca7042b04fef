import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import JSZip from "jszip";
import pg from "pg";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";
import { memberOf, signedInPage, storedReview, type Locale } from "./data";

/**
 * The mid-term report a journalist's NGO source builds for the death penalty, in English and Chinese: China noted all
 * 14 death-penalty recommendations of 2018, so with noted recommendations in by default the report lists all 14 (the
 * form's count), opens with a banner naming the organisation and its private assessments in every format, and with
 * "public ones only" holds none of them. The rationale below is a fixture.
 */
const DEATH_PENALTY = "uhri:d23";

const WORDS = {
  en: {
    privateBanner: "Private: contains private assessments",
    publicBanner: "Public assessments only",
    privateText: (org: string) => `This report holds 1 private assessment of ${org}.`,
    nothingAssessed: "has not assessed any recommendation",
    noRecommendations: "No recommendation of this review matches the themes and positions chosen.",
    byChosenThemes: "Grouped by the themes chosen",
    count: (n: number) => `(${n})`,
  },
  zh: {
    privateBanner: "不公开：含不公开的评估",
    publicBanner: "仅含公开的评估",
    privateText: (org: string) => `本报告含 ${org} 的 1 条不公开评估。`,
    nothingAssessed: "尚未评估这次审议的任何建议",
    noRecommendations: "这次审议没有符合所选主题和立场的建议。",
    byChosenThemes: "按所选主题分组",
    count: (n: number) => `（${n}）`,
  },
} as const;

/** The death-penalty recommendations of China's 2018 review, in document order, read from the app's database. */
async function deathPenaltyRecommendations(review: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `SELECT r."id" FROM "Recommendation" r JOIN "RecommendationTheme" rt ON rt."recommendationId" = r."id" JOIN "Theme" t ON t."id" = rt."themeId"
       WHERE r."reviewId" = $1 AND t."slug" = $2 ORDER BY r."ordinal"`,
      [review, DEATH_PENALTY],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

async function downloadOf(page: Page, format: "docx" | "csv"): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`a[href^="/api/reports/mid-term"][href*="format=${format}"]`).click()]);
  return download;
}

async function docxText(download: Download): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const parts = await Promise.all(Object.keys(zip.files).filter((name) => /^word\/(document|header\d*)\.xml$/.test(name)).map((name) => zip.file(name)!.async("string")));
  return parts.join("\n").replace(/<[^>]+>/g, "").replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

async function csvRows(download: Download): Promise<Record<string, string>[]> {
  return parse((await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
}

for (const locale of ["en", "zh"] as const satisfies readonly Locale[]) {
  test(`a death-penalty report in /${locale}: all 14 noted recommendations, the banner in every format, public ones only`, async ({ browser }) => {
    test.setTimeout(180_000);
    const words = WORDS[locale];
    const stamp = `${locale}-${Date.now()}`;
    const org = `Ibis Watch ${stamp}`;
    const email = `ibis-${stamp}@example.org`;
    const rationale = `Fixture: executions still unreported ${stamp}`;
    await memberOf(org, email, "editor", "Ibis");
    const review = await storedReview(3);
    const recommendations = await deathPenaltyRecommendations(review);
    expect(recommendations).toHaveLength(14);

    const page = await signedInPage(browser, email);
    const consoleErrors = collectConsoleErrors(page);

    // A private assessment of a noted death-penalty recommendation, then the report at once.
    const saved = await page.request.post(`/api/recommendations/${recommendations[0]}/assessments`, {
      data: { status: "not_implemented", assessedOn: "2026-11-01", rationale, confidence: "high", visibility: "private" },
    });
    expect(saved.status()).toBe(201);

    // The form: choose the review; noted recommendations are in by default; the death penalty counts 14.
    await page.goto(`/${locale}/reports/mid-term`);
    const builder = page.locator('form[method="get"]', { has: page.locator('select[name="review"]') });
    await builder.locator('select[name="review"]').selectOption(String(review));
    await builder.locator('button[type="submit"]').click();
    await expect(page.getByTestId("mid-term-report")).toBeVisible();
    await expect(builder.locator('input[name="noted"][value="1"]')).toBeChecked();
    await expect(builder.locator('input[name="assessments"][value="all"]')).toBeChecked();
    // Inner locators of `has` are matched inside the outer element.
    const deathPenaltyInput = page.locator(`input[name="theme"][value="${DEATH_PENALTY}"]`);
    const deathPenalty = builder.locator("label", { has: deathPenaltyInput });
    await builder.locator("details", { has: deathPenaltyInput }).locator("summary").click();
    await expect(deathPenalty).toContainText(`Death penalty ${words.count(14)}`);
    await deathPenalty.locator("input").check();
    await builder.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`theme=${encodeURIComponent(DEATH_PENALTY)}`));

    // The report: 14 recommendations, ours assessed, under the banner naming the organisation.
    const report = page.getByTestId("mid-term-report");
    await expect(report.getByTestId("report-recommendation")).toHaveCount(14);
    const banner = report.getByTestId("report-banner");
    await expect(banner).toHaveAttribute("data-banner", "private");
    await expect(banner).toContainText(words.privateBanner);
    await expect(banner).toContainText(words.privateText(org));
    await expect(report).toContainText(rationale);
    await expect(report).toContainText(words.byChosenThemes);
    await expect(report).not.toContainText(words.nothingAssessed);
    await expectAccessible(page, `death-penalty report /${locale}`);
    await page.screenshot({ path: `tests/e2e/screenshots/mid-term-death-penalty-${locale}.png`, fullPage: true });
    await page.screenshot({ path: `tests/e2e/screenshots/mid-term-death-penalty-top-${locale}.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1400 } });

    // Each format carries the banner and the 14 recommendations.
    const docx = await downloadOf(page, "docx");
    expect(docx.suggestedFilename()).toMatch(/(holds private assessments|含非公开评估)）?\)?\.docx$/);
    const docxWords = await docxText(docx);
    for (const text of [words.privateBanner, words.privateText(org), rationale]) expect(docxWords).toContain(text);
    const csv = await downloadOf(page, "csv");
    expect(csv.suggestedFilename()).toMatch(/(holds private assessments|含非公开评估)）?\)?\.csv$/);
    const rows = await csvRows(csv);
    expect(rows).toHaveLength(14);
    expect(rows.every((row) => row.notice!.startsWith(words.privateBanner) && row.notice!.includes(org))).toBe(true);
    expect(rows.find((row) => row.rationale === rationale)).toMatchObject({ status: "not_implemented", visibility: "private", position: "noted" });
    await page.locator('a[href*="format=html"]').click();
    await expect(page.locator(".banner.private")).toContainText(words.privateText(org));
    await expect(page.locator("article.recommendation")).toHaveCount(14);
    await page.screenshot({ path: `tests/e2e/screenshots/mid-term-death-penalty-html-${locale}.png` });
    await page.goBack();

    // Printed, the banner stays at the top.
    await page.emulateMedia({ media: "print" });
    await expect(banner).toBeVisible();
    await expect(builder).toBeHidden();
    await page.emulateMedia({ media: "screen" });

    // Public ones only: the banner says so, and the private assessment is in no format.
    await builder.locator('input[name="assessments"][value="public"]').check();
    await builder.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/assessments=public/);
    await expect(banner).toHaveAttribute("data-banner", "public");
    await expect(banner).toContainText(words.publicBanner);
    await expect(banner).toContainText(org);
    await expect(report).not.toContainText(rationale);
    await expect(report.getByTestId("report-recommendation")).toHaveCount(14);
    await page.screenshot({ path: `tests/e2e/screenshots/mid-term-death-penalty-public-${locale}.png`, fullPage: true });
    await page.screenshot({ path: `tests/e2e/screenshots/mid-term-death-penalty-public-top-${locale}.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1400 } });
    const publicCsv = await downloadOf(page, "csv");
    expect(publicCsv.suggestedFilename()).toMatch(/(public assessments only|仅含公开评估)）?\)?\.csv$/);
    const publicRows = await csvRows(publicCsv);
    expect(publicRows).toHaveLength(14);
    expect(publicRows.every((row) => row.notice!.startsWith(words.publicBanner) && row.rationale === "" && row.status === "not_assessed")).toBe(true);
    const publicDocx = await docxText(await downloadOf(page, "docx"));
    expect(publicDocx).toContain(words.publicBanner);
    expect(publicDocx).not.toContain(rationale);
    const publicHtml = await (await page.request.get((await page.locator('a[href*="format=html"]').getAttribute("href"))!)).text();
    expect(publicHtml).toContain('data-banner="public"');
    expect(publicHtml).not.toContain(rationale);

    // Noted left out: the form counts 0 for the death penalty, and the report lists none.
    await builder.locator('input[name="noted"][value="0"]').check();
    await builder.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/noted=0/);
    await expect(deathPenalty).toContainText(`Death penalty ${words.count(0)}`);
    await expect(report).toContainText(words.noRecommendations);
    await expect(report.getByTestId("report-recommendation")).toHaveCount(0);
    await page.screenshot({ path: `tests/e2e/screenshots/mid-term-death-penalty-noted-out-${locale}.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1400 } });

    expect(consoleErrors).toEqual([]);
  });
}
