import { describe, expect, it } from "vitest";
import { issueLines, outcomeLine } from "./import-report";

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
});
