import { describe, expect, it } from "vitest";
import { formatSheetIssue } from "@/lib/schemas/status-sheet";
import { parseStatusSheet } from "./csv";
import { planStatusSheet, type SheetBasis, type SheetCurrent } from "./plan";

const TODAY = "2026-11-28";

function assessment(version: number, overrides: Partial<SheetCurrent> = {}): SheetCurrent {
  return {
    status: "not_implemented",
    assessedOn: "2026-01-10",
    rationale: "No change seen.",
    confidence: "medium",
    visibility: "private",
    version,
    authorName: "Grey Heron",
    createdAt: "2026-11-27T10:00:00.000Z",
    ...overrides,
  };
}

// 28.1 has no assessment; 28.10 has versions 1 and 2; 28.2 has version 1.
const basis: SheetBasis = {
  recommendations: [
    { id: 1, paragraph: "28.1" },
    { id: 2, paragraph: "28.2" },
    { id: 10, paragraph: "28.10" },
  ],
  assessments: new Map([
    [2, [assessment(1)]],
    [10, [assessment(2, { status: "regressed", rationale: "Worse." }), assessment(1)]],
  ]),
};

function plan(lines: string[]) {
  return planStatusSheet(basis, parseStatusSheet(["paragraph,recommendation_id,status,assessed_on,rationale,confidence,visibility,version", ...lines].join("\n")), TODAY);
}

describe("planStatusSheet", () => {
  it("skips rows left as exported and records the edited ones, dated today unless the sheet names a date", () => {
    const result = plan([
      "28.1,1,not_assessed,,,,,0",
      "28.2,2,partially_implemented,2026-01-10,No change seen.,medium,private,1",
      "28.10,10,regressed,2026-01-10,Worse.,medium,private,2",
    ]);
    expect(result.errors).toEqual([]);
    expect(result.unchanged).toBe(2);
    expect(result.changes).toEqual([
      {
        row: 3,
        recommendationId: 2,
        paragraph: "28.2",
        before: { status: "not_implemented", assessedOn: "2026-01-10", rationale: "No change seen.", confidence: "medium", visibility: "private", version: 1 },
        after: { status: "partially_implemented", assessedOn: TODAY, rationale: "No change seen.", confidence: "medium", visibility: "private" },
        fields: ["status"],
      },
    ]);
  });

  it("takes an explicit date, keeps the current value of an empty cell, and records a first assessment", () => {
    const result = plan(["28.1,1,fully_implemented,2026-10-01,Law in force.,high,public,0", "28.2,2,not_implemented,2026-02-01,,,,1"]);
    expect(result.changes.map((c) => [c.recommendationId, c.before?.version ?? 0, c.after, c.fields])).toEqual([
      [1, 0, { status: "fully_implemented", assessedOn: "2026-10-01", rationale: "Law in force.", confidence: "high", visibility: "public" }, ["status", "assessedOn", "rationale", "confidence", "visibility"]],
      [2, 1, { status: "not_implemented", assessedOn: "2026-02-01", rationale: "", confidence: "medium", visibility: "private" }, ["assessedOn", "rationale"]],
    ]);
  });

  it("finds the row by recommendation_id and accepts 28.1 for 28.10 there; by paragraph alone it must be exact", () => {
    expect(plan(["28.1,10,fully_implemented,,,,,2"]).changes.map((c) => c.recommendationId)).toEqual([10]);
    expect(plan(["28.10,,fully_implemented,,,,,2"]).changes.map((c) => c.recommendationId)).toEqual([10]);
  });

  it("names the row and column of an unknown paragraph or id, a mismatch, a duplicate and a version from the future", () => {
    const result = plan([
      "28.999,,regressed,,,,,0",
      ",999,regressed,,,,,0",
      "28.2,1,regressed,,,,,0",
      "28.1,,regressed,,,,,0",
      ",1,regressed,,,,,0",
      "28.2,,regressed,,,,,5",
    ]);
    expect(result.errors.map(formatSheetIssue)).toEqual([
      "row 2, paragraph: 28.999 is not in this review",
      "row 3, recommendation_id: 999 is not a recommendation of this review",
      "row 4, paragraph: 28.2 does not match recommendation_id 1 (paragraph 28.1)",
      "row 6, recommendation_id: paragraph 28.1 is also on row 5",
      "row 7, version: 5 does not exist (the latest version is 1): keep the exported value",
    ]);
    expect(result.changes).toHaveLength(1);
  });

  it("reports a conflict when a row edited from an older version would overwrite a newer one, and keeps rows left as exported", () => {
    const result = plan(["28.10,10,fully_implemented,,,,,1", "28.2,2,not_implemented,2026-01-10,No change seen.,medium,private,1"]);
    expect(result.changes).toEqual([]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        row: 2,
        recommendationId: 10,
        sheetVersion: 1,
        currentVersion: 2,
        savedBy: "Grey Heron",
        message: "paragraph 28.10 was saved by Grey Heron as version 2 on 2026-11-27, after this sheet was exported (version 1): export the sheet again and redo this row",
      }),
    ]);
    // Version 1 of 28.10 as exported, untouched: not the editor's change, so the newer version stays.
    const untouched = plan(["28.10,10,not_implemented,2026-01-10,No change seen.,medium,private,1"]);
    expect(untouched).toMatchObject({ changes: [], conflicts: [], unchanged: 1 });
  });
});
