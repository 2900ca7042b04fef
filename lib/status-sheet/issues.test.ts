import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { SheetPreview } from "@/components/status-sheet/sheet-preview";
import { loadMessages } from "@/lib/i18n/messages";
import { SHEET_ISSUE_CODES, type StatusSheetPreview } from "@/lib/schemas/status-sheet";
import { renderInLocale } from "@/tests/helpers/render";
import { parseStatusSheet } from "./csv";
import { planStatusSheet } from "./plan";

/** A nested catalogue entry by its dotted key ("problem.status.notOneOf"), or undefined. */
function entry(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe("status sheet problems in the page's language", () => {
  it("has a text for every problem code in both catalogues", async () => {
    for (const locale of ["en", "zh"] as const) {
      const messages = await loadMessages(locale);
      const missing = SHEET_ISSUE_CODES.filter((code) => typeof entry(messages, `statusSheet.problem.${code}`) !== "string");
      expect(missing, locale).toEqual([]);
    }
  });

  it("renders a bad row and a conflict in Chinese, with the cell's value, the column key and the name as written", async () => {
    const header = "paragraph,recommendation_id,status,assessed_on,rationale,confidence,visibility,version";
    const parsed = parseStatusSheet([header, "28.1,1,half done,,,,,0", "28.10,10,fully_implemented,,,,,1"].join("\n"));
    const current = { status: "regressed", assessedOn: "2026-01-10", rationale: "", confidence: "medium", visibility: "private", authorName: "Grey Heron", createdAt: "2026-11-27T10:00:00.000Z" } as const;
    const basis = {
      recommendations: [
        { id: 1, paragraph: "28.1" },
        { id: 10, paragraph: "28.10" },
      ],
      assessments: new Map([[10, [{ ...current, version: 2 }, { ...current, version: 1, status: "not_implemented" as const }]]]),
    };
    const plan = planStatusSheet(basis, parsed, "2026-11-28");
    expect(plan.errors.map((issue) => issue.code)).toEqual(["status.notOneOf"]);
    expect(plan.errors[0]!.message).toBe('"half done" is not one of not_assessed, not_implemented, partially_implemented, fully_implemented, regressed, unable_to_assess');
    const preview: StatusSheetPreview = {
      review: { id: 1, label: "China, 3rd cycle" },
      organization: { id: "o", name: "白鹭", slug: "egret" },
      rows: 2,
      changes: plan.changes,
      unchanged: plan.unchanged,
      errors: [...plan.errors, { code: "file.moreProblems", values: { count: 3 }, message: "… and 3 more problems" }],
      conflicts: plan.conflicts,
    };
    const html = await renderInLocale(createElement(SheetPreview, { preview, fileName: "sheet.csv", reviewName: "中国，2018年（第三轮）" }), "zh");
    expect(html).toContain("第 2 行，status：“half done”不是以下取值之一：not_assessed, not_implemented, partially_implemented, fully_implemented, regressed, unable_to_assess");
    expect(html).toContain("……另有 3 个问题");
    expect(html).toContain("第 3 行：第 28.10 段已由 Grey Heron 于 2026年11月27日 保存为第 2 版，晚于导出本表格时的版本（第 1 版）：请重新导出表格并重做这一行");
    expect(html).not.toContain("is not one of");
    const english = await renderInLocale(createElement(SheetPreview, { preview, fileName: "sheet.csv", reviewName: "China, 3rd cycle" }), "en");
    expect(english).toContain(`row 2, status: ${plan.errors[0]!.message.replaceAll('"', "&quot;")}`);
    expect(english).toContain("row 3: paragraph 28.10 was saved by Grey Heron as version 2 on Nov 27, 2026");
  });

  it("falls back to the English message for a code the catalogue does not know", async () => {
    const preview: StatusSheetPreview = {
      review: { id: 1, label: "r" },
      organization: { id: "o", name: "o", slug: "o" },
      rows: 0,
      changes: [],
      unchanged: 0,
      errors: [{ code: "no.suchCode" as never, message: "something the page has no words for" }],
      conflicts: [],
    };
    expect(await renderInLocale(createElement(SheetPreview, { preview, fileName: "s.csv", reviewName: "r" }), "zh")).toContain("something the page has no words for");
  });
});
