import { describe, expect, it } from "vitest";
import { parseExplorerSearch, filtersOf } from "@/lib/search-params";
import { acceptedPositions, explorerHref, incompleteNote, rateCell, seriesLabel, subjectThemes, topNWithOther, type ReviewSeries } from "./chart-data";
import { testChartText } from "@/tests/helpers/chart-text";

const en = testChartText("en");
const zh = testChartText("zh");

const filters = (search: string) => filtersOf(parseExplorerSearch(Object.fromEntries(new URLSearchParams(search))).query);
const review = (id: number, cycle: number, year: number | null, loaded: number, reportedTotal: number | null, iso3 = "CHN", name = "China"): ReviewSeries => ({
  id,
  stateUnderReview: { iso3, name },
  cycle,
  year,
  loaded,
  reportedTotal,
});

describe("topNWithOther", () => {
  const a = [
    { key: "t1", label: "Death penalty", count: 10 },
    { key: "t2", label: "Torture", count: 5 },
    { key: "t3", label: "Women", count: 1 },
    { key: "none", label: "No theme", count: 2 },
  ];
  const b = [
    { key: "t3", label: "Women", count: 9 },
    { key: "t4", label: "Children", count: 4 },
  ];

  it("ranks by the sum over all series, keeps one order for every series, then Other and none", () => {
    const { categories, counts } = topNWithOther([a, b], 2);
    expect(categories.map((c) => c.key)).toEqual(["t1", "t3", "other", "none"]);
    expect(categories[2]?.label).toBe("Other (2 more)");
    expect(counts).toEqual([
      [10, 0],
      [1, 9],
      [5, 4],
      [2, 0],
    ]);
  });

  it("has no Other when everything fits, and breaks ties by label", () => {
    const { categories } = topNWithOther([[{ key: "b", label: "B", count: 1 }, { key: "a", label: "A", count: 1 }]], 5);
    expect(categories.map((c) => c.key)).toEqual(["a", "b"]);
  });

  it("leaves Sustainable Development Goals out of the theme chart", () => {
    expect(subjectThemes([{ key: "sdg:16", label: "SDG 16", count: 3 }, { key: "uhri:a12", label: "A12", count: 1 }]).map((g) => g.key)).toEqual(["uhri:a12"]);
  });
});

describe("rates", () => {
  it("gives a percentage with one decimal and the counts behind it", () => {
    expect(rateCell(284, 346, "/x", en)).toEqual({ value: 82.1, text: "82.1% (284 of 346)", href: "/x" });
    expect(rateCell(1, 2, null, en).text).toBe("50% (1 of 2)");
    expect(rateCell(284, 346, null, zh).text).toBe("82.1%（284/346）");
  });

  it("shows a share of nothing as a dash, not 0% or NaN", () => {
    expect(rateCell(0, 0, "/x", en)).toEqual({ value: 0, text: "—", href: null });
  });

  it("counts as accepted only supported positions within the position filter", () => {
    expect(acceptedPositions([])).toEqual(["supported", "supported-in-part"]);
    expect(acceptedPositions(["supported", "noted"])).toEqual(["supported"]);
    expect(acceptedPositions(["noted"])).toBeNull();
  });
});

describe("explorer links", () => {
  it("carries the current filters, narrows to the review and replaces the dimension's own filter", () => {
    expect(explorerHref(filters("sur=CHN&cycle=2,3&position=noted&q=torture"), 3, { position: ["supported"] })).toBe(
      "/recommendations?review=3&cycle=2%2C3&sur=CHN&position=supported&q=torture",
    );
    expect(explorerHref(filters("sur=CHN"), 2, { action: ["5"] })).toBe("/recommendations?review=2&sur=CHN&action=5");
    expect(explorerHref(filters("statusOf=mine&status=fully_implemented"), 1, { region: ["weog"] })).toBe(
      "/recommendations?review=1&region=weog&status=fully_implemented&statusOf=mine",
    );
  });

  it("has no link for the none and Other groups", () => {
    expect(explorerHref(filters(""), 1, { position: ["none"] })).toBeNull();
    expect(explorerHref(filters(""), 1, { theme: ["other"] })).toBeNull();
  });
});

describe("series labels and completeness", () => {
  it("names reviews by year when they are of one State, else with the State", () => {
    const china = [review(2, 2, 2013, 252, null), review(3, 3, 2018, 346, 346)];
    expect(seriesLabel(china[0]!, china, en)).toBe("2013");
    const mixed = [...china, review(9, 3, null, 10, null, "FRA", "France")];
    expect(seriesLabel(mixed[0]!, mixed, en)).toBe("China 2013");
    expect(seriesLabel(mixed[2]!, mixed, en)).toBe("France 3rd cycle");
    expect(seriesLabel(mixed[0]!, mixed, zh)).toBe("中国 2013");
    expect(seriesLabel(mixed[2]!, mixed, zh)).toBe("法国 第三轮");
  });

  it("says a review is incomplete only when fewer are loaded than reported", () => {
    expect(incompleteNote(review(4, 4, 2024, 0, 428), "2024", en)).toBe("2024: 0 of 428 loaded — incomplete");
    expect(incompleteNote(review(4, 4, 2024, 0, 428), "2024", zh)).toBe("2024：已载入 0 条，共 428 条——不完整");
    expect(incompleteNote(review(3, 3, 2018, 346, 346), "2018", en)).toBeNull();
    expect(incompleteNote(review(2, 2, 2013, 252, null), "2013", en)).toBeNull();
  });
});
