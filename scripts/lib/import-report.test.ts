import { describe, expect, it } from "vitest";
import { findingsLine, issueLines, outcomeLine, summaryLines } from "./import-report";

describe("the import command's words", () => {
  it("prints one line per review, with the note of a skipped one", () => {
    const outcome = { stateUnderReview: "FRA", cycle: 2, created: 0, updated: 0, unchanged: 0, removed: 0 };
    const plan = { stateUnderReview: "FRA", cycle: 2, session: 15, found: 2, positions: { supported: 2, supportedInPart: 0, noted: 0 }, unknownRecommendingStates: 0, reported: null, loaded: 3, existingFamily: "OHCHR" as const };
    expect(outcomeLine({ ...outcome, action: "skip" }, { ...plan, action: "skip", note: "already loaded from the OHCHR thematic list (a.docx)" })).toBe(
      "FRA cycle 2: skipped — already loaded from the OHCHR thematic list (a.docx)",
    );
    expect(outcomeLine({ ...outcome, action: "import", created: 346 }, undefined)).toBe("FRA cycle 2: 346 new");
    expect(outcomeLine({ ...outcome, action: "import", updated: 1, unchanged: 345 }, undefined)).toBe("FRA cycle 2: 1 updated, 345 unchanged");
  });

  it("groups problems by kind, one line per distinct unknown name", () => {
    const lines = issueLines("export.csv", [
      { location: "rows 3, 9", message: 'unknown recommending State "Narnia" (2 rows)', kind: "unknown-state" },
      { location: "row 12", message: "the Text is empty" },
      { location: "row 14", message: "the Text is empty", kind: "row" },
    ]);
    expect(lines).toEqual([
      "export.csv: unknown State names (1):",
      'export.csv: rows 3, 9: unknown recommending State "Narnia" (2 rows)',
      "export.csv: rows (2):",
      "export.csv: row 12: the Text is empty",
      "export.csv: row 14: the Text is empty",
      "export.csv: 3 problems; nothing was imported.",
    ]);
  });

  it("says how many findings and UN documents a file holds, and what the import did with them", () => {
    const preview = {
      format: "uhri-xlsx" as const,
      fileName: "export.xlsx",
      sha256: "x",
      recommendations: 0,
      positions: { supported: 0, supportedInPart: 0, noted: 0 },
      recommendingStates: 0,
      unknownRecommendingStates: 0,
      notUpr: 2,
      findings: 3,
      unDocuments: 2,
      reviews: [],
      errors: [],
    };
    expect(summaryLines(preview)).toEqual([
      "export.xlsx: 0 recommendations (0 supported, 0 supported in part, 0 noted) in 0 reviews from 0 recommending States",
      "  findings: 3 findings in 2 UN documents (from 2 treaty-body or special-procedure rows)",
    ]);
    expect(findingsLine({ documents: 2, documentsCreated: 2, documentsUpdated: 0, created: 3, updated: 0, unchanged: 0 })).toBe(
      "Findings: 3 new, 0 updated, 0 unchanged; UN documents: 2 new, 0 updated (2 documents in the file).",
    );
  });
});
