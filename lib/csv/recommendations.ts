import { toPublicRecommendation } from "@/lib/schemas/recommendation-api";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { csvLines, UTF8_BOM } from "./format";
import { csvHeader, type CsvHeaderLanguage } from "./options";
import { RECOMMENDATION_CSV_COLUMN_DEFINITIONS, RECOMMENDATION_CSV_COLUMNS, type CsvColumn } from "./recommendation-columns";
import type { CsvWords } from "./recommendation-words";

/**
 * The recommendations export's file, pure so it can be unit-tested: the header row, one record per recommendation
 * (the column table in ./recommendation-columns.ts) and their quoting. The route handler
 * (app/api/recommendations.csv) only pulls batches from the database and feeds them through here.
 *
 * There are no comment lines before the header (spreadsheets take them for data), so the file has exactly one header
 * row and one row per recommendation; the export date and filter travel in response headers and the file name.
 */

export { RECOMMENDATION_CSV_COLUMNS, type CsvColumn };

/** One CSV record per recommendation, in column order; several values in a cell joined with "; ". */
export function toCsvRecord(row: RecommendationRow, words: CsvWords): Record<CsvColumn, string> {
  const input = { row, item: toPublicRecommendation(row), words };
  return Object.fromEntries(RECOMMENDATION_CSV_COLUMN_DEFINITIONS.map((definition) => [definition.key, definition.cell(input)])) as Record<CsvColumn, string>;
}

/** RFC 4180 lines (see CSV_STRINGIFY_OPTIONS), cells neutralised. */
export function formatCsvRecords(records: Record<CsvColumn, string>[]): string {
  return csvLines(records.map((record) => RECOMMENDATION_CSV_COLUMNS.map((column) => record[column])));
}

/** The first bytes of the file: the BOM and the header row. */
export function csvPreamble(language: CsvHeaderLanguage = "keys"): string {
  return UTF8_BOM + csvLines([csvHeader(RECOMMENDATION_CSV_COLUMNS, language)]);
}
