import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { parseResponseWordingSheet } from "./csv";
import { planResponseWording, type WordingRecommendation } from "./plan";
import { WORDING_ISSUE_CODES, type ResponseWordingPreview } from "@/lib/schemas/response-wording";
import { renderInLocale } from "@/tests/helpers/render";
import { WordingPreview } from "@/components/response-wording/wording-preview";

/**
 * The response-wording page's preview in both languages. The wordings are FIXTURE VALUES, not a State's answers; the
 * paragraphs and positions are shaped like China's 2018 list (28.1 supported, 28.10 noted).
 */
const ADDENDUM = "A/HRC/40/6/Add.1";
const RECOMMENDATIONS: WordingRecommendation[] = [
  { id: 1, paragraph: "28.1", position: "SUPPORTED", responseWording: "supported", responseWordingSource: null },
  { id: 4, paragraph: "28.4", position: "SUPPORTED", responseWording: "supported", responseWordingSource: null },
  { id: 10, paragraph: "28.10", position: "NOTED", responseWording: "noted", responseWordingSource: null },
];

function entry(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

function previewOf(lines: string[]): ResponseWordingPreview {
  const parsed = parseResponseWordingSheet(["paragraph,wording,addendum_paragraph", ...lines].join("\n"));
  const plan = planResponseWording(RECOMMENDATIONS, parsed, ADDENDUM);
  return { review: { id: 3, label: "China, 2018 (3rd cycle)", addendumSymbol: ADDENDUM }, sourceSymbol: ADDENDUM, rows: lines.length, ...plan };
}

describe("the response-wording preview in the page's language", () => {
  it("has a text for every problem code in both catalogues", async () => {
    for (const locale of ["en", "zh"] as const) {
      const messages = await loadMessages(locale);
      const missing = WORDING_ISSUE_CODES.filter((code) => typeof entry(messages, `responseWording.problem.${code}`) !== "string");
      expect(missing, locale).toEqual([]);
    }
  });

  it("shows each change from → to with its source, notes a wording it does not know, and counts the unchanged rows", async () => {
    const preview = previewOf(["28.1,Accepted and being implemented,4", "28.4,welcomed with thanks,", "28.10,noted,"]);
    expect(preview.errors).toEqual([]);
    const html = await renderInLocale(createElement(WordingPreview, { preview, fileName: "wording.csv", reviewName: "China, 2018 (3rd cycle)" }), "en");
    expect(html).toContain("3 rows read for China, 2018 (3rd cycle): 2 changes, 1 unchanged.");
    expect(html).toContain("<q>supported</q> → <strong><q>accepted and being implemented</q></strong>");
    expect(html).toContain(`${ADDENDUM}, para. 4`);
    expect(html).toContain("1 wording is not among the words the tracker knows");
    expect(html).toContain("Wording not known: taken as written.");
  });

  it("words a contradiction and a spreadsheet's 28.10 → 28.1 in Chinese, with the cell's value and column key as written", async () => {
    const preview = previewOf(["28.1,rejected,", "28.10,noted,", "28.1,accepted,", "28.4,accepted,"]);
    expect(preview.errors.map((issue) => issue.code)).toEqual(["wording.contradictsPosition", "row.duplicateParagraph"]);
    const zh = await renderInLocale(createElement(WordingPreview, { preview, fileName: "wording.csv", reviewName: "中国，2018年（第三轮）" }), "zh");
    expect(zh).toContain("第 2 行，wording：“rejected”意为注意到，但段落 28.1 记录的立场为支持");
    expect(zh).toContain("第 4 行，paragraph：段落 28.1 也出现在第 2 行（电子表格可能把 28.10 变成了 28.1");
    expect(zh).not.toContain("means");
    const en = await renderInLocale(createElement(WordingPreview, { preview, fileName: "wording.csv", reviewName: "China" }), "en");
    expect(en).toContain("row 2, wording: &quot;rejected&quot; means Noted, but paragraph 28.1 is recorded as Supported");
    expect(en).toContain("Changes found (they cannot be applied until the problems are fixed)");
  });
});
