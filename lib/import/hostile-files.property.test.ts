import { readFileSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { realDataFile } from "@/tests/helpers/data-files";
import { parseImportFile } from "./index";
import { cellFor, csvStyle, type CsvStyle, hostileCell, mutate, type Mutation, mutations, realUprInfoRows, rowsFor, writeCsv } from "./test-arbitraries";
import { expectSafeDocument } from "./test-properties";
import { runs, testTimeout, timed } from "./test-runs";
import type { ParsedRecommendation } from "./types";
import { UHRI_COLUMNS } from "./uhri/columns";
import { buildUhriXlsx, referenceRows, uhriItemOf, type UhriRow, uhriRowOf } from "./uhri/test-fixtures";
import { UWAZI_HEADER, uwaziCsv, uwaziRowsFrom2015 } from "./upr-info-uwazi/test-fixture";

/**
 * Tables in each supported layout, their cells real values, hostile values or a mix: UPR Info's 2015 export, its
 * current database (Uwazi) export and the UHRI columns (as CSV, and as the .xlsx they come in); and real files
 * damaged a little. Whatever the file, `parseImportFile` answers with a document that is safe to hand to the writer
 * (lib/import/test-properties.ts).
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
    await fc.assert(fc.asyncProperty(table(headerVariant(UPR_INFO_2015), REAL_2015), csvStyle, fileName, checkCsv), runs(80));
  });

  it("UPR Info's current database export (Uwazi)", { timeout: testTimeout(20_000) }, async () => {
    await fc.assert(fc.asyncProperty(table(headerVariant(UWAZI_HEADER, 3), REAL_UWAZI), csvStyle, fileName, checkCsv), runs(80));
  });

  it("the UHRI columns written as CSV", { timeout: testTimeout(20_000) }, async () => {
    await fc.assert(fc.asyncProperty(table(headerVariant(UHRI_COLUMNS), REAL_UHRI), csvStyle, fileName, checkCsv), runs(40));
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
      runs(15),
    );
  });
});

/**
 * Real files damaged a little (bytes flipped, inserted, removed, copied, the end cut off), as a bad download or disk
 * leaves them: the shipped OHCHR lists and UPR Info export, and fixtures in the other layouts built from real texts.
 * Each must still give a safe document (lib/import/test-properties.ts): its records valid, or issues saying why not.
 */

/**
 * `intact`: the records of the undamaged file. Given for archives, whose entries carry a CRC-32: a damaged .docx or
 * .xlsx that is read without an error must give exactly those records, never altered texts. (A CSV or JSON has no
 * checksum: a flipped letter in a text is a different text, which only a person can tell.)
 */
async function check(original: Buffer, steps: Mutation[], fileName: string, intact?: ParsedRecommendation[]): Promise<void> {
  const input = mutate(original, steps);
  const doc = await timed(() => parseImportFile(input, { fileName }));
  await expectSafeDocument(doc, input, { fileName });
  if (intact && doc.errors.length === 0) {
    const bySourceKey = new Map(intact.map((r) => [r.sourceKey, r]));
    for (const r of doc.recommendations) expect(r, r.location).toEqual(bySourceKey.get(r.sourceKey));
  }
}

async function recordsOf(file: Buffer, fileName: string): Promise<ParsedRecommendation[]> {
  const doc = await parseImportFile(file, { fileName });
  expect(doc.errors).toEqual([]);
  return doc.recommendations;
}

const read = (file: string): Buffer => readFileSync(realDataFile(file));

describe("damaged real files", () => {
  // A .docx that survives the damage takes a second or more to read: few runs, each one a real parse.
  it.each(["ohchr/CHN-cycle2-2013-thematic-list.docx", "ohchr/CHN-cycle3-2018-thematic-list.docx"])(
    "%s",
    { timeout: testTimeout(60_000) },
    async (file) => {
      const original = read(file);
      const intact = await recordsOf(original, "list.docx");
      await fc.assert(fc.asyncProperty(mutations, (steps) => check(original, steps, "list.docx", intact)), runs(6));
    },
  );

  it("upr-info/CHN-upr-info-2009-2013.csv", { timeout: testTimeout(30_000) }, async () => {
    const original = read("upr-info/CHN-upr-info-2009-2013.csv");
    await fc.assert(fc.asyncProperty(mutations, (steps) => check(original, steps, "export.csv")), runs(20));
  });
});

describe("damaged fixtures in the other layouts", () => {
  const rows = referenceRows().slice(0, 60);
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await buildUhriXlsx(rows.map((r) => uhriRowOf(r)));
  });

  it("a UHRI xlsx export", { timeout: testTimeout(30_000) }, async () => {
    const intact = await recordsOf(xlsx, "export-full-en.xlsx");
    await fc.assert(fc.asyncProperty(mutations, (steps) => check(xlsx, steps, "export-full-en.xlsx", intact)), runs(25));
  });

  it("a UHRI JSON export", { timeout: testTimeout(30_000) }, async () => {
    const json = Buffer.from(JSON.stringify(rows.map((r) => uhriItemOf(uhriRowOf(r), 3)), null, 1));
    await fc.assert(fc.asyncProperty(mutations, (steps) => check(json, steps, "export.json")), runs(25));
  });

  it("a UPR Info database (Uwazi) export", { timeout: testTimeout(30_000) }, async () => {
    const csv = uwaziCsv(uwaziRowsFrom2015(realUprInfoRows()));
    await fc.assert(fc.asyncProperty(mutations, (steps) => check(csv, steps, "export.csv")), runs(15));
  });

  it("a UPR Info 2015 export written with a BOM and CRLF", { timeout: testTimeout(30_000) }, async () => {
    const real = realUprInfoRows().slice(0, 80);
    const header = Object.keys(real[0]!);
    const csv = Buffer.from(`\ufeff${stringify([header, ...real.map((r) => header.map((c) => r[c] ?? ""))], { record_delimiter: "windows" })}`);
    await fc.assert(fc.asyncProperty(mutations, (steps) => check(csv, steps, "export.csv")), runs(20));
  });
});
