import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitHref } from "@/lib/charts/chart-data";
import { importParsedDocument } from "@/lib/server/imports";
import { filtersOf, parseExplorerSearch, type RecommendationFilters } from "@/lib/search-params";
import { listRecommendations } from "@/lib/server/recommendations";
import { getDb } from "@/lib/server/db";
import { countRecommendationStats } from "@/lib/server/stats";
import { countOutsideThemesByUnit, countStatsByUnit, emptyStats } from "@/lib/server/stats/by-unit";
import { countRecommendationsOutsideThemes } from "@/lib/server/stats";
import { CHART_DIMENSIONS, loadChartInputs } from "@/lib/server/stats/review-charts";
import { STAT_DIMENSIONS, type StatsUnit } from "@/lib/stats";
import { parseRealFile, relabelledReview } from "../helpers/import-fixtures";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The per-unit counts behind the comparison's bars: for every unit (review, cycle, regional group of the State under
 * review, State under review), exactly what countRecommendationStats answers with the filters narrowed to that unit.
 * China's real reviews plus real texts relabelled as reviews of France, Brazil and the State of Palestine (an
 * observer, in no regional group), over cycles 2 and 3.
 */
let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;

const filters = (search: string): RecommendationFilters => filtersOf(parseExplorerSearch(Object.fromEntries(new URLSearchParams(search))).query);
const REGION_STATES: Record<string, string[]> = { "asia-pacific": ["CHN"], weog: ["FRA"], grulac: ["BRA"], none: ["PSE"] };

/** The filters narrowed to one unit, as the explorer would read them. */
function narrowed(base: RecommendationFilters, unit: StatsUnit, key: string): RecommendationFilters {
  switch (unit) {
    case "review":
      return { ...base, review: [Number(key)] };
    case "cycle":
      return { ...base, cycle: [Number(key)] };
    case "sur":
      return { ...base, sur: [key] };
    case "region":
      return { ...base, sur: REGION_STATES[key]! };
    case "all":
      return base;
  }
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const list2013 = await parseRealFile("ohchr/CHN-cycle2-2013-thematic-list.docx");
  const list2018 = await parseRealFile("ohchr/CHN-cycle3-2018-thematic-list.docx");
  await importParsedDocument(relabelledReview(list2013, "FRA", 2, "units"));
  await importParsedDocument(relabelledReview(list2018, "FRA", 3, "units"));
  await importParsedDocument(relabelledReview(list2018, "BRA", 3, "units"));
  await importParsedDocument(relabelledReview(list2013, "PSE", 2, "units"));
}, 300_000);

afterAll(async () => {
  await database.drop();
});

const FILTER_SETS = ["", "position=noted", "cycle=2,3&theme=uhri:h1", "region=weog&action=5", "q=torture"];

describe("countStatsByUnit", () => {
  it.each(FILTER_SETS)("per review, cycle, region and State equals the narrowed count, for %s", async (search) => {
    const base = filters(search);
    for (const unit of ["review", "cycle", "region", "sur"] as const) {
      for (const by of STAT_DIMENSIONS) {
        const perUnit = await countStatsByUnit(by, base, {}, unit);
        const all = await countRecommendationStats(by, base);
        expect([...perUnit.values()].reduce((sum, s) => sum + s.total, 0), `${unit} ${by}`).toBe(all.total);
        const keys = unit === "review" ? (await countStatsByUnit("review", base, {}, "all")).get("all")!.groups.map((g) => g.key) : unit === "cycle" ? ["1", "2", "3", "4"] : unit === "sur" ? ["CHN", "FRA", "BRA", "PSE"] : Object.keys(REGION_STATES);
        for (const key of keys) {
          const expected = await countRecommendationStats(by, narrowed(base, unit, key));
          expect(perUnit.get(key) ?? emptyStats(by), `${unit} ${key} ${by}`).toEqual(expected);
          if (expected.total === 0) expect(perUnit.has(key)).toBe(false);
        }
      }
    }
  }, 120_000);

  it("answers the whole selection under `all`, also when nothing matches", async () => {
    expect((await countStatsByUnit("position", filters("q=zzzqqqxxx"), {}, "all")).get("all")).toEqual(emptyStats("position"));
    expect((await countStatsByUnit("action", filters(""), {}, "all")).get("all")).toEqual(await countRecommendationStats("action", filters("")));
  });

  it("counts the theme chart's Other per unit as the narrowed count does", async () => {
    const slugs = ["uhri:h1", "uhri:d8"];
    const perCycle = await countOutsideThemesByUnit(filters(""), slugs, {}, "cycle");
    for (const cycle of [2, 3]) expect(perCycle.get(String(cycle))).toBe(await countRecommendationsOutsideThemes(filters(`cycle=${cycle}`), slugs));
    // The charts' shortcut (none of the slugs, less those without any theme) gives the same counts.
    for (const [search, unit] of [["", "cycle"], ["position=noted", "sur"], ["q=torture", "region"], ["", "review"]] as const) {
      const themes = await countStatsByUnit("theme", filters(search), {}, unit);
      const withoutTheme = new Map([...themes].map(([key, stats]) => [key, stats.groups.find((group) => group.key === "none")?.count ?? 0]));
      const fast = await countOutsideThemesByUnit(filters(search), slugs, {}, unit, getDb(), withoutTheme);
      const exact = await countOutsideThemesByUnit(filters(search), slugs, {}, unit);
      expect(new Map([...fast].filter(([, count]) => count > 0)), `${search} ${unit}`).toEqual(new Map([...exact].filter(([, count]) => count > 0)));
    }
  });
});

describe("the comparison's inputs per unit", () => {
  it("per cycle: each bar equals the explorer's total for its link", async () => {
    const base = filters("");
    const inputs = await loadChartInputs(base, {}, "cycle");
    expect(inputs.units.map((u) => u.unit.key)).toEqual(["1", "2", "3", "4"]);
    expect(inputs.reviews).toBe(8);
    for (const { unit, stats } of inputs.units) {
      const noted = stats.position.groups.find((g) => g.key === "noted")!.count;
      const href = unitHref(base, unit.narrow, { position: ["noted"] })!;
      const search = Object.fromEntries(new URL(href, "http://x").searchParams);
      expect((await listRecommendations(parseExplorerSearch(search).query)).total, href).toBe(noted);
    }
    // Every dimension of every unit, counted with the totals shared across dimensions, equals the narrowed count.
    for (const { unit, stats, acceptedByRegion } of inputs.units) {
      for (const by of CHART_DIMENSIONS) expect(stats[by], `cycle ${unit.key} ${by}`).toEqual(await countRecommendationStats(by, narrowed(base, "cycle", unit.key)));
      expect(acceptedByRegion).toEqual(await countRecommendationStats("region", narrowed(filters("position=supported,supported-in-part"), "cycle", unit.key)));
    }
    // Cycle 4 holds only China 2024: its reported figures, never counted.
    const cycle4 = inputs.units.find((u) => u.unit.key === "4")!;
    expect(cycle4.stats.position.total).toBe(0);
    expect(cycle4.unit.reported?.position.map((g) => g.count)).toEqual([290, 8, 130]);
  });

  it("per region: the bar of a regional group links to its States under review", async () => {
    const base = filters("cycle=2,3");
    const inputs = await loadChartInputs(base, {}, "region");
    expect(inputs.units.map((u) => [u.unit.key, u.unit.narrow])).toEqual([
      ["asia-pacific", { sur: ["CHN"] }],
      ["grulac", { sur: ["BRA"] }],
      ["weog", { sur: ["FRA"] }],
      ["none", { sur: ["PSE"] }],
    ]);
    for (const { unit, stats } of inputs.units) {
      const search = Object.fromEntries(new URL(unitHref(base, unit.narrow)!, "http://x").searchParams);
      expect((await listRecommendations(parseExplorerSearch(search).query)).total).toBe(stats.position.total);
    }
  });
});
