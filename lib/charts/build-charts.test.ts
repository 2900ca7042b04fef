import { describe, expect, it } from "vitest";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import type { ChartInputs, ReviewStats } from "@/lib/server/stats/review-charts";
import type { RecommendationStats, StatDimension } from "@/lib/stats";
import { statsCsv } from "@/lib/csv/stats";
import { buildCharts } from "./build-charts";
import { testChartText } from "@/tests/helpers/chart-text";

const stats = (by: StatDimension, total: number, groups: [string, string, number][]): RecommendationStats => ({
  by,
  total,
  groups: groups.map(([key, label, count]) => ({ key, label, count })),
});

function reviewStats(id: number, year: number, loaded: number, reportedTotal: number | null, supported: number, noted: number): ReviewStats {
  const total = supported + noted;
  return {
    review: { id, stateUnderReview: { iso3: "CHN", name: "China" }, cycle: id, year, loaded, reportedTotal },
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

const inputs: ChartInputs = { reviews: [reviewStats(3, 2018, 346, 346, 284, 62), reviewStats(4, 2024, 0, 428, 0, 0)], timeline: { accepted: 284, years: [] } };
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
