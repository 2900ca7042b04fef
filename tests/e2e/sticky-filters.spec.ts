import fs from "node:fs";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { FILTER_KEYS, filterDefault, filtersOf, parseExplorerSearch, type FilterKey, type RecommendationQuery } from "@/lib/search-params";
import { collectConsoleErrors } from "./console";
import { clientAddress, LOCALES, type Locale } from "./data";

/**
 * Filters that stick (issue 15): whatever the counts, every form and link of the explorer carries every filter in
 * force. A journalist's walk in each language, checking at every step that the chips, the total and the CSV agree
 * with each other and with counts taken from the database by plain SQL here (never from the app's own code).
 */

const SEARCH_NOTHING = "Zzyzxqv";
const SEARCH = "Xinjiang";

/** What a step expects: the filters in force, as the test itself counts them in SQL. */
type Expected = { cycle?: number; sur?: string; text?: string; position?: "NOTED" };

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The year and the cycle of China's review with the most recommendations loaded (its 2018 review today). */
async function chinasBusiestReview(): Promise<{ cycle: number; year: number; id: number }> {
  const [row] = await sql<{ cycle: number; year: number; id: number }>(
    `SELECT v."id", v."cycle", extract(year FROM v."reviewDate")::int AS "year" FROM "Review" v
     WHERE v."stateUnderReviewIso3" = 'CHN' AND v."reviewDate" IS NOT NULL
     ORDER BY (SELECT count(*) FROM "Recommendation" r WHERE r."reviewId" = v."id") DESC LIMIT 1`,
  );
  if (!row) throw new Error("China's reviews are not loaded");
  return row;
}

/** The rows a filter selects, counted in SQL: the text search as a case-insensitive substring, independent of the app's search. */
async function sqlCount(expected: Expected): Promise<number> {
  const [row] = await sql<{ total: number }>(
    `SELECT count(*)::int AS "total" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
     WHERE ($1::int IS NULL OR v."cycle" = $1) AND ($2::text IS NULL OR v."stateUnderReviewIso3" = $2)
       AND ($3::text IS NULL OR r."text" ILIKE '%' || $3 || '%') AND ($4::text IS NULL OR r."position"::text = $4)`,
    [expected.cycle ?? null, expected.sur ?? null, expected.text ?? null, expected.position ?? null],
  );
  return row?.total ?? -1;
}

const CYCLE_LABEL: Record<Locale, (year: number) => string> = {
  en: (year) => `${year} (3rd cycle)`,
  zh: (year) => `${year}年（第三轮）`,
};

const filtersReady = (page: Page) => page.locator("form.filters.auto-submit").waitFor();

async function shownTotal(page: Page): Promise<number> {
  return Number(((await page.locator("#results-heading").textContent()) ?? "").replace(/\D/g, ""));
}

/** The chips in force as `key=value` pairs, read from the page. */
async function chips(page: Page): Promise<string[]> {
  const pairs = await page.locator("ul.chips a[data-filter]").evaluateAll((links) => links.map((a) => `${a.getAttribute("data-filter")}=${a.getAttribute("data-value")}`));
  return pairs.sort();
}

async function csvRows(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  return parse(text, { columns: true }) as Record<string, string>[];
}

const pairsOf = (expected: Expected, q?: string): string[] =>
  [
    expected.cycle ? `cycle=${expected.cycle}` : null,
    expected.sur ? `sur=${expected.sur}` : null,
    expected.position ? "position=noted" : null,
    q ? `q=${q}` : null,
  ]
    .filter((pair): pair is string => pair !== null)
    .sort();

/** The chips, the total and the CSV agree with each other and with SQL. */
async function expectAgreement(page: Page, expected: Expected, q?: string): Promise<number> {
  const total = await sqlCount(expected);
  await expect.poll(() => shownTotal(page)).toBe(total);
  expect(await chips(page)).toEqual(pairsOf(expected, q));
  expect((await csvRows(page)).length).toBe(total);
  return total;
}

async function search(page: Page, text: string): Promise<void> {
  await filtersReady(page);
  await page.locator("#q").fill(text);
  await page.locator("#q").press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${text}(&|$)`));
}

for (const locale of LOCALES) {
  const other: Locale = locale === "en" ? "zh" : "en";

  test(`filters stick through a search, a facet, a page, the language switch and the charts (${locale})`, async ({ page }) => {
    const errors = collectConsoleErrors(page);
    const review = await chinasBusiestReview();
    const base: Expected = { cycle: review.cycle, sur: "CHN" };

    // A year in the URL means the cycle of the review held that year; the chip names it canonically.
    await page.goto(`/${locale}/recommendations?sur=CHN&cycle=${review.year}`);
    await expectAgreement(page, base);
    await expect(page.locator(`ul.chips a[data-filter=cycle]`)).toContainText(CYCLE_LABEL[locale](review.year));

    // A search that finds nothing: the chosen cycle and State still show, checked, with "(0)".
    await search(page, SEARCH_NOTHING);
    expect(await expectAgreement(page, { ...base, text: SEARCH_NOTHING }, SEARCH_NOTHING)).toBe(0);
    const cycleBox = page.locator(`input[type=checkbox][name=cycle][value="${review.cycle}"]`);
    await expect(cycleBox).toBeChecked();
    await expect(page.locator(`label[for="${await cycleBox.getAttribute("id")}"]`)).toContainText(/[(（]0[)）]/);
    await expect(page.locator("input[type=checkbox][name=sur][value=CHN]")).toBeChecked();
    await page.screenshot({ path: `tests/e2e/screenshots/sticky-zero-${locale}.png`, fullPage: true });

    // The next search keeps them (the bug: 19 instead of 16, from every review).
    await search(page, SEARCH);
    await expectAgreement(page, { ...base, text: SEARCH }, SEARCH);
    await page.screenshot({ path: `tests/e2e/screenshots/sticky-search-${locale}.png`, fullPage: true });

    // A facet click.
    await filtersReady(page);
    await page.locator("input[type=checkbox][name=position][value=noted]").check();
    await expect(page).toHaveURL(/position=noted/);
    await expectAgreement(page, { ...base, text: SEARCH, position: "NOTED" }, SEARCH);

    // Remove the search through its chip, then a page change.
    await page.locator("ul.chips a[data-filter=q]").click();
    await expect(page).not.toHaveURL(/[?&]q=/);
    const total = await expectAgreement(page, { ...base, position: "NOTED" });
    expect(total).toBeGreaterThan(25);
    await page.locator(".pagination a[rel=next]").click();
    await expect(page).toHaveURL(/page=2/);
    await expectAgreement(page, { ...base, position: "NOTED" });
    await expect(page.getByTestId("result-row")).toHaveCount(Math.min(25, total - 25));
    for (const href of await page.locator(".results-table thead a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) {
      const params = new URL(href, "http://x").searchParams;
      expect([params.get("sur"), params.get("cycle"), params.get("position")]).toEqual(["CHN", String(review.cycle), "noted"]);
    }

    // The language switch keeps the filters and the page.
    await page.getByTestId(`locale-${other}`).click();
    await expect(page).toHaveURL(new RegExp(`/${other}/recommendations\\?.*page=2`));
    await expectAgreement(page, { ...base, position: "NOTED" });
    await expect(page.locator(`ul.chips a[data-filter=cycle]`)).toContainText(CYCLE_LABEL[other](review.year));
    await page.screenshot({ path: `tests/e2e/screenshots/sticky-switched-${other}.png`, fullPage: true });

    // "Compare these in charts": the same filters, and the charts count the same total.
    await page.getByTestId("compare-link").click();
    await expect(page).toHaveURL(new RegExp(`/${other}/compare\\?`));
    await expect(page.getByTestId("filter-summary")).toContainText(CYCLE_LABEL[other](review.year));
    const cells = await page.getByTestId("chart-table-position").locator("tbody td").allTextContents();
    expect(cells.reduce((sum, cell) => sum + Number(cell.replace(/\D/g, "") || 0), 0)).toBe(total);
    await page.screenshot({ path: `tests/e2e/screenshots/sticky-compare-${other}.png`, fullPage: true });
    await page.getByTestId("explorer-link").click();
    await expectAgreement(page, { ...base, position: "NOTED" });
    expect(errors).toEqual([]);
  });

  test(`without JavaScript, the plain GET form keeps the filters after a search that finds nothing (${locale})`, async ({ browser }) => {
    const review = await chinasBusiestReview();
    const base: Expected = { cycle: review.cycle, sur: "CHN" };
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
    const page = await context.newPage();
    await page.goto(`/${locale}/recommendations?sur=CHN&cycle=${review.cycle}`);
    await expectAgreement(page, base);
    for (const text of [SEARCH_NOTHING, SEARCH]) {
      await page.locator("#q").fill(text);
      await page.locator(".search-row button[type=submit]").click();
      await expect(page).toHaveURL(new RegExp(`[?&]q=${text}(&|$)`));
      await expectAgreement(page, { ...base, text }, text);
    }
    await page.screenshot({ path: `tests/e2e/screenshots/sticky-no-js-${locale}.png`, fullPage: true });
    await context.close();
  });
}

/** A value for every filter key, none of which has a result together with the others: nothing has a count. */
const SAMPLES: Record<FilterKey, string> = {
  review: "999999",
  cycle: "3",
  sur: "CHN",
  state: "GBR",
  region: "weog",
  theme: "uhri:zz9",
  affected: "no-such-group",
  position: "noted",
  wording: "accepted",
  action: "5",
  status: "not_assessed",
  statusOf: "public",
  recurring: "earlier",
  finding: "contradicts",
  body: "CERD",
  q: SEARCH_NOTHING,
  variants: "off",
};

/** A query without one of its fields, for comparisons that leave it aside. */
function without<K extends keyof RecommendationQuery>(query: RecommendationQuery, key: K): Omit<RecommendationQuery, K> {
  const copy: Partial<RecommendationQuery> = { ...query };
  delete copy[key];
  return copy as Omit<RecommendationQuery, K>;
}

const canonical = (search: string | URLSearchParams): RecommendationQuery => {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const raw: Record<string, string[]> = {};
  for (const [key, value] of params) (raw[key] ??= []).push(value);
  return parseExplorerSearch(raw).query;
};

test("every form and link of an empty result carries every filter key", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const search = new URLSearchParams({ ...SAMPLES, sort: "paragraph", pageSize: "50" });
  expect(Object.keys(SAMPLES).sort()).toEqual([...FILTER_KEYS].sort());
  await page.goto(`/en/recommendations?${search}`);
  await expect(page.locator("#results-heading")).toHaveText("0 recommendations");
  const wanted = canonical(search);

  // The GET form submits every filter with the sort and page size (and restarts at page 1).
  const submitted = await page.locator("form.filters").evaluate((form) => new URLSearchParams(new FormData(form as HTMLFormElement) as unknown as string).toString());
  expect(without(canonical(submitted), "page")).toEqual(without(wanted, "page"));

  // The links: compare and CSV carry the filters; the language switch everything.
  const href = (selector: string) => page.locator(selector).first().getAttribute("href");
  const filtersIn = (link: string | null) => filtersOf(canonical(new URL(link ?? "", "http://x").searchParams));
  expect(filtersIn(await href("[data-testid=compare-link]"))).toEqual(filtersOf(wanted));
  expect(filtersIn(await href("[data-testid=export-csv]"))).toEqual(filtersOf(wanted));
  expect(canonical(new URL((await href("[data-testid=locale-zh]")) ?? "", "http://x").searchParams)).toEqual(wanted);

  // Each chip removes its own value and keeps every other one.
  const chipLinks = await page.locator("ul.chips a[data-filter]").evaluateAll((links) =>
    links.map((a) => ({ key: a.getAttribute("data-filter") ?? "", value: a.getAttribute("data-value") ?? "", href: a.getAttribute("href") ?? "" })),
  );
  expect(chipLinks.map((chip) => chip.key).sort()).toEqual(FILTER_KEYS.filter((key) => key !== "statusOf").sort());
  for (const chip of chipLinks) {
    const after = canonical(new URL(chip.href, "http://x").searchParams);
    const key = chip.key as FilterKey;
    const removed = { ...wanted, page: 1, [key]: filterDefault(key) };
    expect(without(after, "sort"), `the chip ${key}`).toEqual(without(removed, "sort"));
  }
  await context.close();
});

test("a year for the cycle that no review was held in is named, never an error", async ({ page }) => {
  const response = await page.goto("/en/recommendations?sur=CHN&cycle=2031");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "2031" })).toBeVisible();
  const api = await page.request.get("/api/recommendations?cycle=2031");
  expect(api.status()).toBe(400);
  expect(JSON.stringify(await api.json())).toContain("cycle");
});
