import { z } from "zod";
import csvTitlesEn from "@/lib/i18n/messages/en/csv.json";
import csvTitlesZh from "@/lib/i18n/messages/zh/csv.json";

/**
 * The export's own option, `headers=keys|en|zh`: the words of the header row and of the label columns.
 * - `keys` (default): the machine keys (`state_under_review`, …), which scripts and reports cite; labels in English.
 * - `en` / `zh`: column titles a reader understands, from the csv message catalogue, and the labels in that language.
 * The key columns' cells are the same whatever the option: only the header row and the label columns change.
 */
export const CSV_HEADER_LANGUAGES = ["keys", "en", "zh"] as const;
export type CsvHeaderLanguage = (typeof CSV_HEADER_LANGUAGES)[number];

/** The language of the label columns and of the recommendation links. */
export type CsvLabelLanguage = "en" | "zh";

export function labelLanguageOf(headers: CsvHeaderLanguage): CsvLabelLanguage {
  return headers === "zh" ? "zh" : "en";
}

const CSV_TITLES: Record<CsvLabelLanguage, Readonly<Record<string, string>>> = { en: csvTitlesEn, zh: csvTitlesZh };

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
