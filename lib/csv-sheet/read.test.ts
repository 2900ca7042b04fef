import { describe, expect, it } from "vitest";
import { capIssues, formatSheetIssue, MAX_SHEET_ISSUES } from "./issues";
import { decodeSheet, detectDelimiter, readSheetTable, type SheetTableOptions } from "./read";

type Column = "paragraph" | "wording";

const OPTIONS: SheetTableOptions<Column> = {
  columnOf: (header) => (["paragraph", "wording"] as const).find((column) => column === header.trim().toLowerCase()),
  missing: (found) => (["paragraph", "wording"] as const).filter((column) => !found.has(column)),
  missingMessage: (column, header) => `no "${column}" among ${header.join(", ")}`,
};

const cellsOf = (text: string) => readSheetTable(text, OPTIONS).rows.map(({ row, cells }) => [row, cells.get("paragraph"), cells.get("wording")]);

describe("decodeSheet", () => {
  it("drops a BOM, refuses what is not UTF-8, empty or over the limit", () => {
    expect(decodeSheet(new TextEncoder().encode("\uFEFFparagraph\r\n28.1"))).toEqual({ text: "paragraph\r\n28.1" });
    expect(decodeSheet(new Uint8Array([0x70, 0xff, 0x0a]))).toMatchObject({ error: { code: "file.notUtf8" } });
    expect(decodeSheet(new TextEncoder().encode(" \r\n"))).toMatchObject({ error: { code: "file.empty" } });
    expect(decodeSheet(new Uint8Array(11), 10)).toMatchObject({ error: { code: "file.tooLarge" } });
  });
});

describe("readSheetTable", () => {
  it("reads comma, semicolon and tab files with CRLF, LF or CR, in any column order, skipping blank rows", () => {
    expect(detectDelimiter("paragraph;wording\n28.1;noted")).toBe(";");
    expect(cellsOf("Paragraph,Notes,Wording\r\n28.1,x,noted\r\n,,\r\n28.2,,rejected")).toEqual([
      [2, "28.1", "noted"],
      [4, "28.2", "rejected"],
    ]);
    expect(cellsOf("wording;paragraph\n\"accepted; in full\";28.3")).toEqual([[2, "28.3", "accepted; in full"]]);
    expect(cellsOf("paragraph\twording\r28.4\tnoted")).toEqual([[2, "28.4", "noted"]]);
  });

  it("gives back a cell the export neutralised against formula injection, and keeps a user's own apostrophe", () => {
    expect(cellsOf("paragraph,wording\n28.1,'=noted\n28.2,'tis noted")).toEqual([
      [2, "28.1", "=noted"],
      [3, "28.2", "'tis noted"],
    ]);
  });

  it("stops at a file-level problem: a missing or doubled column, too many rows, not CSV", () => {
    expect(readSheetTable("paragraph,other\n28.1,x", OPTIONS).errors.map(formatSheetIssue)).toEqual(['no "wording" among paragraph, other']);
    expect(readSheetTable("paragraph,wording,Wording\n28.1,a,b", OPTIONS).errors[0]).toMatchObject({ code: "header.duplicateColumn", column: "wording" });
    expect(readSheetTable("paragraph,wording\n1,a\n2,b\n3,c", { ...OPTIONS, maxRows: 2 }).errors[0]).toMatchObject({ code: "file.tooManyRows", values: { rows: 3, max: 2 } });
    expect(readSheetTable('paragraph,wording\n28.1,"noted\n', OPTIONS).errors[0]).toMatchObject({ code: "file.notCsv" });
  });
});

describe("capIssues", () => {
  it("keeps the first problems and sums up the rest in one line", () => {
    const issues = Array.from({ length: MAX_SHEET_ISSUES + 3 }, (_, i) => ({ row: i + 2, column: "wording", code: "wording.empty", message: "empty" }));
    const capped = capIssues(issues);
    expect(capped).toHaveLength(MAX_SHEET_ISSUES + 1);
    expect(capped.at(-1)).toEqual({ code: "file.moreProblems", values: { count: 3 }, message: "… and 3 more problems" });
  });
});
