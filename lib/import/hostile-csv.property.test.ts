import fc from "fast-check";
import { describe, it } from "vitest";
import { parseImportFile } from "./index";
import { cellFor, csvStyle, hostileCell, realUprInfoRows, rowsFor, writeCsv, type CsvStyle } from "./test-arbitraries";
import { expectSafeDocument } from "./test-properties";
import { runs, testTimeout, timed } from "./test-runs";
import { UHRI_COLUMNS } from "./uhri/columns";
import { buildUhriXlsx, referenceRows, uhriRowOf, type UhriRow } from "./uhri/test-fixtures";
import { UWAZI_HEADER, uwaziRowsFrom2015 } from "./upr-info-uwazi/test-fixture";

/**
 * Tables in each supported layout, their cells real values, hostile values or a mix: UPR Info's 2015 export, its
 * current database (Uwazi) export and the UHRI columns (as CSV, and as the .xlsx they come in). Whatever the cells,
 * `parseImportFile` answers with a document that is safe to hand to the writer (lib/import/test-properties.ts).
 */

const UPR_INFO_2015 = ["To", "Text", "From", "Response", "Action", "Issue", "Session"];

/** The header as written, or with columns left out, reordered, in other case or spacing, or one more. */
function headerVariant(header: readonly string[], fixedLeading = 0): fc.Arbitrary<string[]> {
  const lead = header.slice(0, fixedLeading);
  const rest = header.slice(fixedLeading);
  return fc.oneof(
    { arbitrary: fc.constant<string[]>([...header]), weight: 4 },
    { arbitrary: fc.shuffledSubarray([...rest], { minLength: Math.max(0, rest.length - 2) }).map((cols) => [...lead, ...cols]), weight: 2 },
    { arbitrary: fc.constant<string[]>(header.map((c) => ` ${c.toUpperCase()} `)), weight: 1 },
    { arbitrary: hostileCell.map((extra) => [...header, extra]), weight: 1 },
  );
}

/** A replacement for one cell in twenty: most rows stay real, and most files have a damaged row. */
const sometimes = <T>(cell: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 19 }, { arbitrary: cell, weight: 1 });

/** Real rows (objects keyed by column) as a table under `header`, a few cells replaced by any value for their column. */
function damagedTable(header: readonly string[], real: readonly Record<string, string>[]): fc.Arbitrary<string[][]> {
  const row = fc.tuple(
    fc.constantFrom(...real),
    fc.tuple(...header.map((column) => sometimes(cellFor(column)))),
  );
  return fc.array(row, { minLength: 1, maxLength: 8 }).map((rows) => rows.map(([r, replaced]) => header.map((c, i) => replaced[i] ?? (Object.hasOwn(r, c) ? r[c]! : ""))));
}

/** A header with data rows: damaged real rows most of the time, otherwise rows made of cells alone. */
function table(header: fc.Arbitrary<string[]>, real: readonly Record<string, string>[]): fc.Arbitrary<string[][]> {
  return header.chain((h) =>
    fc.oneof({ arbitrary: damagedTable(h, real), weight: 3 }, { arbitrary: rowsFor(h), weight: 2 }).map((rows) => [h, ...rows]),
  );
}

const fileName = fc.constantFrom("export.csv", "upload", "export.txt");

async function checkCsv(rows: string[][], style: CsvStyle, name: string): Promise<void> {
  const input = writeCsv(rows, style);
  const doc = await timed(() => parseImportFile(input, { fileName: name }));
  await expectSafeDocument(doc, input, { fileName: name, maxGrowth: 64 });
}

const REAL_2015 = realUprInfoRows();
const REAL_UWAZI = uwaziRowsFrom2015(REAL_2015) as Record<string, string>[];
/** Real rows of the 2018 list in the UHRI columns (fixtures, lib/import/uhri/test-fixtures.ts), values as text. */
const REAL_UHRI = referenceRows()
  .slice(0, 40)
  .map((r) => Object.fromEntries(Object.entries(uhriRowOf(r)).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)])));

describe("parseImportFile on CSVs in each layout", () => {
  it("UPR Info's 2015 export: To, Text, From, Response, Action, Issue, Session", { timeout: testTimeout(20_000) }, async () => {
    await fc.assert(fc.asyncProperty(table(headerVariant(UPR_INFO_2015), REAL_2015), csvStyle, fileName, checkCsv), runs(150));
  });

  it("UPR Info's current database export (Uwazi)", { timeout: testTimeout(20_000) }, async () => {
    await fc.assert(fc.asyncProperty(table(headerVariant(UWAZI_HEADER, 3), REAL_UWAZI), csvStyle, fileName, checkCsv), runs(150));
  });

  it("the UHRI columns written as CSV", { timeout: testTimeout(20_000) }, async () => {
    await fc.assert(fc.asyncProperty(table(headerVariant(UHRI_COLUMNS), REAL_UHRI), csvStyle, fileName, checkCsv), runs(60));
  });
});

/** A cell of the .xlsx: what the export writes, any text, or a number (dates and sessions are numbers in Excel). */
function xlsxCell(column: string): fc.Arbitrary<string | number | null> {
  return fc.oneof(
    { arbitrary: cellFor(column), weight: 4 },
    { arbitrary: fc.oneof(fc.integer({ min: -10, max: 3_000_000 }), fc.double({ noNaN: true }), fc.constant(null)), weight: 1 },
  );
}

const uhriWorkbook = fc
  .tuple(
    headerVariant(UHRI_COLUMNS),
    fc.array(
      fc.tuple(
        fc.constantFrom(...referenceRows().slice(0, 40).map((r) => uhriRowOf(r))),
        fc.tuple(...UHRI_COLUMNS.map((c) => sometimes(xlsxCell(c)))),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([header, rows]) => ({
    header,
    rows: rows.map(([real, replaced], n): UhriRow => {
      const row: UhriRow = { ...real, "OHCHR Annotation Id": `${real["OHCHR Annotation Id"]}-${n}` };
      UHRI_COLUMNS.forEach((c, i) => {
        if (replaced[i] !== undefined) row[c] = replaced[i];
      });
      return row;
    }),
  }));

describe("parseImportFile on UHRI workbooks", () => {
  it("answers a workbook in the UHRI layout with any cells with a safe document", { timeout: testTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(uhriWorkbook, fc.boolean(), async ({ header, rows }, sharedStrings) => {
        const input = await buildUhriXlsx(rows, header, { sharedStrings });
        const doc = await timed(() => parseImportFile(input, { fileName: "export-full-en.xlsx" }));
        await expectSafeDocument(doc, input, { fileName: "export-full-en.xlsx" });
      }),
      runs(25),
    );
  });
});
