import { describe, expect, it } from "vitest";
import { changeLines, MAX_VALUE_LENGTH } from "./change-lines";

describe("changeLines", () => {
  it("reads a download as rows and format, then its details", () => {
    expect(changeLines("download.status-sheet", { format: "csv", rows: 412, review: "China, cycle 3" })).toEqual([
      { type: "download", rows: 412, format: "CSV" },
      { type: "value", field: "review", value: "China, cycle 3" },
    ]);
    expect(changeLines("download.mid-term-report", { format: "docx", rows: 3, themes: ["uhri:a12", "uhri:b3"], noted: false, filter: "" })).toEqual([
      { type: "download", rows: 3, format: "DOCX" },
      { type: "value", field: "themes", value: "uhri:a12, uhri:b3" },
      { type: "value", field: "noted", value: false },
    ]);
  });

  it("reads { field: [before, after] } as changes and anything else as values", () => {
    expect(changeLines("membership.update", { userId: "u1", role: ["editor", "viewer"] })).toEqual([
      { type: "value", field: "userId", value: "u1" },
      { type: "change", field: "role", before: "editor", after: "viewer" },
    ]);
    expect(changeLines("note.create", { body: [null, "x".repeat(MAX_VALUE_LENGTH + 50)] })).toEqual([
      { type: "change", field: "body", before: null, after: `${"x".repeat(MAX_VALUE_LENGTH)}…` },
    ]);
    expect(changeLines("import", { counts: { created: 3 } })).toEqual([{ type: "value", field: "counts", value: '{"created":3}' }]);
  });

  it("shows only the field names of a withheld change", () => {
    expect(changeLines("note.update", { withheld: "values are private to the organisation", fields: ["body", "visibility"] })).toEqual([{ type: "withheld", fields: ["body", "visibility"] }]);
  });

  it("copes with changes that are not an object", () => {
    expect(changeLines("import", null)).toEqual([]);
    expect(changeLines("import", "text")).toEqual([{ type: "value", field: "", value: "text" }]);
  });
});
