import { cycleTerm } from "@/lib/cycles/label";
import { NONE_KEY } from "@/lib/stats";
import { seriesLabel, type ChartSeries, type ReviewSeries } from "./chart-data";
import type { ChartText } from "./chart-text";
import { OTHER_UNIT, type ChartUnit } from "./units";

/** How a unit's series reads, and what the charts say about what it has loaded and what was reported. */

const terms = (text: ChartText) => Object.assign(text.term, { has: text.hasTerm });

/**
 * A review: "2018", or "China 2018" among several States; a cycle: "2017–2021 (3rd cycle)"; a region by its name; a
 * State by its name; "Other (184 more)" for the folded tail.
 */
export function unitLabel(unit: ChartUnit, all: readonly ChartUnit[], text: ChartText): string {
  if (unit.key === OTHER_UNIT) return text.t(`unit.other.${unit.per}`, { count: unit.folded });
  switch (unit.per) {
    case "review":
      return seriesLabel(unit.review!, all.flatMap((u) => (u.review ? [u.review] : [])), text);
    case "cycle":
      return cycleTerm(terms(text), unit.key, unit.years);
    case "region":
      return unit.key === NONE_KEY ? text.t("unit.regionNone") : text.term(`region.${unit.key}`);
    case "sur":
      return text.country(unit.key);
  }
}

/** "2024: 0 of 428 loaded — incomplete" when the unit's reviews with a reported total have fewer records loaded. */
export function incompleteOf(unit: ChartUnit, label: string, text: ChartText): string | null {
  if (unit.reportedTotal === null || unit.loadedOfReported >= unit.reportedTotal) return null;
  return text.t("incompleteNote", { label, loaded: unit.loadedOfReported, total: unit.reportedTotal });
}

/** "China 2024": a review named with its State, wherever it is listed. */
const reviewName = (review: ReviewSeries, text: ChartText): string =>
  text.t("series.stateWhen", { state: text.country(review.stateUnderReview.iso3), when: review.year ? String(review.year) : cycleTerm(terms(text), review.cycle) });

/** One note per reported series: what it is, that no record is counted in it, and where each review's figures come from. */
export function reportedNotes(columns: readonly { reported: boolean; series: ChartSeries; unit: { unit: ChartUnit } }[], text: ChartText): string[] {
  return columns.flatMap((column) => {
    const figures = column.unit.unit.reported;
    if (!column.reported || !figures) return [];
    const sources = figures.sources.map(({ review, source }) => text.t("reported.source", { review: reviewName(review, text), source: source ?? text.t("reported.noSource") }));
    return [text.t("reported.note", { series: column.series.label, sources: sources.join(text.t("reported.sourceSeparator")) })];
  });
}
