import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseCell } from "@/lib/csv/format";
import { hostileCell, longCell } from "@/lib/import/test-arbitraries";
import { runs, testTimeout, timed } from "@/lib/import/test-runs";
import { FILE_ISSUE_CODES, type SheetProblem } from "./issues";
import { decodeSheet, readSheetTable, sheetShapeProblem, type SheetTableOptions } from "./read";

/**
 * The CSV sheet reader every uploaded sheet goes through: whatever the bytes, it answers with text or one file
 * problem, and whatever the text, with rows or file problems, never a throw; and a sheet a spreadsheet saves (any
 * delimiter, line ending, BOM, column order, extra columns, neutralised cells) reads back exactly.
 */

type Column = "paragraph" | "wording";
const COLUMNS: readonly Column[] = ["paragraph", "wording"];
const OPTIONS: SheetTableOptions<Column> = {
  columnOf: (header) => COLUMNS.find((column) => column === header.trim().toLowerCase()),
  missing: (found) => COLUMNS.filter((column) => !found.has(column)),
  missingMessage: (column, header) => `no "${column}" among ${header.join(", ")}`,
};

function expectFileProblem(problem: SheetProblem): void {
  expect(FILE_ISSUE_CODES).toContain(problem.code);
  expect(problem.message.trim()).not.toBe("");
  expect(problem.message).not.toMatch(/(^|\n) {4}at /);
}

const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 100 }), hostileCell, longCell);

describe("decodeSheet", () => {
  it("answers any bytes with text or one file problem", () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), anyText.map((t) => new TextEncoder().encode(t)));
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 500 }), (input, maxBytes) => {
        const decoded = decodeSheet(input, maxBytes);
        if ("error" in decoded) return expectFileProblem(decoded.error);
        expect(input.byteLength).toBeLessThanOrEqual(maxBytes);
        expect(decoded.text.startsWith("\ufeff")).toBe(false);
        expect(decoded.text.trim()).not.toBe("");
      }),
      runs(200),
    );
  });
});

describe("readSheetTable", () => {
  it("answers any text with rows or file problems, never both, never a throw", { timeout: testTimeout(20_000) }, async () => {
    const text = fc.oneof(anyText, fc.tuple(fc.constantFrom("paragraph,wording\n", "wording;paragraph\r\n", "paragraph\twording\r"), anyText).map(([h, t]) => h + t));
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const { rows, errors } = await timed(() => readSheetTable(input, OPTIONS));
        errors.forEach(expectFileProblem);
        if (errors.length > 0) expect(rows).toEqual([]);
        rows.forEach(({ row, cells }, i) => {
          expect(row).toBeGreaterThanOrEqual(2);
          if (i > 0) expect(row).toBeGreaterThan(rows[i - 1]!.row);
          expect([...cells.keys()].sort()).toEqual([...COLUMNS]);
        });
      }),
      runs(100),
    );
  });

  it("refuses a sheet of a few MB of line breaks at once", { timeout: testTimeout(20_000) }, async () => {
    const breaks = fc.tuple(fc.constantFrom("\n", "\r\n", "\r", ",\n", " \n"), fc.integer({ min: 100_000, max: 2_500_000 }));
    await fc.assert(
      fc.asyncProperty(breaks, async ([line, times]) => {
        const start = performance.now();
        const { errors } = readSheetTable(`paragraph,wording\r\n${line.repeat(times)}28.1,noted`, OPTIONS);
        expect(performance.now() - start).toBeLessThan(3000);
        expect(errors.map((e) => e.code)).toEqual(["file.tooManyLines"]);
      }),
      // Found by this property: csv-parse spends some 40 µs on each row shorter than the header, so 1 MB of line breaks
      // (a million blank rows) took 40 s before the reader stopped counting.
      { ...runs(1), examples: [[["\n", 2_500_000]]] },
    );
  });

  it("reads back exactly what was written, in any delimiter, line ending and column order", () => {
    const extra = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,11}$/).filter((name) => OPTIONS.columnOf(name) === undefined);
    const header = fc.tuple(fc.shuffledSubarray([...COLUMNS, "x1", "x2"], { minLength: 2 }), extra, extra).map(([cols, a, b]) =>
      cols.includes("paragraph") && cols.includes("wording") ? cols.map((c) => (c === "x1" ? a : c === "x2" ? b : c)) : [...COLUMNS],
    );
    const sheet = header.chain((h) =>
      fc.record({
        header: fc.constant(h),
        rows: fc.array(fc.array(fc.oneof(hostileCell, fc.constantFrom("", " ")), { minLength: h.length, maxLength: h.length }), { maxLength: 6 }),
        delimiter: fc.constantFrom(",", ";", "\t"),
        newline: fc.constantFrom("\n", "\r\n", "\r"),
        bom: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(sheet, ({ header: h, rows, delimiter, newline, bom }) => {
        // As the template export writes cells: neutralised against formula injection.
        const cells = rows.map((row) => row.map(neutraliseCell));
        const csv = stringify([h, ...cells], { delimiter, record_delimiter: newline, quoted_match: /[\r\n]/ });
        const decoded = decodeSheet(new TextEncoder().encode(`${bom ? "\ufeff" : ""}${csv}`));
        fc.pre("text" in decoded);
        const text = (decoded as { text: string }).text;
        const read = readSheetTable(text, OPTIONS);
        // A cell of thousands of line breaks is refused by the line count taken before parsing, named as such.
        const shape = sheetShapeProblem(text);
        if (shape) {
          expect(read.errors).toEqual([shape]);
          return;
        }
        expect(read.errors).toEqual([]);
        const expected = rows
          .map((row, i) => ({ row: i + 2, row_: row }))
          .filter(({ row_ }) => row_.some((cell) => cell.trim() !== ""))
          .map(({ row, row_ }) => [row, row_[h.indexOf("paragraph")], row_[h.indexOf("wording")]]);
        expect(read.rows.map(({ row, cells: c }) => [row, c.get("paragraph"), c.get("wording")])).toEqual(expected);
      }),
      runs(150),
    );
  });
});
