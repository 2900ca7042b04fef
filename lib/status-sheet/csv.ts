import { stringify } from "csv-stringify/sync";
import { CSV_STRINGIFY_OPTIONS, neutraliseCell, UTF8_BOM } from "@/lib/csv/format";
import { readSheetTable, type SheetRecords } from "@/lib/csv-sheet/read";
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

export { decodeSheet, MAX_SHEET_BYTES, MAX_SHEET_ROWS } from "@/lib/csv-sheet/read";
export { capIssues, MAX_SHEET_ISSUES } from "@/lib/csv-sheet/issues";

/**
 * The status sheet's file format, pure so it is unit-tested: the columns the export writes, and the reading of a file
 * a spreadsheet saved back (BOM or not, CRLF or LF, comma, semicolon or tab, columns in any order, extra columns).
 * Which recommendation a row names and what changes is decided against the database in lib/server/status-sheet/.
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

/** Header names as people retype them: "Recommendation ID" and "recommendation-id" mean recommendation_id. */
function columnKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

const STATUS_LIST = ASSESSMENT_STATUSES.join(", ");

/** Lowercase contract words; the page's labels ("Partially implemented") are accepted too. */
function choice<T extends string>(cell: string, allowed: readonly T[]): T | undefined {
  const key = cell.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return allowed.find((value) => value === key);
}

function readRow(cells: ReadonlyMap<StatusSheetColumn, string>, row: number, errors: SheetIssue[]): SheetRow | null {
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

/** The known column a header names ("Recommendation ID" and "recommendation-id" mean recommendation_id), or undefined. */
function statusSheetColumn(header: string): StatusSheetColumn | undefined {
  const key = columnKey(header);
  return STATUS_SHEET_COLUMNS.find((known) => known === key);
}

function missingColumns(found: ReadonlySet<StatusSheetColumn>): string[] {
  const missing: string[] = (["status", "version"] as const).filter((column) => !found.has(column));
  if (!found.has("paragraph") && !found.has("recommendation_id")) missing.unshift("paragraph");
  return missing;
}

/**
 * Reads a sheet row by row. A file-level problem (not CSV, a required column missing, too many rows) stops there; a bad
 * cell is reported with its row number and column and the other rows are still read, so one pass shows every mistake.
 */
export function parseStatusSheet(text: string | SheetRecords): ParsedSheet {
  const table = readSheetTable(text, {
    columnOf: statusSheetColumn,
    missing: missingColumns,
    missingMessage: (column) => `the header row has no "${column}" column (export the sheet again to get every column)`,
  });
  const rows: SheetRow[] = [];
  const errors: SheetIssue[] = [...table.errors];
  for (const { cells, row } of table.rows) {
    const parsed = readRow(cells, row, errors);
    if (parsed) rows.push(parsed);
  }
  return { rows, errors };
}
