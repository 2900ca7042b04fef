import { describe, expect, it } from "vitest";
import type { RecommendationStats } from "@/lib/stats";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { foldUnits, MANY_REVIEWS, MAX_UNITS, mergeStats, OTHER_UNIT, parsePer, reportedPositions, unitInForce, unitsOf, type ChartReview, type ChartUnit } from "./units";

const review = (id: number, iso3: string, name: string, region: string, cycle: number, year: number | null, loaded: number, extra: Partial<ChartReview> = {}): ChartReview => ({
  id,
  stateUnderReview: { iso3, name },
  cycle,
  year,
  loaded,
  reportedTotal: null,
  region,
  reported: { supported: null, supportedInPart: null, noted: null, source: null, wordings: [] },
  ...extra,
});

const china2024 = review(4, "CHN", "China", "asia-pacific", 4, 2024, 0, {
  reportedTotal: 428,
  reported: { supported: 290, supportedInPart: 8, noted: 130, source: "A/HRC/56/6/Add.1", wordings: [{ wording: "accepted", position: "supported", count: 290 }, { wording: "Rejected", position: "noted", count: 98 }] },
});
const REVIEWS = [
  review(3, "CHN", "China", "asia-pacific", 3, 2018, 346, { reportedTotal: 346 }),
  china2024,
  review(7, "FRA", "France", "weog", 3, 2017, 297),
  review(8, "FRA", "France", "weog", 4, 2023, 350),
  review(9, "PSE", "State of Palestine", "none", 4, 2024, 10),
];

describe("the unit of a bar", () => {
  it("reads `per` from the URL, ignoring anything else", () => {
    expect(parsePer("cycle")).toBe("cycle");
    expect(parsePer(["sur", "cycle"])).toBe("sur");
    expect(parsePer("all")).toBeNull();
    expect(parsePer(undefined)).toBeNull();
  });

  it("defaults to one bar per review for a few reviews and per cycle for many, and says when it chose", () => {
    expect(unitInForce(null, MANY_REVIEWS)).toEqual({ per: "review", defaulted: false });
    expect(unitInForce(null, MANY_REVIEWS + 1)).toEqual({ per: "cycle", defaulted: true });
    expect(unitInForce("review", 800)).toEqual({ per: "review", defaulted: false });
  });
});

describe("units of the selected reviews", () => {
  it("per cycle: in cycle order, with their years, narrowing the explorer to the cycle", () => {
    const units = unitsOf(REVIEWS, "cycle");
    expect(units.map((u) => [u.key, u.reviews, u.loaded, u.years, u.narrow])).toEqual([
      ["3", 2, 643, { from: 2017, to: 2018 }, { cycle: [3] }],
      ["4", 3, 360, { from: 2023, to: 2024 }, { cycle: [4] }],
    ]);
    // Only China 2024 has reported figures without records; France 2023 and Palestine's records are counted apart.
    expect(units[1]!.reported?.total).toBe(428);
    expect(units[1]!.reported?.wording.map((g) => g.key)).toEqual(["accepted", "rejected"]);
    expect(units[1]!.reportedTotal).toBe(428);
    expect(units[1]!.loadedOfReported).toBe(0);
  });

  it("per region of the State under review: the explorer's order, `none` last, narrowing to the region's States", () => {
    expect(unitsOf(REVIEWS, "region").map((u) => [u.key, u.narrow])).toEqual([
      ["asia-pacific", { sur: ["CHN"] }],
      ["weog", { sur: ["FRA"] }],
      ["none", { sur: ["PSE"] }],
    ]);
  });

  it("per State and per review: by name, then cycle", () => {
    expect(unitsOf(REVIEWS, "sur").map((u) => [u.key, u.narrow])).toEqual([
      ["CHN", { sur: ["CHN"] }],
      ["FRA", { sur: ["FRA"] }],
      ["PSE", { sur: ["PSE"] }],
    ]);
    const reviews = unitsOf(REVIEWS, "review");
    expect(reviews.map((u) => u.key)).toEqual(["3", "4", "7", "8", "9"]);
    expect(reviews[1]!.reported?.position.map((g) => g.count)).toEqual([290, 8, 130]);
    expect(reviews[0]!.reported).toBeNull();
  });
});

describe("reported figures under filters", () => {
  const filters = (search: string) => filtersOf(parseExplorerSearch(Object.fromEntries(new URLSearchParams(search))).query);

  it("are narrowed to the positions filtered, and left out under filters they cannot answer", () => {
    expect(reportedPositions(filters("sur=CHN&cycle=4"))).toEqual([]);
    expect(reportedPositions(filters("position=noted&statusOf=mine"))).toEqual(["noted"]);
    for (const search of ["theme=uhri:d8", "q=torture", "state=FRA", "wording=rejected", "status=not_assessed"]) expect(reportedPositions(filters(search)), search).toBeNull();
    const noted = unitsOf([china2024], "review", ["noted"])[0]!.reported!;
    expect(noted.position.map((g) => g.count)).toEqual([0, 0, 130]);
    expect(noted.wording.map((g) => [g.key, g.count])).toEqual([["rejected", 98]]);
    expect(noted.total).toBe(130);
    expect(unitsOf([china2024], "review", null)[0]!.reported).toBeNull();
  });
});

const stats = (total: number, groups: [string, number][]): RecommendationStats => ({ by: "position", total, groups: groups.map(([key, count]) => ({ key, label: key, count })) });

describe("folding the tail into Other", () => {
  type Item = { unit: ChartUnit; size: number; stats: RecommendationStats };
  const items: Item[] = Array.from({ length: 20 }, (_, i) => {
    const unit = unitsOf([review(100 + i, `S${String(i).padStart(2, "0")}`, `State ${String(i).padStart(2, "0")}`, "weog", 1, 2009, i + 1)], "sur")[0]!;
    return { unit, size: i + 1, stats: stats(i + 1, [["supported", i + 1], ["none", 1]]) };
  });
  const merge = (rest: Item[], other: ChartUnit): Item => ({ unit: other, size: 0, stats: mergeStats(rest.map((r) => r.stats)) });

  it("keeps everything up to the cap", () => {
    expect(foldUnits(items.slice(0, MAX_UNITS), merge)).toHaveLength(MAX_UNITS);
  });

  it("keeps the largest in reading order and adds up the rest in one Other that links nowhere", () => {
    const folded = foldUnits(items, merge);
    expect(folded).toHaveLength(MAX_UNITS);
    expect(folded.slice(0, -1).map((f) => f.unit.key)).toEqual(items.slice(20 - (MAX_UNITS - 1)).map((i) => i.unit.key));
    const other = folded.at(-1)!;
    expect(other.unit).toMatchObject({ key: OTHER_UNIT, folded: 20 - (MAX_UNITS - 1), narrow: null, reviews: 9 });
    expect(other.stats).toEqual(stats(45, [["supported", 45], ["none", 9]]));
  });
});
