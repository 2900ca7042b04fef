/**
 * How a cycle reads wherever it is shown, in both languages: the year first, because that is what a reader prints
 * ("2018 (3rd cycle)", "2018年（第三轮）"), then the cycle. The year always comes from the data (a review's date);
 * without one the cycle reads alone ("3rd cycle").
 */

/** A translator of the `terms` namespace (getTranslations("terms"), useTranslations("terms") or createTranslator). */
export type TermsTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** The years of the reviews loaded in one cycle, when they are not all in the same year. */
export type YearSpan = { from: number; to: number };

/** One year (a single review, or reviews all held that year), a span of years, or none recorded. */
export type CycleYears = number | YearSpan | null;

/**
 * "2018 (3rd cycle)" for one year; "2017–2021 (3rd cycle)" when the cycle's loaded reviews were held over several years
 * (whole-UPR data); "3rd cycle" when no review date is recorded. Years are passed as strings so ICU never groups them
 * ("2,018").
 */
export function cycleTerm(terms: TermsTranslator, cycle: number | string, years: CycleYears = null): string {
  const name = terms.has(`cycle.${cycle}`) ? terms(`cycle.${cycle}`) : String(cycle);
  if (years === null) return name;
  if (typeof years === "number") return terms("cycleWithYear", { cycle: name, year: String(years) });
  if (years.from === years.to) return terms("cycleWithYear", { cycle: name, year: String(years.from) });
  return terms("cycleWithYears", { cycle: name, from: String(years.from), to: String(years.to) });
}
