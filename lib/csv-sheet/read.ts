import { CsvError, parse } from "csv-parse/sync";
import { restoreNeutralisedCell } from "@/lib/csv/format";
import type { FileIssueCode, SheetProblem } from "./issues";

/**
 * Reading a CSV sheet as a spreadsheet saves it back, shared by every sheet people edit and upload (the status sheet,
 * the response-wording sheet): UTF-8 with or without a BOM, CRLF, LF or CR, comma, semicolon or tab separated, columns
 * in any order, extra columns ignored, and cells that an export prefixed with `'` against formula injection read back
 * without it. Pure, so the rules are unit-tested once; what a row means is each sheet's own business.
 */

/** A review has a few hundred recommendations; these bounds only stop a wrong or hostile file early. */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_ROWS = 5_000;

type FileProblem = SheetProblem<FileIssueCode>;

/** The uploaded bytes as text, or the reason they are not a sheet (too large, empty, not UTF-8). */
export function decodeSheet(bytes: Uint8Array, maxBytes = MAX_SHEET_BYTES): { text: string } | { error: FileProblem } {
  const megabytes = maxBytes / 1024 / 1024;
  if (bytes.byteLength > maxBytes) return { error: { code: "file.tooLarge", values: { megabytes }, message: `the file is larger than ${megabytes} MB` } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { error: { code: "file.notUtf8", message: 'the file is not UTF-8 text: save it as "CSV UTF-8 (comma delimited)"' } };
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { error: { code: "file.empty", message: "the file is empty" } };
  return { text };
}

/** A spreadsheet saved in a semicolon or tab locale: the delimiter the header line uses most. */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** One non-blank data row: its spreadsheet row number (the header is row 1) and the cells of the known columns. */
export type SheetTableRow<Column extends string> = { row: number; cells: ReadonlyMap<Column, string> };

export type SheetTableOptions<Column extends string> = {
  /** The known column a header cell names, or undefined for a column the sheet ignores (a column of notes). */
  columnOf: (header: string) => Column | undefined;
  /** The required columns the header lacks, in the order to report them. */
  missing: (found: ReadonlySet<Column>) => string[];
  /** What to tell the user about a missing column; `header` is the header row as written. */
  missingMessage: (column: string, header: readonly string[]) => string;
  maxRows?: number;
};

/**
 * Reads the header and the data rows. A file-level problem (not CSV, a column named twice, a required column missing,
 * too many rows) is returned alone, since no row can be read without it; otherwise every non-blank row comes back with
 * its spreadsheet row number, so each sheet can report a bad cell as `row 7, status: …` and keep reading.
 */
export function readSheetTable<Column extends string>(text: string, options: SheetTableOptions<Column>): { rows: SheetTableRow<Column>[]; errors: FileProblem[] } {
  const maxRows = options.maxRows ?? MAX_SHEET_ROWS;
  // Rows read at most, blank ones included: a sheet of `maxRows` rows has far fewer. csv-parse builds an error object
  // for each row shorter than the header (relax_column_count keeps them), so a few MB of line breaks took minutes.
  const maxRecords = 4 * maxRows;
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: maxRecords + 2 });
  } catch (error) {
    if (error instanceof CsvError) return { rows: [], errors: [{ code: "file.notCsv", values: { detail: error.message }, message: `the file is not valid CSV: ${error.message}` }] };
    throw error;
  }

  // Map the header to the known columns; unknown ones are ignored.
  const header = (records[0] ?? []).map((name) => restoreNeutralisedCell(name));
  const positions = new Map<Column, number>();
  for (const [index, name] of header.entries()) {
    const column = options.columnOf(name);
    if (column === undefined) continue;
    if (positions.has(column)) return { rows: [], errors: [{ column, code: "header.duplicateColumn", values: { column }, message: `the column "${column}" appears twice in the header row` }] };
    positions.set(column, index);
  }
  const missing = options.missing(new Set(positions.keys()));
  if (missing.length > 0) {
    return { rows: [], errors: missing.map((column) => ({ column, code: "header.missingColumn" as const, values: { column }, message: options.missingMessage(column, header) })) };
  }

  if (records.length - 1 > maxRecords) {
    const rows = records.length - 1;
    return { rows: [], errors: [{ code: "file.tooManyRows", values: { rows, max: maxRows }, message: `the file has more than ${maxRecords} rows (blank ones included); at most ${maxRows} are accepted` }] };
  }

  // Spreadsheet row numbers: the header is row 1; blank rows count as rows but are skipped. Blank as read back: the
  // export writes a cell of a tab or a line break as `'\t`, which is no text.
  const data = records
    .slice(1)
    .map((cells, index) => ({ cells, row: index + 2 }))
    .filter(({ cells }) => cells.some((cell) => restoreNeutralisedCell(cell).trim() !== ""));
  if (data.length > maxRows) return { rows: [], errors: [{ code: "file.tooManyRows", values: { rows: data.length, max: maxRows }, message: `the file has ${data.length} rows; at most ${maxRows} are accepted` }] };

  const rows = data.map(({ cells, row }) => {
    const values = new Map<Column, string>();
    for (const [column, index] of positions) values.set(column, restoreNeutralisedCell(cells[index] ?? ""));
    return { row, cells: values };
  });
  return { rows, errors: [] };
}
