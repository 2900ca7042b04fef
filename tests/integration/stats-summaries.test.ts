import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filtersOf, parseExplorerSearch, type RecommendationFilters } from "@/lib/search-params";
import { getDb } from "@/lib/server/db";
import { applyImport } from "@/lib/server/imports";
import { refreshRecommendationSearchIndex } from "@/lib/server/recommendation-index";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { countExplorerSelection, countRecommendationFacets, type RecommendationFacets } from "@/lib/server/facets";
import { recommendationPageSql } from "@/lib/server/recommendations";
import { listStateSummaries } from "@/lib/server/states";
import { countRecommendationStats, countRecommendationStatsLive } from "@/lib/server/stats";
import { countStatsByUnitLive } from "@/lib/server/stats/by-unit";
import { summaryAcceptedRegionByUnit, summaryStatsByUnit } from "@/lib/server/stats/summary";
import { STAT_DIMENSIONS, type RecommendationStats, type StatsUnit } from "@/lib/stats";
import { parseRealFile, relabelledReview } from "../helpers/import-fixtures";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The stats summaries (lib/server/stats/summary.ts) equal the live count for every dimension and every unit, after
 * each kind of write: imports, a re-import with --replace, assessments public and private, new versions, a
 * withdrawal, a visibility change, an action-category override, a recommending-State change, an organisation's
 * removal. The expected answer of a unit is the live count with the unit's own filter added.
 */
const UNITS: StatsUnit[] = ["all", "review", "cycle", "region", "sur"];
const CYCLE3 = "ohchr/CHN-cycle3-2018-thematic-list.docx";
const UPR_INFO = "upr-info/CHN-upr-info-2009-2013.csv";

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let orgA = "";
let orgB = "";
let author = "";
let sample: number[] = [];

/** The explorer list's own count of the selection. */
const listTotalSql = (f: RecommendationFilters, scope: ViewerScope) => recommendationPageSql({ ...f, sort: "-cycle", page: 1, pageSize: 25 }, scope).count;

const filters = (search: string): RecommendationFilters => filtersOf(parseExplorerSearch(Object.fromEntries(new URLSearchParams(search))).query);

type Review = { id: number; cycle: number; sur: string; region: string };
async function reviews(): Promise<Review[]> {
  return getDb().$queryRaw<Review[]>`SELECT v."id", v."cycle", v."stateUnderReviewIso3" AS "sur", COALESCE(lower(c."regionalGroup"::text), 'none') AS "region"
    FROM "Review" v JOIN "Country" c ON c."iso3" = v."stateUnderReviewIso3" ORDER BY v."id"`;
}

const REGION_KEY: Record<string, string> = { african: "african", asia_pacific: "asia-pacific", eastern_european: "eeg", grulac: "grulac", weog: "weog", none: "none" };

/** The live answer per unit: the live count with the filters plus the unit's reviews, units without a match left out. */
async function liveByUnit(by: (typeof STAT_DIMENSIONS)[number], base: RecommendationFilters, scope: ViewerScope, unit: StatsUnit): Promise<Map<string, RecommendationStats>> {
  const all = await reviews();
  const keyOf = (review: Review): string =>
    ({ all: "all", review: String(review.id), cycle: String(review.cycle), sur: review.sur, region: REGION_KEY[review.region] ?? review.region })[unit];
  const keys = [...new Set(all.map(keyOf))].sort();
  const result = new Map<string, RecommendationStats>();
  for (const key of keys) {
    const ids = all.filter((review) => keyOf(review) === key).map((review) => review.id);
    const unitFilters = unit === "all" ? base : { ...base, review: base.review.length > 0 ? base.review.filter((id) => ids.includes(id)) : ids };
    if (unitFilters.review.length === 0 && unit !== "all") continue;
    const stats = await countRecommendationStatsLive(by, unitFilters, scope);
    if (stats.total > 0 || unit === "all") result.set(key, stats);
  }
  return result;
}

async function expectSummariesEqualLive(searches: string[], scope: ViewerScope, units: StatsUnit[] = UNITS): Promise<void> {
  for (const search of searches) {
    for (const by of STAT_DIMENSIONS) {
      for (const unit of units) {
        const base = filters(search);
        const summary = await summaryStatsByUnit(by, base, scope, unit);
        expect(summary, `${search} ${by} ${unit}`).not.toBeNull();
        const live = await liveByUnit(by, base, scope, unit);
        expect(new Map([...summary!].sort(([a], [b]) => a.localeCompare(b))), `${search} by=${by} unit=${unit}`).toEqual(live);
      }
    }
  }
}

const SEARCHES = ["", "cycle=3", "cycle=1,2&sur=CHN", "sur=FRA,CHN", "statusOf=mine"];

beforeAll(async () => {
  database = await createSeededTestDatabase();
  // A second State under review (a fixture: China's real cycle 3 texts relabelled as France's), another regional group.
  await applyImport(relabelledReview(await parseRealFile(CYCLE3), "FRA", 3, "summaries"));
  author = (await getDb().user.create({ data: { name: "Summaries editor", email: "editor@summaries.example.org" } })).id;
  orgA = (await getDb().organization.create({ data: { name: "Summaries A", slug: "summaries-a" } })).id;
  orgB = (await getDb().organization.create({ data: { name: "Summaries B", slug: "summaries-b" } })).id;
  sample = (await getDb().$queryRaw<{ id: number }[]>`SELECT r."id" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" WHERE v."cycle" = 3 ORDER BY r."id" LIMIT 6`).map((row) => row.id);
}, 240_000);

afterAll(async () => {
  await database.drop();
});

describe("stats summaries equal the live count", () => {
  it("after the seed and an import, for every dimension and unit", async () => {
    await expectSummariesEqualLive(SEARCHES, {});
  }, 240_000);

  it("the accepted recommendations by region (the acceptance rate's numerator), for every unit", async () => {
    for (const search of ["", "cycle=3", "sur=CHN"]) {
      for (const unit of UNITS) {
        const base = filters(search);
        const accepted = filters(`${search}&position=supported,supported-in-part`);
        const totals = new Map([...(await countStatsByUnitLive("position", accepted, {}, unit))].map(([key, stats]) => [key, stats.total]));
        const live = await countStatsByUnitLive("region", accepted, {}, unit, getDb(), totals);
        const summary = await summaryAcceptedRegionByUnit(base, totals, unit);
        expect(summary, `${search} ${unit}`).not.toBeNull();
        expect(new Map([...summary!].sort(([a], [b]) => a.localeCompare(b))), `${search} ${unit}`).toEqual(new Map([...live].sort(([a], [b]) => a.localeCompare(b))));
      }
    }
    expect(await summaryAcceptedRegionByUnit(filters("position=noted"), new Map(), "all")).toBeNull();
  }, 240_000);

  it("the explorer's facets read from the summaries equal the facets counted live", async () => {
    const sorted = (facets: RecommendationFacets) =>
      Object.fromEntries(Object.entries(facets).map(([key, values]) => [key, [...(values as { value: string }[])].sort((a, b) => a.value.localeCompare(b.value))]));
    for (const search of ["", "cycle=3", "sur=CHN&cycle=2,3", "cycle=3&position=noted", "theme=uhri:a12", "q=torture"]) {
      const f = filters(search);
      expect(sorted(await countRecommendationFacets(f)), search).toEqual(sorted(await countRecommendationFacets(f, {}, getDb(), { live: true })));
    }
  }, 240_000);

  it("after a re-import with --replace (another source's rows deleted, new ones written)", async () => {
    const result = await applyImport(await parseRealFile(UPR_INFO), { replace: true });
    expect(result.outcomes.some((outcome) => outcome.action === "replace")).toBe(true);
    await expectSummariesEqualLive(["", "sur=CHN"], {}, ["all", "review", "cycle"]);
  }, 240_000);

  it("after public and private assessments, new versions, a withdrawal and a visibility change, public and mine", async () => {
    const assess = (recommendationId: number, organizationId: string, version: number, status: "NOT_ASSESSED" | "FULLY_IMPLEMENTED" | "PARTIALLY_IMPLEMENTED" | "NOT_IMPLEMENTED", visibility: "PUBLIC" | "PRIVATE") =>
      getDb().assessment.create({
        data: { recommendationId, organizationId, authorUserId: author, status, visibility, version, assessedOn: new Date("2026-01-15"), rationale: "summaries test", confidence: "LOW" },
      });
    const [a, b, c, d, e] = sample as [number, number, number, number, number];
    await assess(a, orgA, 1, "PARTIALLY_IMPLEMENTED", "PUBLIC");
    await assess(a, orgA, 2, "FULLY_IMPLEMENTED", "PUBLIC");
    await assess(a, orgA, 3, "NOT_IMPLEMENTED", "PRIVATE");
    await assess(a, orgB, 1, "FULLY_IMPLEMENTED", "PUBLIC");
    await assess(b, orgA, 1, "NOT_ASSESSED", "PUBLIC");
    await assess(c, orgB, 1, "NOT_IMPLEMENTED", "PRIVATE");
    const withdrawn = await assess(d, orgA, 1, "FULLY_IMPLEMENTED", "PUBLIC");
    const hidden = await assess(e, orgB, 1, "PARTIALLY_IMPLEMENTED", "PUBLIC");
    await getDb().assessment.update({ where: { id: withdrawn.id }, data: { withdrawnAt: new Date(), withdrawalReason: "published by mistake" } });
    await getDb().assessment.update({ where: { id: hidden.id }, data: { visibility: "PRIVATE" } });
    for (const scope of [{}, { organizationIds: [orgA] }, { organizationIds: [orgB] }]) {
      await expectSummariesEqualLive(["", "statusOf=mine", "cycle=3&statusOf=mine"], scope, ["all", "review", "region"]);
      for (const search of ["", "statusOf=mine", "cycle=3&statusOf=mine&status=fully_implemented"]) {
        expect(await countRecommendationFacets(filters(search), scope), search).toEqual(await countRecommendationFacets(filters(search), scope, getDb(), { live: true }));
      }
    }
  }, 240_000);

  it("the explorer's facets and total from the slice rows and the one-pass count equal the per-facet live counts, public and mine", async () => {
    // Confirmed links both ways, and a rejected one that must not count.
    const [a, b, c, d] = sample as [number, number, number, number];
    const link = (earlierId: number, laterId: number, status: "CONFIRMED" | "REJECTED") =>
      getDb().recommendationLink.create({ data: { earlierId, laterId, status, decidedByUserId: author, organizationId: orgA, similarity: 0.9 } });
    await link(a, b, "CONFIRMED");
    await link(b, c, "CONFIRMED");
    await link(c, d, "REJECTED");
    const searches = [
      "region=weog",
      "position=noted",
      "cycle=3&region=weog&position=supported",
      "cycle=2,3&sur=CHN&position=supported,noted&region=weog,eeg",
      "region=african,asia-pacific&position=supported-in-part",
      "q=education",
      "q=torture&position=supported&region=weog",
      "theme=uhri:a12",
      "theme=uhri:a12&cycle=3&region=grulac",
      "state=GBR,FRA",
      "wording=accepted&cycle=3",
      "action=5&position=supported",
      "status=fully_implemented",
      "status=not_assessed&region=weog",
      "recurring=earlier",
      "recurring=later&cycle=2,3",
      "affected=human-rights-defenders&region=weog",
      "statusOf=mine&position=noted",
      "statusOf=mine&status=not_implemented,not_assessed&cycle=3",
    ];
    for (const scope of [{}, { organizationIds: [orgA] }, { organizationIds: [orgA, orgB] }]) {
      for (const search of searches) {
        const f = filters(search);
        const fast = await countExplorerSelection(f, scope);
        expect(fast.facets, `${search} ${JSON.stringify(scope)}`).toEqual(await countRecommendationFacets(f, scope, getDb(), { live: true }));
        const [live] = await getDb().$queryRaw<{ total: number }[]>(listTotalSql(f, scope));
        expect(fast.total, `${search} total`).toBe(live!.total);
      }
    }
    // Review-level filters: the total from the summaries.
    for (const search of ["", "cycle=3", "sur=CHN&cycle=2,3"]) {
      const [live] = await getDb().$queryRaw<{ total: number }[]>(listTotalSql(filters(search), {}));
      expect((await countExplorerSelection(filters(search))).total, search).toBe(live!.total);
    }
  }, 240_000);

  it("after an action-category override and a recommending-State change", async () => {
    const [a, b] = sample as [number, number];
    await getDb().recommendation.update({ where: { id: a }, data: { actionCategory: 5, actionCategoryMethod: "OVERRIDE" } });
    await getDb().recommendationState.deleteMany({ where: { recommendationId: b } });
    await getDb().recommendationState.create({ data: { recommendationId: b, countryIso3: "NZL", ordinal: 0 } });
    await refreshRecommendationSearchIndex(getDb(), { ids: [a, b] });
    await expectSummariesEqualLive(["", "cycle=3"], {}, ["all", "sur"]);
    // The States index reads its per-State counts from the summaries: the same as counted over the recommendations.
    const index = await listStateSummaries();
    const live = await getDb().$queryRaw<{ iso3: string; recommendations: number; statesReviewed: number }[]>`
      SELECT rs."countryIso3" AS "iso3", count(*)::int AS "recommendations", count(DISTINCT v."stateUnderReviewIso3")::int AS "statesReviewed"
      FROM "RecommendationState" rs JOIN "Recommendation" r ON r."id" = rs."recommendationId" JOIN "Review" v ON v."id" = r."reviewId"
      GROUP BY 1 ORDER BY 1`;
    expect(live.some((row) => row.iso3 === "NZL")).toBe(true);
    expect(index.recommending.map(({ iso3, recommendations, statesReviewed }) => ({ iso3, recommendations, statesReviewed })).sort((x, y) => x.iso3.localeCompare(y.iso3))).toEqual(live);
  }, 240_000);

  it("after an organisation is removed (its assessments cascade)", async () => {
    await getDb().organization.delete({ where: { id: orgB } });
    await expectSummariesEqualLive(["statusOf=mine"], { organizationIds: [orgA] }, ["all", "cycle"]);
  }, 240_000);

  it("never trusts a marked review: a wrong row is rewritten before it is read", async () => {
    const [review] = await reviews();
    await getDb().$executeRaw`UPDATE "StatsSummary" SET "count" = "count" + 1000 WHERE "reviewId" = ${review!.id} AND "dimension" = 'total'`;
    await getDb().$executeRaw`INSERT INTO "StatsSummaryStale" ("reviewId") VALUES (${review!.id})`;
    await expectSummariesEqualLive([`review=${review!.id}`, ""], {}, ["all"]);
  }, 240_000);
});

describe("what the summaries cannot answer is counted live", () => {
  it.each(["q=torture", "theme=uhri:h1", "position=noted&cycle=3", "state=GBR", "region=weog", "action=5", "status=fully_implemented", "wording=accepted", "recurring=earlier"])(
    "%s",
    async (search) => {
      for (const by of STAT_DIMENSIONS) {
        expect(await summaryStatsByUnit(by, filters(search), {}, "all")).toBeNull();
        expect(await countRecommendationStats(by, filters(search))).toEqual(await countRecommendationStatsLive(by, filters(search)));
      }
    },
  );

  it("status for a member of several organisations", async () => {
    const scope = { organizationIds: [orgA, "another-organisation"] };
    expect(await summaryStatsByUnit("status", filters("statusOf=mine"), scope, "all")).toBeNull();
    expect(await countRecommendationStats("status", filters("statusOf=mine"), scope)).toEqual(await countRecommendationStatsLive("status", filters("statusOf=mine"), scope));
  });

  it("a marked review another transaction is refreshing", async () => {
    const [review] = await reviews();
    await getDb().$executeRaw`INSERT INTO "StatsSummaryStale" ("reviewId") VALUES (${review!.id})`;
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock(hashtext('upr-stats-summary'), $1)", [review!.id]);
      expect(await summaryStatsByUnit("theme", filters(""), {}, "all")).toBeNull();
      expect(await countRecommendationStats("theme", filters(""))).toEqual(await countRecommendationStatsLive("theme", filters("")));
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect(await summaryStatsByUnit("theme", filters(""), {}, "all")).not.toBeNull();
  });
});
