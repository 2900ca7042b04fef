import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setImmediate } from "node:timers/promises";
import { Parser } from "csv-parse";
import { CsvError, parse } from "csv-parse/sync";
import { restoreNeutralisedCell } from "@/lib/csv/format";
import type { FileIssueCode, SheetProblem } from "./issues";
import { MAX_SHEET_BYTES, MAX_SHEET_ROWS } from "./limits";

/**
 * Reading a CSV sheet as a spreadsheet saves it back, shared by every sheet people edit and upload (the status sheet,
 * the response-wording sheet): UTF-8 with or without a BOM, CRLF, LF or CR, comma, semicolon or tab separated, columns
 * in any order, extra columns ignored, and cells that an export prefixed with `'` against formula injection read back
 * without it. Pure, so the rules are unit-tested once; what a row means is each sheet's own business.
 */

export { MAX_SHEET_BYTES, MAX_SHEET_ROWS };

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

/** A cell longer than this is no cell of a sheet (a rationale holds at most 10,000 characters): csv-parse stops there. */
export const MAX_SHEET_CELL_BYTES = 1024 * 1024;

/** Lines at most, blank ones included: a sheet of `maxRows` rows has far fewer. */
const maxLinesOf = (maxRows: number): number => 4 * maxRows;
/** Delimiters at most (those inside quoted cells too): a sheet of `maxRows` rows of a dozen columns has far fewer. */
const maxCellsOf = (maxRows: number): number => 40 * maxRows;

/** The records of a sheet (header first), or the one file problem that stopped the reading. */
export type SheetRecords = { records: string[][] } | { error: FileProblem };

/**
 * What csv-parse costs is bounded before it runs, in one pass over the text that counts line breaks and delimiters:
 * it spends some 30 µs on each row shorter than the header (relax_column_count builds an error object for each), so
 * 0.5 MB of blank lines took 8 s and froze the server, and a line of 5 million commas took 2 s. Both are counted
 * without regard to quotes, so the counts bound what the parser will see from above.
 */
export function sheetShapeProblem(text: string, maxRows = MAX_SHEET_ROWS): FileProblem | null {
  const maxLines = maxLinesOf(maxRows);
  const maxCells = maxCellsOf(maxRows);
  const delimiter = detectDelimiter(text).charCodeAt(0);
  let lines = 0;
  let cells = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      if (++lines > maxLines) return { code: "file.tooManyLines", values: { max: maxLines, rows: maxRows }, message: `the file has more than ${maxLines} lines (blank ones included); a sheet of at most ${maxRows} rows has far fewer` };
    } else if (c === delimiter && ++cells > maxCells) {
      return { code: "file.tooManyCells", values: { max: maxCells }, message: `the file has more than ${maxCells} cells: is it the exported sheet?` };
    }
  }
  return null;
}

function parseOptions(text: string, maxRows: number) {
  return {
    delimiter: detectDelimiter(text),
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_SHEET_CELL_BYTES,
    to: maxLinesOf(maxRows) + 2,
  };
}

function notCsv(error: CsvError): { error: FileProblem } {
  return { error: { code: "file.notCsv", values: { detail: error.message }, message: `the file is not valid CSV: ${error.message}` } };
}

/** The records at once: for the CLI and the tests. The server reads them with {@link readSheetRecordsInSteps}. */
export function readSheetRecords(text: string, maxRows = MAX_SHEET_ROWS): SheetRecords {
  const problem = sheetShapeProblem(text, maxRows);
  if (problem) return { error: problem };
  try {
    return { records: parse(text, parseOptions(text, maxRows)) };
  } catch (error) {
    if (error instanceof CsvError) return notCsv(error);
    throw error;
  }
}

/** Bytes and line breaks fed to the parser at a time: each step is a few milliseconds of work, whatever the file. */
const STEP_BYTES = 16 * 1024;
const STEP_LINES = 500;

/** The text's bytes in steps of at most STEP_BYTES bytes and STEP_LINES line breaks (csv-parse joins a record cut in two). */
function* steps(bytes: Buffer): Generator<Buffer> {
  let start = 0;
  while (start < bytes.length) {
    let end = start;
    let lines = 0;
    const limit = Math.min(bytes.length, start + STEP_BYTES);
    while (end < limit && lines < STEP_LINES) {
      const byte = bytes[end++];
      if (byte === 10 || byte === 13) lines++;
    }
    yield bytes.subarray(start, end);
    start = end;
  }
}

/**
 * The same records as {@link readSheetRecords}, read in steps that each give the event loop back, so a sheet of 5 MB
 * (the most an upload holds) never holds up the server's other requests: each step is a few milliseconds.
 */
export async function readSheetRecordsInSteps(text: string, maxRows = MAX_SHEET_ROWS): Promise<SheetRecords> {
  const problem = sheetShapeProblem(text, maxRows);
  if (problem) return { error: problem };
  // No `to`: the line count above already bounds the records, and the stream must read its source to the end.
  const options: Omit<ReturnType<typeof parseOptions>, "to"> & { to?: number } = parseOptions(text, maxRows);
  delete options.to;
  const records: string[][] = [];
  async function* fed(): AsyncGenerator<Buffer> {
    for (const step of steps(Buffer.from(text))) {
      yield step;
      await setImmediate();
    }
  }
  try {
    await pipeline(Readable.from(fed()), new Parser(options), async (parsed: AsyncIterable<string[]>) => {
      for await (const record of parsed) records.push(record);
    });
  } catch (error) {
    if (error instanceof CsvError) return notCsv(error);
    throw error;
  }
  return { records };
}

/**
 * Reads the header and the data rows. A file-level problem (not CSV, a column named twice, a required column missing,
 * too many rows) is returned alone, since no row can be read without it; otherwise every non-blank row comes back with
 * its spreadsheet row number, so each sheet can report a bad cell as `row 7, status: …` and keep reading. `source` is
 * the text, or its records as {@link readSheetRecordsInSteps} read them.
 */
export function readSheetTable<Column extends string>(source: string | SheetRecords, options: SheetTableOptions<Column>): { rows: SheetTableRow<Column>[]; errors: FileProblem[] } {
  const maxRows = options.maxRows ?? MAX_SHEET_ROWS;
  const maxRecords = maxLinesOf(maxRows);
  const read = typeof source === "string" ? readSheetRecords(source, maxRows) : source;
  if ("error" in read) return { rows: [], errors: [read.error] };
  const { records } = read;

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
