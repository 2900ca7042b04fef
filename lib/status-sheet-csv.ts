import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { CSV_STRINGIFY_OPTIONS, neutraliseCell, restoreNeutralisedCell, UTF8_BOM } from "@/lib/csv";
import {
  ASSESSMENT_STATUSES,
  CONFIDENCES,
  isoDateSchema,
  MAX_RATIONALE_LENGTH,
  VISIBILITIES,
  type AssessmentStatusValue,
  type ConfidenceValue,
  type VisibilityValue,
} from "@/lib/schemas/assessment";
import type { SheetIssue, SheetIssueCode, SheetIssueValues } from "@/lib/schemas/status-sheet";

/**
 * The status sheet's file format, pure so it is unit-tested: the columns the export writes, and the reading of a file
 * a spreadsheet saved back (BOM or not, CRLF or LF, comma, semicolon or tab, columns in any order, extra columns).
 * Which recommendation a row names and what changes is decided against the database in lib/server/status-sheet.ts.
 */

/** Machine keys, stable: append new columns at the end, never rename or reorder. */
export const STATUS_SHEET_COLUMNS = [
  "paragraph",
  "recommendation_id",
  "recommending_states",
  "recommendation",
  "government_response",
  "status",
  "assessed_on",
  "rationale",
  "confidence",
  "visibility",
  "version",
] as const;

export type StatusSheetColumn = (typeof STATUS_SHEET_COLUMNS)[number];
export type StatusSheetRecord = Record<StatusSheetColumn, string>;

/** A review has a few hundred recommendations; these bounds only stop a wrong or hostile file early. */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_ROWS = 5_000;
/** More problems than this are summed up in one line: the first ones are enough to see what is wrong. */
export const MAX_SHEET_ISSUES = 200;

/** One data row as read: `null` where the cell is empty or the column absent (the import then keeps the current value). */
export type SheetRow = {
  row: number;
  recommendationId: number | null;
  paragraph: string | null;
  status: AssessmentStatusValue;
  assessedOn: string | null;
  rationale: string | null;
  confidence: ConfidenceValue | null;
  visibility: VisibilityValue | null;
  version: number;
};

export type ParsedSheet = { rows: SheetRow[]; errors: SheetIssue[] };

/** The whole file: BOM, header and one CRLF-ended row per record, every cell neutralised against formula injection. */
export function formatStatusSheet(records: StatusSheetRecord[]): string {
  const rows = records.map((record) => STATUS_SHEET_COLUMNS.map((column) => neutraliseCell(record[column])));
  return UTF8_BOM + stringify([[...STATUS_SHEET_COLUMNS], ...rows], CSV_STRINGIFY_OPTIONS);
}

/** The uploaded bytes as text, or the reason they are not a sheet (too large, empty, not UTF-8). */
export function decodeSheet(bytes: Uint8Array): { text: string } | { error: SheetIssue } {
  const megabytes = MAX_SHEET_BYTES / 1024 / 1024;
  if (bytes.byteLength > MAX_SHEET_BYTES) return { error: { code: "file.tooLarge", values: { megabytes }, message: `the file is larger than ${megabytes} MB` } };
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

/** Header names as people retype them: "Recommendation ID" and "recommendation-id" mean recommendation_id. */
function columnKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** A spreadsheet saved in a semicolon or tab locale: the delimiter the header line uses most. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

const STATUS_LIST = ASSESSMENT_STATUSES.join(", ");

/** Lowercase contract words; the page's labels ("Partially implemented") are accepted too. */
function choice<T extends string>(cell: string, allowed: readonly T[]): T | undefined {
  const key = cell.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return allowed.find((value) => value === key);
}

function readRow(cells: Map<StatusSheetColumn, string>, row: number, errors: SheetIssue[]): SheetRow | null {
  const issue = (column: StatusSheetColumn, code: SheetIssueCode, values: SheetIssueValues, message: string) => errors.push({ row, column, code, values, message });
  const count = errors.length;
  const cell = (column: StatusSheetColumn): string | undefined => cells.get(column);

  const idCell = cell("recommendation_id")?.trim() ?? "";
  const recommendationId = idCell === "" ? null : Number(idCell);
  if (recommendationId !== null && !(/^\d+$/.test(idCell) && recommendationId <= 2_147_483_647)) issue("recommendation_id", "recommendationId.invalid", { value: idCell }, `"${idCell}" is not a recommendation id`);
  const paragraph = cell("paragraph")?.trim() || null;
  if (idCell === "" && paragraph === null) errors.push({ row, code: "row.noReference", message: "the paragraph and the recommendation_id are both empty" });

  const statusCell = cell("status")?.trim() ?? "";
  const status = statusCell === "" ? "not_assessed" : choice(statusCell, ASSESSMENT_STATUSES);
  if (!status) issue("status", "status.notOneOf", { value: statusCell, allowed: STATUS_LIST }, `"${statusCell}" is not one of ${STATUS_LIST}`);

  // A spreadsheet may add a time to a date it recognised ("2026-11-01 00:00:00"); the day is what counts.
  const dateCell = cell("assessed_on")?.trim().replace(/^(\d{4}-\d{2}-\d{2})[ T]00:00(:00)?$/, "$1") ?? "";
  if (dateCell !== "" && !isoDateSchema.safeParse(dateCell).success) issue("assessed_on", "assessedOn.notDate", { value: dateCell }, `"${dateCell}" is not a date as YYYY-MM-DD`);

  const rationaleCell = cell("rationale");
  const rationale = rationaleCell === undefined ? null : rationaleCell.replace(/\r\n?/g, "\n").trim();
  if (rationale !== null && rationale.length > MAX_RATIONALE_LENGTH) issue("rationale", "rationale.tooLong", { max: MAX_RATIONALE_LENGTH }, `longer than ${MAX_RATIONALE_LENGTH} characters`);

  const confidenceCell = cell("confidence")?.trim() ?? "";
  const confidence = confidenceCell === "" ? null : (choice(confidenceCell, CONFIDENCES) ?? null);
  if (confidenceCell !== "" && !confidence) issue("confidence", "confidence.notOneOf", { value: confidenceCell, allowed: CONFIDENCES.join(", ") }, `"${confidenceCell}" is not one of ${CONFIDENCES.join(", ")}`);

  const visibilityCell = cell("visibility")?.trim() ?? "";
  const visibility = visibilityCell === "" ? null : (choice(visibilityCell, VISIBILITIES) ?? null);
  if (visibilityCell !== "" && !visibility) issue("visibility", "visibility.notOneOf", { value: visibilityCell, allowed: VISIBILITIES.join(", ") }, `"${visibilityCell}" is not one of ${VISIBILITIES.join(", ")}`);

  const versionCell = cell("version")?.trim() ?? "";
  const version = versionCell === "" ? 0 : Number(versionCell);
  if (!/^\d{0,9}$/.test(versionCell)) issue("version", "version.invalid", { value: versionCell }, `"${versionCell}" is not a version number: keep the exported value`);

  if (errors.length > count || !status) return null;
  return { row, recommendationId, paragraph, status, assessedOn: dateCell || null, rationale, confidence, visibility, version };
}

/**
 * Reads a sheet row by row. A file-level problem (not CSV, a required column missing, too many rows) stops there; a bad
 * cell is reported with its row number and column and the other rows are still read, so one pass shows every mistake.
 */
export function parseStatusSheet(text: string): ParsedSheet {
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    if (error instanceof CsvError) return { rows: [], errors: [{ code: "file.notCsv", values: { detail: error.message }, message: `the file is not valid CSV: ${error.message}` }] };
    throw error;
  }

  // Map the header to the known columns; unknown ones (a column of notes added in the spreadsheet) are ignored.
  const header = (records[0] ?? []).map((name) => columnKey(restoreNeutralisedCell(name)));
  const positions = new Map<StatusSheetColumn, number>();
  for (const [index, key] of header.entries()) {
    const column = STATUS_SHEET_COLUMNS.find((known) => known === key);
    if (!column) continue;
    if (positions.has(column)) return { rows: [], errors: [{ column, code: "header.duplicateColumn", values: { column }, message: `the column "${column}" appears twice in the header row` }] };
    positions.set(column, index);
  }
  const missing = ["status", "version"].filter((column) => !positions.has(column as StatusSheetColumn));
  if (!positions.has("paragraph") && !positions.has("recommendation_id")) missing.unshift("paragraph");
  if (missing.length > 0) {
    return {
      rows: [],
      errors: missing.map((column) => ({ column, code: "header.missingColumn" as const, values: { column }, message: `the header row has no "${column}" column (export the sheet again to get every column)` })),
    };
  }

  // Spreadsheet row numbers: the header is row 1; blank rows count as rows but are skipped.
  const data = records.slice(1).map((cells, index) => ({ cells, row: index + 2 })).filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (data.length > MAX_SHEET_ROWS) return { rows: [], errors: [{ code: "file.tooManyRows", values: { rows: data.length, max: MAX_SHEET_ROWS }, message: `the file has ${data.length} rows; at most ${MAX_SHEET_ROWS} are accepted` }] };

  const rows: SheetRow[] = [];
  const errors: SheetIssue[] = [];
  for (const { cells, row } of data) {
    const values = new Map<StatusSheetColumn, string>();
    for (const [column, index] of positions) values.set(column, restoreNeutralisedCell(cells[index] ?? ""));
    const parsed = readRow(values, row, errors);
    if (parsed) rows.push(parsed);
  }
  return { rows, errors };
}

/** At most MAX_SHEET_ISSUES problems, then one line that says how many more there are. */
export function capIssues(errors: SheetIssue[]): SheetIssue[] {
  if (errors.length <= MAX_SHEET_ISSUES) return errors;
  return [...errors.slice(0, MAX_SHEET_ISSUES), { code: "file.moreProblems", values: { count: errors.length - MAX_SHEET_ISSUES }, message: `… and ${errors.length - MAX_SHEET_ISSUES} more problems` }];
}
