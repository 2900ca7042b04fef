import { describe, expect, it } from "vitest";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import type { ChartInputs, UnitStats } from "@/lib/server/stats/review-charts";
import type { RecommendationStats, StatDimension } from "@/lib/stats";
import { statsCsv } from "@/lib/csv/stats";
import { buildCharts } from "./build-charts";
import type { ChartUnit } from "./units";
import { testChartText } from "@/tests/helpers/chart-text";

const stats = (by: StatDimension, total: number, groups: [string, string, number][]): RecommendationStats => ({
  by,
  total,
  groups: groups.map(([key, label, count]) => ({ key, label, count })),
});

function reviewStats(id: number, year: number, loaded: number, reportedTotal: number | null, supported: number, noted: number, reported: ChartUnit["reported"] = null): UnitStats {
  const total = supported + noted;
  const review = { id, stateUnderReview: { iso3: "CHN", name: "China" }, cycle: id, year, loaded, reportedTotal };
  return {
    unit: { per: "review", key: String(id), review, years: year, reviews: 1, loaded, reportedTotal, loadedOfReported: loaded, narrow: { review: [id] }, folded: 0, reported },
    stats: {
      position: stats("position", total, [["supported", "Supported", supported], ["supported-in-part", "Supported in part", 0], ["noted", "Noted", noted]]),
      wording: stats("wording", total, total ? [["supported", "supported", supported], ["noted", "noted", noted]] : []),
      theme: stats("theme", total, total ? [["uhri:d8", "Death penalty", 3], ["sdg:16", "SDG 16", 9], ["none", "No theme", 1]] : []),
      region: stats("region", total, [["weog", "WEOG", total], ["african", "African Group", 0]]),
      action: stats("action", total, [["1", "1 · Minimal action", 0], ["5", "5 · Specific action", 0], ["none", "No action category", total]].filter((g) => total > 0 || g[0] !== "none") as [string, string, number][]),
      state: stats("state", total, total ? [["GBR", "United Kingdom", 2], ["FRA", "France", 1]] : []),
    },
    acceptedByRegion: stats("region", supported, [["weog", "WEOG", supported], ["african", "African Group", 0]]),
    themeOther: total ? 2 : 0,
  };
}

const inputs: ChartInputs = {
  per: "review",
  defaulted: false,
  units: [reviewStats(3, 2018, 346, 346, 284, 62), reviewStats(4, 2024, 0, 428, 0, 0)],
  reviews: 2,
  surs: ["CHN"],
  timeline: { accepted: 284, years: [] },
};
const filters = filtersOf(parseExplorerSearch({ sur: "CHN" }).query);
const charts = buildCharts(inputs, filters, testChartText("en"));
const chart = (id: string) => charts.find((c) => c.id === id)!;

describe("the charts of a comparison", () => {
  it("summarise each review in one line", () => {
    expect(chart("position").summary).toEqual(["2018: 284 of 346 supported (82%), 62 noted (18%)", "2024: none of its recommendations is loaded yet"]);
    expect(chart("acceptance").summary[0]).toBe("2018: 82% supported overall (284 of 346); lowest: Western European and Others Group (WEOG), 82% (284 of 346)");
    expect(chart("states").summary[0]).toBe("2018: 2 States made 346 recommendations");
  });

  it("say on every chart that a review is incomplete", () => {
    for (const c of charts) expect(c.incomplete).toEqual(["2024: 0 of 428 loaded — incomplete"]);
  });

  it("link each bar to its explorer rows, and nothing for empty bars", () => {
    const supported = chart("position").cells[0]!;
    expect(supported[0]).toEqual({ value: 284, text: "284", href: "/recommendations?review=3&sur=CHN&position=supported" });
    expect(supported[1]).toEqual({ value: 0, text: "0", href: null });
    expect(chart("acceptance").cells[0]![0]!.href).toBe("/recommendations?review=3&sur=CHN&region=weog&position=supported%2Csupported-in-part");
  });

  it("leave SDG themes out, count Other once per recommendation and keep No theme last", () => {
    expect(chart("theme").categories.map((c) => c.key)).toEqual(["uhri:d8", "none"]);
    expect(chart("theme").cells[0]![0]!.value).toBe(3);
  });

  it("show an empty state where nothing can be drawn", () => {
    expect(chart("status-over-time").empty).toBe("No public assessment of these supported recommendations yet.");
    expect(chart("position").empty).toBeNull();
  });

  it("export the table as CSV: BOM, CRLF, a header and one row per category", () => {
    expect(chart("position").csv).toBe("\uFEFFkey,Response,2018,2024\r\nsupported,Supported,284,0\r\nsupported-in-part,Supported in part,0,0\r\nnoted,Noted,62,0\r\n");
  });
});

describe("the charts in Chinese", () => {
  const zh = buildCharts(inputs, filters, testChartText("zh"));
  const zhChart = (id: string) => zh.find((c) => c.id === id)!;

  it("write headings, summaries, group labels and notices in Chinese, with the same numbers and links", () => {
    expect(zhChart("position").title).toBe("向中国提出的建议及其答复：支持或注意到");
    expect(zhChart("position").summary).toEqual(["2018：346 条中支持 284 条（82%），注意到 62 条（18%）", "2024：其建议尚未载入"]);
    expect(zhChart("position").categories.map((c) => c.label)).toEqual(["支持", "部分支持", "注意到"]);
    expect(zhChart("region").categories.map((c) => c.label)).toEqual(["西欧和其他国家组", "非洲国家组"]);
    expect(zhChart("states").summary[0]).toBe("2018：2 个国家提出了 346 条建议");
    expect(zhChart("status-over-time").empty).toBe("这些获支持的建议尚无公开评估。");
    for (const c of zh) expect(c.incomplete).toEqual(["2024：已载入 0 条，共 428 条——不完整"]);
    expect(zhChart("position").cells).toEqual(chart("position").cells);
  });

  it("keep machine keys in the CSV", () => {
    expect(zhChart("position").csv).toBe("\uFEFFkey,答复,2018,2024\r\nsupported,支持,284,0\r\nsupported-in-part,部分支持,0,0\r\nnoted,注意到,62,0\r\n");
  });
});

describe("the stats CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(statsCsv([{ key: "=cmd", label: "+x, \"y\"", count: 1 }])).toBe('\uFEFFkey,label,count\r\n\'=cmd,"\'+x, ""y""",1\r\n');
  });
});

describe("reported figures of a review whose records are not loaded", () => {
  const china2024 = { id: 4, stateUnderReview: { iso3: "CHN", name: "China" }, cycle: 4, year: 2024, loaded: 0, reportedTotal: 428 };
  const reported: ChartUnit["reported"] = {
    position: [{ key: "supported", label: "supported", count: 290 }, { key: "supported-in-part", label: "supported-in-part", count: 8 }, { key: "noted", label: "noted", count: 130 }],
    wording: [{ key: "accepted", label: "accepted", count: 290 }, { key: "partially accepted", label: "partially accepted", count: 8 }, { key: "noted", label: "noted", count: 32 }, { key: "rejected", label: "rejected", count: 98 }],
    total: 428,
    sources: [{ review: china2024, source: "A/HRC/56/6/Add.1" }],
  };
  const withReported: ChartInputs = { ...inputs, units: [reviewStats(3, 2018, 346, 346, 284, 62), reviewStats(4, 2024, 0, 428, 0, 0, reported)] };
  const built = buildCharts(withReported, filters, testChartText("en"));
  const of = (id: string) => built.find((c) => c.id === id)!;

  it("are their own series on the position and wording charts, marked, with their source, linking nowhere", () => {
    const position = of("position");
    expect(position.series).toEqual([{ key: "3", label: "2018" }, { key: "4-reported", label: "2024 — reported, records not loaded", short: "2024, reported", reported: true }]);
    expect(position.cells.map((row) => row[1]!.value)).toEqual([290, 8, 130]);
    expect(position.cells.every((row) => row[1]!.href === null)).toBe(true);
    expect(position.cells[0]![0]!.href).toBe("/recommendations?review=3&sur=CHN&position=supported");
    expect(position.summary[1]).toBe("2024 — reported, records not loaded: 290 of 428 supported (68%), 8 supported in part, 130 noted (30%)");
    expect(position.notes.join(" ")).toContain("China 2024: A/HRC/56/6/Add.1");
    expect(position.empty).toBeNull();
    const wording = of("wording");
    expect(wording.series.map((s) => s.label)).toEqual(["2018", "2024 — reported, records not loaded"]);
    expect(wording.categories.map((c) => c.key)).toEqual(expect.arrayContaining(["accepted", "rejected", "supported", "noted"]));
    const rejected = wording.categories.findIndex((c) => c.key === "rejected");
    expect(wording.cells[rejected]).toEqual([{ value: 0, text: "0", href: null }, { value: 98, text: "98", href: null }]);
  });

  it("are never drawn on the other charts, which keep the incomplete note", () => {
    expect(of("region").series.map((s) => s.key)).toEqual(["3", "4"]);
    for (const c of built) expect(c.incomplete).toEqual(["2024: 0 of 428 loaded — incomplete"]);
  });

  it("read in Chinese", () => {
    const zh = buildCharts(withReported, filters, testChartText("zh")).find((c) => c.id === "position")!;
    expect(zh.series[1]!.label).toBe("2024——官方报告数字，未载入建议记录");
    expect(zh.notes.join("")).toContain("中国 2024：A/HRC/56/6/Add.1");
  });

  it("give way to counted records once the list is imported", () => {
    const imported = reviewStats(4, 2024, 428, 428, 290, 138);
    const after = buildCharts({ ...inputs, units: [reviewStats(3, 2018, 346, 346, 284, 62), imported] }, filters, testChartText("en")).find((c) => c.id === "position")!;
    expect(after.series.map((s) => s.label)).toEqual(["2018", "2024"]);
    expect(after.cells[0]![1]!.href).toBe("/recommendations?review=4&sur=CHN&position=supported");
  });
});
