import { createElement, type ReactElement } from "react";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { FEATURED_STATE, HomeOverview } from "@/components/home/home-overview";
import { StatePageBody } from "@/components/states/state-page-body";
import { StatesIndexBody } from "@/components/states/states-index-body";
import type { Locale } from "@/lib/i18n/routing";
import { RECOMMENDED_PAGE_SIZE } from "@/lib/schemas/state-page";
import { getDb } from "@/lib/server/db";
import { getLoadedTotals, listReviewsByState } from "@/lib/server/home/overview";
import { getReviewSummary, listReviewSummaries } from "@/lib/server/reviews";
import { getStateProfile, listStateSummaries } from "@/lib/server/states";
import { refreshStaleSummaries } from "@/lib/server/stats/summary-refresh";
import { renderInLocale } from "../helpers/render";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * The pages that list States and reviews stay small with the whole UPR loaded: 800 reviews of 195 States, every State
 * recommending, France recommending in every review. Each page's body is rendered with the real components and
 * catalogues, and its gzipped bytes are counted. A page ships its body twice (the HTML, and the same tree as React's
 * payload) plus the layout, so the body gets a third of the 150 KB a page may weigh. Synthetic rows repeat themselves
 * and compress far better than real ones (every review in one table is 470 KB here, yet 20 KB gzipped), so the
 * uncompressed markup is bounded too.
 */
const BODY_BUDGET = 50 * 1024;
const RAW_BUDGET = 250 * 1024;
const REVIEWS = 800;

withSeededDatabase();

beforeAll(async () => {
  const db = getDb();
  // Every State under review in cycles 1 to 4 (China's real reviews stay as they are), and a 5th for 20 States: 800.
  await db.$executeRaw`
    INSERT INTO "Review" ("stateUnderReviewIso3", "cycle", "session", "reviewDate", "updatedAt")
    SELECT c."iso3", g, 10 * g + n % 10, make_date(2004 + 4 * g + n % 4, 1 + n % 12, 1), now()
    FROM (SELECT "iso3", row_number() OVER (ORDER BY "iso3")::int AS n FROM "Country") c CROSS JOIN generate_series(1, 4) g
    ON CONFLICT ("stateUnderReviewIso3", "cycle") DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "Review" ("stateUnderReviewIso3", "cycle", "session", "reviewDate", "updatedAt")
    SELECT "iso3", 5, 51, make_date(2027, 1, 1), now() FROM "Country" WHERE "iso3" <> 'CHN' ORDER BY "iso3" LIMIT ${REVIEWS} - (SELECT count(*) FROM "Review")`;
  // Three recommendations in each synthetic review: the first by France (by Germany in France's own reviews), the
  // others by States further down the list, so that every State recommends and France recommends in every review.
  const [doc] = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO "SourceDocument" ("format", "fileName", "sha256", "title")
    VALUES ('UPR_INFO_CSV', 'synthetic-page-sizes.csv', 'synthetic-page-sizes', 'Synthetic') RETURNING "id"`;
  await db.$executeRaw`
    INSERT INTO "Recommendation" ("reviewId", "text", "sourceDocumentId", "sourceKey", "ordinal", "position", "updatedAt")
    SELECT v."id", 'Synthetic recommendation ' || o || ' to ' || v."stateUnderReviewIso3", ${doc!.id}, 'synthetic:' || v."id" || ':' || o, o,
      (ARRAY['SUPPORTED', 'NOTED', 'SUPPORTED_IN_PART', NULL])[1 + (v."id" + o) % 4]::"Position", now()
    FROM "Review" v CROSS JOIN generate_series(1, 3) o
    WHERE v."stateUnderReviewIso3" <> 'CHN'`;
  await db.$executeRaw`
    WITH c AS (SELECT "iso3", (row_number() OVER (ORDER BY "iso3"))::int - 1 AS k, (count(*) OVER ())::int AS total FROM "Country")
    INSERT INTO "RecommendationState" ("recommendationId", "countryIso3", "ordinal")
    SELECT r."id", CASE WHEN r."ordinal" > 1 THEN other."iso3" WHEN v."stateUnderReviewIso3" = 'FRA' THEN 'DEU' ELSE 'FRA' END, 0
    FROM "Recommendation" r
    JOIN "Review" v ON v."id" = r."reviewId"
    JOIN c sur ON sur."iso3" = v."stateUnderReviewIso3"
    JOIN c other ON other.k = (sur.k + 7 * r."ordinal" + v."cycle") % other.total
    WHERE r."sourceKey" LIKE 'synthetic:%'`;
  // A bulk load outside the importer refreshes the stats summaries its writes marked, as the bench's loader does.
  await refreshStaleSummaries(db);
}, 120_000);

async function gzippedBody(element: ReactElement, locale: Locale): Promise<{ html: string; bytes: number }> {
  const html = await renderInLocale(element, locale);
  expect(html.length).toBeLessThan(RAW_BUDGET);
  return { html, bytes: gzipSync(html).length };
}

describe.each(["en", "zh"] as const)("page sizes at 800 reviews of 195 States (%s)", (locale) => {
  it("the home page shows what is loaded, China's reviews and every State's reviews in one short table", async () => {
    const [totals, featured, byState] = await Promise.all([
      getLoadedTotals(),
      listReviewSummaries(getDb(), { stateUnderReview: FEATURED_STATE }),
      listReviewsByState(),
    ]);
    expect(totals).toMatchObject({ reviews: REVIEWS, statesUnderReview: 195 });
    expect(totals.lastImport).not.toBeNull();
    expect(featured.map((review) => review.cycle)).toEqual([4, 3, 2, 1]);
    expect(byState).toHaveLength(195);

    const { html, bytes } = await gzippedBody(createElement(HomeOverview, { totals, featured, byState, statusSheetLinks: false }), locale);
    expect(html).toContain('data-testid="review-CHN-3"');
    expect(html.match(/data-testid="review-/g)).toHaveLength(4);
    expect(html.match(/data-testid="by-state-/g)).toHaveLength(195);
    expect(html).toContain('action="/' + locale + '/states"');
    expect(bytes).toBeLessThan(BODY_BUDGET);
  });

  it("the States index lists 195 recommending States", async () => {
    const index = await listStateSummaries();
    expect(index.recommending).toHaveLength(195);
    const { html, bytes } = await gzippedBody(createElement(StatesIndexBody, { index, q: "" }), locale);
    expect(html.match(/data-testid="state-[A-Z]{3}"/g)).toHaveLength(195);
    expect(bytes).toBeLessThan(BODY_BUDGET);
  });

  it("France's page shows one page of the 800 reviews it recommended in, and links to the rest", async () => {
    const profile = await getStateProfile("FRA");
    expect(profile!.recommended.length).toBeGreaterThan(780);
    const first = await gzippedBody(createElement(StatePageBody, { profile: profile!, page: 1 }), locale);
    expect(first.html.match(/data-testid="recommended-[A-Z]{3}-\d"/g)).toHaveLength(RECOMMENDED_PAGE_SIZE);
    expect(first.html).toContain(`href="/${locale}/states/FRA?page=2#recommended-heading"`);
    expect(first.bytes).toBeLessThan(BODY_BUDGET);
    // Past the end is the last page.
    const last = await gzippedBody(createElement(StatePageBody, { profile: profile!, page: 1000 }), locale);
    expect(last.html.match(/data-testid="recommended-[A-Z]{3}-\d"/g)).toHaveLength(profile!.recommended.length % RECOMMENDED_PAGE_SIZE || RECOMMENDED_PAGE_SIZE);
    expect(last.html).not.toContain('rel="next"');
  });
});

describe("review summaries of a selection", () => {
  it("equal those of the whole list, counted for the selected reviews alone", async () => {
    const all = await listReviewSummaries();
    expect(all).toHaveLength(REVIEWS);
    expect(await listReviewSummaries(getDb(), { stateUnderReview: "CHN" })).toEqual(all.filter((review) => review.stateUnderReview.iso3 === "CHN"));
    const some = all.filter((_, index) => index % 97 === 0);
    expect(await listReviewSummaries(getDb(), { ids: some.map((review) => review.id) })).toEqual(some);
    for (const review of some) expect(await getReviewSummary(review.id)).toEqual(review);
    expect(await getReviewSummary(2_147_483_647)).toBeNull();
    expect(await listReviewSummaries(getDb(), { ids: [] })).toEqual([]);
  });
});
