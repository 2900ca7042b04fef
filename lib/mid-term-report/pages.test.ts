import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MidTermReport, ReportRecommendation } from "@/lib/schemas/mid-term-report";
import { reportPage } from "./pages";

function recommendation(id: number): ReportRecommendation {
  return { id, paragraph: `28.${id}`, text: `text ${id}`, textLanguage: "en", recommendingStates: [], position: "supported", responseWording: null, positionSource: null, current: null };
}

/** Sections of the given lengths, with ids numbered through the whole report. */
function sections(lengths: number[]): MidTermReport["sections"] {
  let id = 0;
  return lengths.map((length, index) => ({
    theme: { slug: `t${index}`, code: null, name: `Theme ${index}` },
    recommendations: Array.from({ length }, () => recommendation(++id)),
  }));
}

describe("reportPage", () => {
  it("cuts the report into pages across theme sections and marks a theme that goes on from the page before", () => {
    const report = sections([30, 40, 5]);
    const first = reportPage(report, 1, 50);
    expect(first).toMatchObject({ page: 1, pages: 2, from: 1, to: 50, total: 75 });
    expect(first.sections.map((s) => [s.theme.slug, s.continued, s.recommendations.length])).toEqual([
      ["t0", false, 30],
      ["t1", false, 20],
    ]);
    const second = reportPage(report, 2, 50);
    expect(second).toMatchObject({ page: 2, pages: 2, from: 51, to: 75, total: 75 });
    expect(second.sections.map((s) => [s.theme.slug, s.continued, s.recommendations.length])).toEqual([
      ["t1", true, 20],
      ["t2", false, 5],
    ]);
    expect(second.sections[0]!.recommendations[0]!.id).toBe(51);
  });

  it("clamps a page out of range, and has one empty page for an empty report", () => {
    expect(reportPage(sections([10]), 7, 50)).toMatchObject({ page: 1, pages: 1, from: 1, to: 10 });
    expect(reportPage(sections([60]), 0, 50)).toMatchObject({ page: 1, from: 1, to: 50 });
    expect(reportPage(sections([60]), Number.NaN, 50)).toMatchObject({ page: 1 });
    expect(reportPage(sections([]), 3, 50)).toEqual({ page: 1, pages: 1, from: 0, to: 0, total: 0, sections: [] });
    expect(reportPage(sections([0, 0]), 1, 50).sections).toEqual([]);
  });

  it("shows every entry exactly once over all its pages, in order, and never more than a page's worth", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(120), { maxLength: 12 }), fc.integer({ min: 1, max: 60 }), (lengths, size) => {
        const report = sections(lengths);
        const { pages } = reportPage(report, 1, size);
        const seen: number[] = [];
        for (let page = 1; page <= pages; page++) {
          const shown = reportPage(report, page, size);
          const ids = shown.sections.flatMap((s) => s.recommendations.map((r) => r.id));
          expect(ids.length).toBeLessThanOrEqual(size);
          expect(ids.length).toBe(shown.total === 0 ? 0 : shown.to - shown.from + 1);
          seen.push(...ids);
        }
        expect(seen).toEqual(report.flatMap((s) => s.recommendations.map((r) => r.id)));
      }),
    );
  });
});
