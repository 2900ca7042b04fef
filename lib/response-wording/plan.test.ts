import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatSheetIssue } from "@/lib/csv-sheet/issues";
import type { Position } from "@/lib/import/types";
import { realDataFile } from "@/tests/helpers/data-files";
import { parseResponseWordingSheet } from "./csv";
import { planResponseWording, type WordingRecommendation } from "./plan";

/**
 * The rules of a wording import over China's 2018 review: the paragraphs 28.1–28.20 and their recorded positions are
 * the real ones (the reference parse of the OHCHR list); the wordings in the sheets below are FIXTURE VALUES, not
 * China's answers in A/HRC/40/6/Add.1.
 */
const ADDENDUM = "A/HRC/40/6/Add.1";
const POSITION: Record<string, Position> = { Supported: "SUPPORTED", Noted: "NOTED" };

const REVIEW: WordingRecommendation[] = (parse(fs.readFileSync(realDataFile("reference/CHN-cycle3-2018-parsed.csv")), { columns: true }) as Record<string, string>[])
  .filter((row) => /^28\.([1-9]|1\d|20)$/.test(row.paragraph!))
  .map((row, index) => ({ id: 1000 + index, paragraph: row.paragraph!, position: POSITION[row.position!]!, responseWording: row.response!, responseWordingSource: null }));

const byParagraph = (paragraph: string) => REVIEW.find((r) => r.paragraph === paragraph)!;

function plan(lines: string[], review = REVIEW, symbol: string | null = ADDENDUM) {
  return planResponseWording(review, parseResponseWordingSheet(["paragraph,wording,addendum_paragraph", ...lines].join("\r\n")), symbol);
}

describe("planResponseWording over China 2018, 28.1–28.20", () => {
  it("uses the real paragraphs and positions", () => {
    expect(REVIEW).toHaveLength(20);
    expect(["28.1", "28.2", "28.4", "28.9", "28.10"].map((p) => [p, byParagraph(p).position])).toEqual([
      ["28.1", "SUPPORTED"],
      ["28.2", "NOTED"],
      ["28.4", "SUPPORTED"],
      ["28.9", "SUPPORTED"],
      ["28.10", "NOTED"],
    ]);
  });

  it("sets the State's words with their source, on some of the review's rows", () => {
    const result = plan(["28.1,accepted and already implemented,4", "28.4,Accepted and being implemented,", "28.10,rejected,5 (a)"]);
    expect(result.errors).toEqual([]);
    expect(result.unchanged).toBe(0);
    expect(result.changes.map((c) => [c.row, c.paragraph, c.before.wording, c.after.wording, c.after.source, c.impliedPosition])).toEqual([
      [2, "28.1", "supported", "accepted and already implemented", `${ADDENDUM}, para. 4`, "SUPPORTED"],
      [3, "28.4", "supported", "accepted and being implemented", ADDENDUM, "SUPPORTED"],
      [4, "28.10", "noted", "rejected", `${ADDENDUM}, para. 5 (a)`, "NOTED"],
    ]);
  });

  it("refuses an unknown paragraph, a duplicate and a wording that contradicts the recorded position, naming row, column and values", () => {
    const result = plan(["28.1,rejected,", "28.999,noted,", "28.2,noted,", "28.2,rejected,", "28.3,partially accepted,", "28.5,not accepted,"]);
    expect(result.errors.map(formatSheetIssue)).toEqual([
      'row 2, wording: "rejected" means noted, but paragraph 28.1 is recorded as supported',
      "row 3, paragraph: 28.999 is not a paragraph of this review",
      "row 5, paragraph: paragraph 28.2 is also on row 4 (a spreadsheet may have turned 28.20 into 28.2: format the paragraph column as text)",
      'row 6, wording: "partially accepted" means supported in part, but paragraph 28.3 is recorded as noted',
    ]);
    expect(result.errors[0]).toMatchObject({ code: "wording.contradictsPosition", values: { value: "rejected", implied: "noted", paragraph: "28.1", position: "supported" } });
    // The good rows are still planned; the caller writes nothing while there is any error.
    expect(result.changes.map((c) => c.paragraph)).toEqual(["28.5"]);
  });

  it("never matches a paragraph loosely: 28.10 is not 28.1", () => {
    expect(plan(["28.10,accepted,"]).errors.map(formatSheetIssue)).toEqual(['row 2, wording: "accepted" means supported, but paragraph 28.10 is recorded as noted']);
  });

  it("takes words the position table does not know as written, and does not check a recommendation without a position", () => {
    const review = REVIEW.map((r) => (r.paragraph === "28.2" ? { ...r, position: null } : r));
    const result = plan(["28.1,accepted in principle,", "28.2,accepted,"], review);
    expect(result.errors).toEqual([]);
    expect(result.changes.map((c) => [c.paragraph, c.impliedPosition])).toEqual([
      ["28.1", null],
      ["28.2", "SUPPORTED"],
    ]);
  });

  it("skips rows that repeat the current wording, unless they give an addendum paragraph that changes the source", () => {
    const review = REVIEW.map((r) => (r.paragraph === "28.4" ? { ...r, responseWording: "accepted", responseWordingSource: `${ADDENDUM}, para. 4` } : r));
    const result = plan(["28.1,Supported,", "28.2,noted,7", "28.4,accepted,4", "28.9,supported.,"], review);
    expect(result.errors).toEqual([]);
    expect(result.unchanged).toBe(3);
    expect(result.changes.map((c) => [c.paragraph, c.before, c.after])).toEqual([["28.2", { wording: "noted", source: null }, { wording: "noted", source: `${ADDENDUM}, para. 7` }]]);
  });

  it("needs a document to cite: without the review's addendum symbol or --source-symbol the sheet is refused", () => {
    const result = plan(["28.1,accepted,"], REVIEW, null);
    expect(result.errors.map(formatSheetIssue)).toEqual(["the review has no addendum symbol: name the document the wordings are from (--source-symbol, or sourceSymbol= in the API)"]);
    expect(result.changes).toEqual([]);
    expect(plan(["28.1,accepted,"], REVIEW, "A/HRC/40/6/Add.1/Corr.1").changes[0]!.after.source).toBe("A/HRC/40/6/Add.1/Corr.1");
  });
});
