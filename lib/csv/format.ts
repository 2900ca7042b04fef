import { stringify } from "csv-stringify/sync";

/**
 * What every CSV the app writes shares (the recommendations export, the stats and chart tables, the status and wording
 * sheets, the mid-term report): the byte order mark, RFC 4180 line ends and quoting, neutralised formula cells, and the
 * export's file name. Pure, no server code.
 */

/** Excel reads a file as UTF-8 only when it starts with a byte order mark; without it Chinese and accented names break. */
export const UTF8_BOM = "\uFEFF";

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV injection"): a cell that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is prefixed with an apostrophe, so Excel, LibreOffice and Google Sheets show it as text
 * instead of evaluating it. Recommendation texts come from documents anyone can upload, so every cell goes through here.
 */
export function neutraliseCell(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}

/**
 * A formula trigger after any leading apostrophes: `=x`, and also `'=x`, so that a text which itself begins with an
 * apostrophe and a trigger gets one more and `restoreNeutralisedCell` can give it back exactly.
 */
function startsLikeFormula(value: string): boolean {
  const first = value.replace(/^'+/, "")[0];
  return first !== undefined && FORMULA_TRIGGERS.has(first);
}

/**
 * The inverse of `neutraliseCell`, for files that come back (the status sheet): a cell saved as `'=x` by the export and
 * kept as it was by a spreadsheet reads back as `=x`. A leading apostrophe before anything else is the user's own.
 */
export function restoreNeutralisedCell(value: string): string {
  return value.startsWith("'") && startsLikeFormula(value) ? value.slice(1) : value;
}

/**
 * RFC 4180: CRLF line ends, quotes doubled, and fields with commas, quotes or line breaks quoted. csv-stringify quotes
 * only the record delimiter itself, so a bare LF or CR inside a cell is matched explicitly (else a spreadsheet would
 * split the row there).
 */
export const CSV_STRINGIFY_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

/** RFC 4180 lines of rows of cells, every cell neutralised. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => row.map(neutraliseCell)), CSV_STRINGIFY_OPTIONS);
}

/** `upr-recommendations-cycle-3-position-noted-2026-11-28.csv`: the filter (shortened, ASCII) and the export date. */
export function exportFileName(filterSearch: string, date: Date): string {
  const words = [...new URLSearchParams(filterSearch)].flat().join("-");
  const filter = words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  const day = date.toISOString().slice(0, 10);
  return ["upr-recommendations", filter, day].filter(Boolean).join("-") + ".csv";
}
