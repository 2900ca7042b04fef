import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import csvTitlesEn from "@/lib/i18n/messages/en/csv.json";
import csvTitlesZh from "@/lib/i18n/messages/zh/csv.json";
import { toPublicRecommendation, type RecommendationItem } from "@/lib/schemas/recommendation-api";
import type { RecommendationRow } from "@/lib/server/recommendations";

/**
 * The CSV export's format, pure so it can be unit-tested: columns, cell values, quoting and the file name. The route
 * handler (app/api/recommendations.csv) only pulls batches from the database and feeds them through here.
 */

/** Excel reads a file as UTF-8 only when it starts with a byte order mark; without it Chinese and accented names break. */
export const UTF8_BOM = "\uFEFF";

/**
 * Machine keys, stable so a report can cite a column. Append new columns at the end; never rename or reorder.
 * There are no comment lines before the header (spreadsheets take them for data), so the file has exactly one
 * header row and one row per recommendation; the export date and filter travel in response headers and the file name.
 */
export const RECOMMENDATION_CSV_COLUMNS = [
  "id",
  "state_under_review",
  "cycle",
  "review_report",
  "paragraph",
  "text",
  "recommending_states_iso3",
  "recommending_states",
  "recommending_regions",
  "position",
  "response_wording",
  "position_source",
  "themes",
  "affected_persons",
  "action_category",
  "action_category_source",
  "action_category_method",
  "action_category_rules",
  "source_document",
  "text_language",
  "unknown_recommending_states",
] as const;

export type CsvColumn = (typeof RECOMMENDATION_CSV_COLUMNS)[number];

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

const LIST_SEPARATOR = "; ";

function themeCell(themes: RecommendationItem["themes"]): string {
  return themes.map((theme) => `${theme.id} ${theme.name}`).join(LIST_SEPARATOR);
}

/** One CSV record per recommendation, in column order; multiple values joined with "; ". */
export function toCsvRecord(row: RecommendationRow): Record<CsvColumn, string> {
  const item = toPublicRecommendation(row);
  const states = item.recommendingStates;
  const record: Record<CsvColumn, string> = {
    id: String(item.id),
    state_under_review: item.stateUnderReview.iso3,
    cycle: String(item.cycle),
    review_report: item.source.reportSymbol ?? "",
    paragraph: item.paragraph ?? "",
    text: item.text,
    recommending_states_iso3: states.map((state) => state.iso3).join(LIST_SEPARATOR),
    recommending_states: states.map((state) => state.name).join(LIST_SEPARATOR),
    // Aligned with the two columns before it; "none" for a State outside the five UN regional groups.
    recommending_regions: states.map((state) => state.region ?? "none").join(LIST_SEPARATOR),
    position: item.position ?? "",
    response_wording: item.responseWording ?? "",
    position_source: item.source.positionSource ?? "",
    themes: themeCell(item.themes.filter((theme) => theme.scheme !== "affected")),
    affected_persons: themeCell(item.themes.filter((theme) => theme.scheme === "affected")),
    action_category: item.actionCategory === null ? "" : String(item.actionCategory),
    action_category_source: row.actionCategorySource ?? "",
    action_category_method: item.actionCategoryMethod ?? "",
    action_category_rules: item.actionCategoryRules ?? "",
    source_document: item.source.document,
    text_language: item.textLanguage,
    // States the source prints as unknown: a count beside the named ones, which it never changes.
    unknown_recommending_states: String(item.unknownRecommendingStates),
  };
  return record;
}

/**
 * RFC 4180: CRLF line ends, quotes doubled, and fields with commas, quotes or line breaks quoted. csv-stringify quotes
 * only the record delimiter itself, so a bare LF or CR inside a cell is matched explicitly (else a spreadsheet would
 * split the row there).
 */
export const CSV_STRINGIFY_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

/** RFC 4180 lines (see CSV_STRINGIFY_OPTIONS), cells neutralised. */
export function formatCsvRecords(records: Record<CsvColumn, string>[]): string {
  const rows = records.map((record) => RECOMMENDATION_CSV_COLUMNS.map((column) => neutraliseCell(record[column])));
  return stringify(rows, CSV_STRINGIFY_OPTIONS);
}

/**
 * The header row's words: `keys` (default), the machine keys above, which scripts and reports cite; `en` or `zh`,
 * column titles a reader understands, from the csv message catalogue. Only the header changes, never the cells.
 */
export const CSV_HEADER_LANGUAGES = ["keys", "en", "zh"] as const;
export type CsvHeaderLanguage = (typeof CSV_HEADER_LANGUAGES)[number];

const CSV_TITLES: Record<Exclude<CsvHeaderLanguage, "keys">, Readonly<Record<string, string>>> = { en: csvTitlesEn, zh: csvTitlesZh };

/** The header row of an export's columns in the chosen language; a column without a title keeps its key. */
export function csvHeader(columns: readonly string[], language: CsvHeaderLanguage = "keys"): string[] {
  if (language === "keys") return [...columns];
  const titles = CSV_TITLES[language];
  return columns.map((column) => titles[column] ?? column);
}

/** `headers=zh`: at most once, one of CSV_HEADER_LANGUAGES; absent means `keys`. */
export const csvOptionsSchema = z.object({
  headers: z
    .array(z.enum(CSV_HEADER_LANGUAGES, { error: `one of ${CSV_HEADER_LANGUAGES.join(", ")}` }))
    .max(1, "give headers at most once")
    .transform((values): CsvHeaderLanguage => values[0] ?? "keys"),
});

/**
 * Splits the export's own `headers=` option off the filter parameters, which are then parsed as strictly as the JSON
 * API's (that schema refuses unknown keys). A bad value fails with its issues under the path `headers`.
 */
export function takeCsvOptions(params: URLSearchParams): { options: ReturnType<typeof csvOptionsSchema.safeParse>; filters: URLSearchParams } {
  const filters = new URLSearchParams(params);
  filters.delete("headers");
  return { options: csvOptionsSchema.safeParse({ headers: params.getAll("headers") }), filters };
}

/** The first bytes of the file: the BOM and the header row. */
export function csvPreamble(language: CsvHeaderLanguage = "keys"): string {
  return UTF8_BOM + stringify([csvHeader(RECOMMENDATION_CSV_COLUMNS, language)], CSV_STRINGIFY_OPTIONS);
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
