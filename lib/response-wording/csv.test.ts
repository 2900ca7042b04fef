import { describe, expect, it } from "vitest";
import { formatSheetIssue } from "@/lib/csv-sheet/issues";
import { decodeSheet } from "@/lib/csv-sheet/read";
import {
  addendumParagraphOf,
  formatResponseWordingTemplate,
  headerKey,
  normaliseAddendumParagraph,
  normaliseWording,
  parseResponseWordingSheet,
  WORDING_TEMPLATE_COLUMNS,
  wordingSource,
} from "./csv";

/**
 * The sheet's reading. Paragraphs are China's 2018 review's (A/HRC/40/6); the wordings are FIXTURE VALUES typed for
 * these tests, not China's answers in A/HRC/40/6/Add.1.
 */

const rowsOf = (text: string) => parseResponseWordingSheet(text).rows.map((r) => [r.row, r.paragraph, r.wording, r.addendumParagraph]);

describe("parseResponseWordingSheet", () => {
  it("matches header names as people write them, in any order, and ignores other columns", () => {
    expect(headerKey("  State’s   Words ")).toBe("states words");
    expect(headerKey("addendum_paragraph")).toBe("addendum paragraph");
    expect(rowsOf("Notes,State's words,PARAGRAPH,Addendum para\r\nx,Accepted and already implemented.,28.1,4\r\n,,,\r\n,rejected,28.2,")).toEqual([
      [2, "28.1", "accepted and already implemented", "4"],
      [4, "28.2", "rejected", null],
    ]);
    expect(rowsOf("para;response\n28.10;  Partially   accepted ")).toEqual([[2, "28.10", "partially accepted", null]]);
    expect(rowsOf("paragraph\twording\taddendum paragraph\n28.3\tnoted\tpara. 5")).toEqual([[2, "28.3", "noted", "5"]]);
  });

  it("names the missing column, what it may be called and what was found", () => {
    const errors = parseResponseWordingSheet("paragraph,answer\n28.1,noted").errors.map(formatSheetIssue);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^the header row has no "wording" column \(it may be called "wording", "response wording", "response", "states words".*; found "paragraph", "answer"\)$/);
  });

  it("reports every bad cell with its row and column, and keeps reading", () => {
    const text = ["paragraph,wording,addendum_paragraph", "28.1,,4", ",noted,", "28.4,accepted,chapter two", `28.5,${"noted ".repeat(20)},`, "28.9,accepted,6"].join("\n");
    const parsed = parseResponseWordingSheet(text);
    expect(parsed.errors.map(formatSheetIssue)).toEqual([
      "row 2, wording: the State's wording is empty",
      "row 3, paragraph: the paragraph is empty",
      'row 4, addendum_paragraph: "chapter two" is not a paragraph number such as 4 or 4 (a)',
      "row 5, wording: longer than 100 characters: put the State's words for this recommendation, not the whole paragraph",
    ]);
    expect(parsed.rows.map((r) => r.paragraph)).toEqual(["28.9"]);
  });
});

describe("cells", () => {
  it("normalises wordings and addendum paragraphs as printed", () => {
    expect(normaliseWording(" Accepted and being\nimplemented; ")).toBe("accepted and being implemented");
    expect(normaliseWording(" . ")).toBeNull();
    expect(["4", "Para. 4", "paragraph 4.", "§ 4", "4 (a)", "10 - 12", "12.3"].map(normaliseAddendumParagraph)).toEqual(["4", "4", "4", "4", "4 (a)", "10–12", "12.3"]);
    expect(normaliseAddendumParagraph("  ")).toBeNull();
    expect(normaliseAddendumParagraph("=SUM(A1)")).toBeUndefined();
  });

  it("cites the addendum with the paragraph or alone, and reads the paragraph back from such a source", () => {
    expect(wordingSource("A/HRC/40/6/Add.1", "4")).toBe("A/HRC/40/6/Add.1, para. 4");
    expect(wordingSource("A/HRC/40/6/Add.1", null)).toBe("A/HRC/40/6/Add.1");
    expect(addendumParagraphOf("A/HRC/40/6/Add.1, para. 4 (a)", "A/HRC/40/6/Add.1")).toBe("4 (a)");
    expect(addendumParagraphOf("A/HRC/40/6/Add.1", "A/HRC/40/6/Add.1")).toBe("");
    expect(addendumParagraphOf("A/HRC/99/1, para. 4", "A/HRC/40/6/Add.1")).toBe("");
  });
});

describe("formatResponseWordingTemplate", () => {
  it("writes a BOM and CRLF rows that read back as the same wordings, neutralised cells included", () => {
    const csv = formatResponseWordingTemplate([
      { paragraph: "28.1", wording: "supported", addendum_paragraph: "", position: "supported", recommendation: "Strengthen its cooperation (fixture text)" },
      { paragraph: "28.10", wording: "-noted", addendum_paragraph: "4", position: "noted", recommendation: "=fixture" },
    ]);
    expect(csv.startsWith(`\uFEFF${WORDING_TEMPLATE_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv).toContain("'=fixture");
    const decoded = decodeSheet(new TextEncoder().encode(csv));
    expect(rowsOf((decoded as { text: string }).text)).toEqual([
      [2, "28.1", "supported", null],
      [3, "28.10", "-noted", "4"],
    ]);
  });
});
