import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedPositions } from "@/lib/charts/chart-data";
import { filtersOf, parseExplorerSearch, type RecommendationFilters } from "@/lib/search-params";
import { getDb } from "@/lib/server/db";
import { countRecommendations, getLoadedTotals } from "@/lib/server/home/overview";
import { applyImport } from "@/lib/server/imports";
import { refreshRecommendationSearchIndex } from "@/lib/server/recommendation-index";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { countOutsideThemesByUnit } from "@/lib/server/stats/by-unit";
import { summaryOutsideThemesByUnit, summaryStatusTimeline } from "@/lib/server/stats/chart-summaries";
import { statusTimelineRowsLive } from "@/lib/server/stats/timeline";
import type { StatsUnit } from "@/lib/stats";
import { parseRealFile, relabelledReview } from "../helpers/import-fixtures";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The charts' figures that the summaries answer besides the per-dimension counts: the theme chart's "Other" bar (those
 * with a theme but none of the top ones) and the accepted recommendations' status timeline. Each equals the live count,
 * for every unit, public and each organisation's own, after assessments over several years, new versions, a
 * withdrawal and a change of themes.
 */
const UNITS: StatsUnit[] = ["all", "review", "cycle", "region", "sur"];
const SEARCHES = ["", "cycle=3", "cycle=1,2&sur=CHN", "sur=FRA,CHN"];
const CYCLE3 = "ohchr/CHN-cycle3-2018-thematic-list.docx";

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let orgA = "";
let orgB = "";

const filters = (search: string): RecommendationFilters => filtersOf(parseExplorerSearch(Object.fromEntries(new URLSearchParams(search))).query);
const sorted = <V>(map: Map<string, V>): [string, V][] => [...map].sort(([a], [b]) => a.localeCompare(b));

/** The most used themes (as the chart would pick its top), and a few sets of slugs around them. */
async function slugSets(): Promise<string[][]> {
  const top = await getDb().$queryRaw<{ slug: string }[]>`SELECT t."slug" FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId"
    WHERE t."scheme" <> 'AFFECTED_PERSONS' GROUP BY t."slug" ORDER BY count(*) DESC, t."slug" LIMIT 8`;
  const slugs = top.map((row) => row.slug);
  expect(slugs.length).toBeGreaterThan(2);
  return [[], slugs.slice(0, 1), slugs, [...slugs.slice(2), "no-such-theme"]];
}

async function expectOutsideEqualLive(searches: string[]): Promise<void> {
  for (const slugs of await slugSets()) {
    for (const search of searches) {
      for (const unit of UNITS) {
        const summary = await summaryOutsideThemesByUnit(filters(search), slugs, unit);
        expect(summary, `${search} ${unit}`).not.toBeNull();
        const live = await countOutsideThemesByUnit(filters(search), slugs, {}, unit);
        expect(sorted(summary!), `${search} ${unit} ${slugs.join(",")}`).toEqual(sorted(live));
      }
    }
  }
}

async function expectTimelineEqualLive(searches: string[], scopes: ViewerScope[]): Promise<void> {
  for (const scope of scopes) {
    for (const search of searches) {
      const summary = await summaryStatusTimeline(filters(search), scope);
      expect(summary, search).not.toBeNull();
      const live = await statusTimelineRowsLive(filters(search), acceptedPositions([])!, scope);
      const key = (row: { year: number; status: string | null }) => `${row.year}:${row.status ?? ""}`;
      expect([...summary!].sort((a, b) => key(a).localeCompare(key(b))), `${search} ${JSON.stringify(scope)}`).toEqual([...live].sort((a, b) => key(a).localeCompare(key(b))));
    }
  }
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  await applyImport(relabelledReview(await parseRealFile(CYCLE3), "FRA", 3, "charts"));
  const author = (await getDb().user.create({ data: { name: "Charts editor", email: "editor@charts.example.org" } })).id;
  orgA = (await getDb().organization.create({ data: { name: "Charts A", slug: "charts-a" } })).id;
  orgB = (await getDb().organization.create({ data: { name: "Charts B", slug: "charts-b" } })).id;
  // Accepted and noted recommendations of both States, assessed over three years by two organisations.
  const sample = await getDb().$queryRaw<{ id: number }[]>`SELECT r."id" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
    WHERE v."cycle" = 3 ORDER BY v."stateUnderReviewIso3", r."position", r."id" LIMIT 400`;
  const ids = sample.filter((_, index) => index % 20 === 0).map((row) => row.id);
  const statuses = ["NOT_ASSESSED", "FULLY_IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED"] as const;
  let n = 0;
  for (const recommendationId of ids) {
    for (const [organizationId, years] of [[orgA, ["2022-03-01", "2024-06-30", "2024-12-31"]], [orgB, ["2024-01-15", "2026-02-01"]]] as const) {
      for (const [version, day] of years.slice(0, 1 + (n % years.length)).entries()) {
        await getDb().assessment.create({
          data: {
            recommendationId, organizationId, authorUserId: author, version: version + 1, assessedOn: new Date(day), rationale: "charts test", confidence: "LOW",
            status: statuses[(n + version) % statuses.length]!, visibility: (n + version) % 3 === 0 ? "PRIVATE" : "PUBLIC",
          },
        });
      }
      n++;
    }
  }
  const withdrawn = await getDb().assessment.findFirstOrThrow({ where: { visibility: "PUBLIC" }, orderBy: { id: "asc" } });
  await getDb().assessment.update({ where: { id: withdrawn.id }, data: { withdrawnAt: new Date(), withdrawalReason: "published by mistake" } });
}, 240_000);

afterAll(async () => {
  await database.drop();
});

describe("the charts' figures from the summaries equal the live count", () => {
  it("the theme chart's Other bar, for every unit and several tops", async () => {
    await expectOutsideEqualLive(SEARCHES);
  }, 240_000);

  it("the status timeline, public and each organisation's own", async () => {
    const years = await statusTimelineRowsLive(filters(""), acceptedPositions([])!, {});
    expect(new Set(years.map((row) => row.year)).size).toBeGreaterThan(1);
    await expectTimelineEqualLive([...SEARCHES, "statusOf=mine"], [{}, { organizationIds: [orgA] }, { organizationIds: [orgB] }]);
  }, 240_000);

  it("after a recommendation's themes change and a new assessment in a later year", async () => {
    const [first] = await getDb().$queryRaw<{ id: number; reviewId: number }[]>`SELECT r."id", r."reviewId" FROM "Recommendation" r WHERE cardinality(r."themeIds") > 0 ORDER BY r."id" LIMIT 1`;
    await getDb().recommendationTheme.deleteMany({ where: { recommendationId: first!.id } });
    await refreshRecommendationSearchIndex(getDb(), { ids: [first!.id] });
    const accepted = await getDb().recommendation.findFirstOrThrow({ where: { position: "SUPPORTED", assessments: { some: { organizationId: orgA } } }, select: { id: true } });
    const latest = await getDb().assessment.findFirstOrThrow({ where: { recommendationId: accepted.id, organizationId: orgA }, orderBy: { version: "desc" } });
    await getDb().assessment.create({
      data: { recommendationId: accepted.id, organizationId: orgA, authorUserId: latest.authorUserId, version: latest.version + 1, assessedOn: new Date("2027-01-10"), rationale: "later", confidence: "LOW", status: "FULLY_IMPLEMENTED", visibility: "PUBLIC" },
    });
    await expectOutsideEqualLive(["", "sur=CHN"]);
    await expectTimelineEqualLive(["", "statusOf=mine"], [{}, { organizationIds: [orgA] }]);
  }, 240_000);
});

describe("the first page's total of recommendations", () => {
  it("equals the count, also with a review marked for a recount", async () => {
    const count = await countRecommendations();
    expect(count).toBeGreaterThan(1000);
    expect((await getLoadedTotals()).recommendations).toBe(count);
    const [review] = await getDb().$queryRaw<{ id: number }[]>`SELECT "id" FROM "Review" ORDER BY "id" LIMIT 1`;
    await getDb().$executeRaw`DELETE FROM "Recommendation" WHERE "id" IN (SELECT "id" FROM "Recommendation" WHERE "reviewId" = ${review!.id} ORDER BY "id" LIMIT 3)`;
    expect((await getLoadedTotals()).recommendations).toBe(count - 3);
    expect(await countRecommendations()).toBe(count - 3);
  });
});

describe("what the summaries cannot answer is counted live", () => {
  it.each(["q=torture", "theme=uhri:h1", "position=noted", "state=GBR"])("%s", async (search) => {
    expect(await summaryOutsideThemesByUnit(filters(search), [], "all")).toBeNull();
    expect(await summaryStatusTimeline(filters(search), {})).toBeNull();
  });

  it("the timeline for a member of several organisations", async () => {
    expect(await summaryStatusTimeline(filters("statusOf=mine"), { organizationIds: [orgA, orgB] })).toBeNull();
  });
});
