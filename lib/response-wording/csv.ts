import { stringify } from "csv-stringify/sync";
import { CSV_STRINGIFY_OPTIONS, neutraliseCell, UTF8_BOM } from "@/lib/csv/format";
import type { SheetIssueValues } from "@/lib/csv-sheet/issues";
import { readSheetTable, type SheetRecords } from "@/lib/csv-sheet/read";
import { trimEndWhere } from "@/lib/text/trim-end";
import type { WordingIssue, WordingIssueCode } from "@/lib/schemas/response-wording";

/**
 * The response-wording sheet's file format, pure so it is unit-tested: which header names mean which column, how a
 * row's cells are read, and the template the export writes. Which recommendation a paragraph names, and whether its
 * wording agrees with the recorded position, is decided in ./plan.ts against the review's recommendations.
 */

/** The only columns an import reads; any other column (the template's `position`, `recommendation`) is ignored. */
export const WORDING_COLUMNS = ["paragraph", "wording", "addendum_paragraph"] as const;
export type WordingColumn = (typeof WORDING_COLUMNS)[number];

/** The template: the columns read, then the recorded position and the text for orientation (never read back). */
export const WORDING_TEMPLATE_COLUMNS = [...WORDING_COLUMNS, "position", "recommendation"] as const;
export type WordingTemplateRecord = Record<(typeof WORDING_TEMPLATE_COLUMNS)[number], string>;

/**
 * Header names people give these columns, compared after `headerKey` (lower case, apostrophes dropped, anything else
 * that is not a letter or digit a single space): "State's words", "STATE’S  WORDS" and "states_words" are one name.
 */
const HEADER_NAMES: Readonly<Record<WordingColumn, readonly string[]>> = {
  paragraph: ["paragraph", "para", "paragraph no", "paragraph number", "recommendation paragraph"],
  wording: ["wording", "response wording", "response", "states words", "state words", "states response", "state response", "words"],
  addendum_paragraph: ["addendum paragraph", "addendum para", "addendum paragraph no", "addendum paragraph number", "addendum"],
};

/** Wordings longer than this are not a response but a pasted paragraph; the explorer's wording filter takes 100 too. */
export const MAX_WORDING_LENGTH = 100;

export function headerKey(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function wordingColumn(header: string): WordingColumn | undefined {
  const key = headerKey(header);
  return WORDING_COLUMNS.find((column) => HEADER_NAMES[column].includes(key));
}

/** One data row as read. */
export type WordingRow = { row: number; paragraph: string; wording: string; addendumParagraph: string | null };
export type ParsedWordingSheet = { rows: WordingRow[]; errors: WordingIssue[] };

/**
 * The State's words as stored: single-spaced, lower case (as the list importers store a response, so the explorer's
 * filter and the charts group "Rejected" and "rejected" together), without the full stop or semicolon a printed list
 * ends an item with. Null when nothing is left.
 */
export function normaliseWording(cell: string): string | null {
  const words = trimEndWhere(cell.replace(/\s+/g, " ").trim(), /[\s.;,]/).toLowerCase();
  return words === "" ? null : words;
}

/** "4", "para. 4", "Paragraph 4.", "§ 4", "4 (a)", "10–12": the addendum's paragraph as cited, or undefined when it is not one. */
export function normaliseAddendumParagraph(cell: string): string | null | undefined {
  const text = cell.trim().replace(/^(paragraphs?|paras?\.?|§)\s*/i, "").replace(/\.$/, "").replace(/\s+/g, " ");
  if (text === "") return null;
  return /^\d{1,4}(\.\d{1,4})*( ?\([a-z0-9]{1,4}\))*( ?[-–] ?\d{1,4}(\.\d{1,4})*)?$/i.test(text) ? text.replace(/ ?[-–] ?/, "–") : undefined;
}

function readRow(cells: ReadonlyMap<WordingColumn, string>, row: number, errors: WordingIssue[]): WordingRow | null {
  const issue = (column: WordingColumn, code: WordingIssueCode, values: SheetIssueValues, message: string) => errors.push({ row, column, code, values, message });
  const count = errors.length;

  const paragraph = cells.get("paragraph")?.trim() ?? "";
  if (paragraph === "") errors.push({ row, column: "paragraph", code: "row.noParagraph", message: "the paragraph is empty" });

  const wordingCell = cells.get("wording") ?? "";
  const wording = normaliseWording(wordingCell);
  if (wording === null) issue("wording", "wording.empty", {}, "the State's wording is empty");
  else if (wording.length > MAX_WORDING_LENGTH) issue("wording", "wording.tooLong", { max: MAX_WORDING_LENGTH }, `longer than ${MAX_WORDING_LENGTH} characters: put the State's words for this recommendation, not the whole paragraph`);

  const addendumCell = cells.get("addendum_paragraph") ?? "";
  const addendumParagraph = normaliseAddendumParagraph(addendumCell);
  if (addendumParagraph === undefined) issue("addendum_paragraph", "addendumParagraph.invalid", { value: addendumCell.trim() }, `"${addendumCell.trim()}" is not a paragraph number such as 4 or 4 (a)`);

  if (errors.length > count || wording === null || addendumParagraph === undefined) return null;
  return { row, paragraph, wording, addendumParagraph };
}

/**
 * Reads a wording sheet row by row. A file-level problem (not CSV, no paragraph or wording column, too many rows) stops
 * there; a bad cell is reported with its row number and column, and the other rows are still read.
 */
export function parseResponseWordingSheet(text: string | SheetRecords): ParsedWordingSheet {
  const table = readSheetTable(text, {
    columnOf: wordingColumn,
    missing: (found) => (["paragraph", "wording"] as const).filter((column) => !found.has(column)),
    missingMessage: (column, header) =>
      `the header row has no "${column}" column (it may be called ${HEADER_NAMES[column as WordingColumn].map((name) => `"${name}"`).join(", ")}; found ${header.map((name) => `"${name}"`).join(", ")})`,
  });
  const rows: WordingRow[] = [];
  const errors: WordingIssue[] = [...table.errors];
  for (const { cells, row } of table.rows) {
    const parsed = readRow(cells, row, errors);
    if (parsed) rows.push(parsed);
  }
  return { rows, errors };
}

/** The template file: BOM, header and one CRLF-ended row per record, every cell neutralised against formula injection. */
export function formatResponseWordingTemplate(records: WordingTemplateRecord[]): string {
  const rows = records.map((record) => WORDING_TEMPLATE_COLUMNS.map((column) => neutraliseCell(record[column])));
  return UTF8_BOM + stringify([[...WORDING_TEMPLATE_COLUMNS], ...rows], CSV_STRINGIFY_OPTIONS);
}

/** The addendum paragraph a source names when it is `<symbol>, para. <n>` of this symbol, so the template round-trips. */
export function addendumParagraphOf(source: string | null, symbol: string | null): string {
  if (!source || !symbol) return "";
  const prefix = `${symbol}, para. `;
  return source.startsWith(prefix) ? source.slice(prefix.length) : "";
}

/** Where the wording was read: "A/HRC/40/6/Add.1, para. 4", or the addendum alone when the row gives no paragraph. */
export function wordingSource(symbol: string, addendumParagraph: string | null): string {
  return addendumParagraph ? `${symbol}, para. ${addendumParagraph}` : symbol;
}
