import { POSITIONS, toSearchString, type PositionParam, type RecommendationFilters } from "@/lib/search-params";
import { NONE_KEY, type StatDimension, type StatGroup } from "@/lib/stats";
import type { ChartText } from "./chart-text";
import { cycleTerm } from "@/lib/cycles/label";

/**
 * What a chart draws, in one serialisable shape: the server builds it (lib/charts/build-charts.ts), the figure renders
 * its table without JavaScript, and the client draws the SVG from the very same cells. Pure, unit-tested helpers.
 */

/** `short`: the name on each bar, where the label is long. `reported`: officially reported figures (records not loaded), drawn apart and never linked to explorer rows. */
export type ChartSeries = { key: string; label: string; reported?: boolean; short?: string };
export type ChartCategory = { key: string; label: string };
export type ChartCell = { value: number; text: string; href: string | null };

export type ChartData = {
  id: string;
  /** Says what is counted, e.g. "Recommendations by position of China". */
  title: string;
  /** For the SVG's <desc>: what the bars show and that a table follows. */
  description: string;
  /** One plain line per review, e.g. "2018: 284 of 346 supported (82%)". */
  summary: string[];
  /** "0 of 428 loaded — incomplete" for each review whose loaded list is below its reported total. */
  incomplete: string[];
  notes: string[];
  categoryAxis: string;
  valueAxis: string;
  unit: "count" | "percent";
  /** Series stack into one bar per category (parts of a whole) instead of standing side by side. */
  stacked: boolean;
  series: ChartSeries[];
  categories: ChartCategory[];
  /** [category][series] */
  cells: ChartCell[][];
  /** Shown instead of the drawing when there is nothing to draw; the table still lists the zeros. */
  empty: string | null;
  csv: string;
  fileName: string;
};

/** The review a series stands for, with what is loaded against what was officially reported. */
export type ReviewSeries = {
  id: number;
  stateUnderReview: { iso3: string; name: string };
  cycle: number;
  year: number | null;
  loaded: number;
  reportedTotal: number | null;
};

/**
 * "2018" when every series is a review of the same State, else "China 2018"; the cycle ("3rd cycle") when the year is
 * unknown. A series is one review, so its year alone names it; the cycle reads in the filter summary above the charts.
 */
export function seriesLabel(review: ReviewSeries, all: readonly ReviewSeries[], text: ChartText): string {
  const when = review.year ? String(review.year) : cycleTerm(Object.assign(text.term, { has: text.hasTerm }), review.cycle);
  const oneState = all.every((other) => other.stateUnderReview.iso3 === review.stateUnderReview.iso3);
  return oneState ? when : text.t("series.stateWhen", { state: text.country(review.stateUnderReview.iso3), when });
}

/** "2024: 0 of 428 loaded — incomplete", or null when the whole reported list is loaded (or no total is known). */
export function incompleteNote(review: ReviewSeries, label: string, text: ChartText): string | null {
  if (review.reportedTotal === null || review.loaded >= review.reportedTotal) return null;
  return text.t("incompleteNote", { label, loaded: review.loaded, total: review.reportedTotal });
}

type LinkFilter = Exclude<StatDimension, "review">;

/**
 * The explorer rows behind one bar: the current filters, narrowed to the review and to the group's key (replacing any
 * filter of the same dimension). `none` and "Other" have no explorer filter, so no link.
 */
export function explorerHref(filters: RecommendationFilters, reviewId: number | null, extra: Partial<Record<LinkFilter, string[]>> = {}): string | null {
  return unitHref(filters, reviewId === null ? {} : { review: [reviewId] }, extra);
}

/**
 * The explorer rows behind one bar of a unit (a review, a cycle, the States under review of a region or one State):
 * the current filters narrowed to the unit and to the group's key. A unit without a narrowing ("Other") links nowhere.
 */
export function unitHref(filters: RecommendationFilters, narrow: Partial<Pick<RecommendationFilters, "review" | "cycle" | "sur">> | null, extra: Partial<Record<LinkFilter, string[]>> = {}): string | null {
  if (narrow === null) return null;
  const next: RecommendationFilters = { ...filters, ...narrow };
  for (const [dimension, keys] of Object.entries(extra) as [LinkFilter, string[]][]) {
    if (keys.some((key) => key === NONE_KEY || key === OTHER_KEY)) return null;
    if (dimension === "action") next.action = keys.map(Number);
    else (next as unknown as Record<LinkFilter, string[]>)[dimension] = keys;
  }
  return `/recommendations${toSearchString(next)}`;
}

/** Positions that count as accepted, within the position filter in force: none (null) when it selects only `noted`. */
export function acceptedPositions(filter: readonly PositionParam[]): PositionParam[] | null {
  const accepted = POSITIONS.filter((p) => p !== "noted" && (filter.length === 0 || filter.includes(p)));
  return accepted.length > 0 ? accepted : null;
}

/** "82.1% (284 of 346)"; a share of nothing is shown as "—" and drawn as 0. */
export function rateCell(part: number, whole: number, href: string | null, text: ChartText): ChartCell {
  if (whole === 0) return { value: 0, text: "—", href: null };
  const percent = Math.round((part / whole) * 1000) / 10;
  return { value: percent, text: text.t("rate", { percent: text.percent(percent / 100, 1), part, whole }), href };
}

/** "82%" of a whole, rounded to a whole percent, for summaries. */
export function share(part: number, whole: number, text: ChartText): string {
  return whole === 0 ? "—" : text.percent(part / whole);
}

export const OTHER_KEY = "other";

/** How many themes the theme chart names; the rest are one "Other" bar. */
export const TOP_THEMES = 8;

/**
 * The theme chart leaves out Sustainable Development Goals: OHCHR adds them as a second classification beside the
 * human-rights themes, and counting both would rank one recommendation twice.
 */
export function subjectThemes(groups: readonly StatGroup[]): StatGroup[] {
  return groups.filter((group) => !group.key.startsWith("sdg:"));
}

/**
 * The `n` largest groups over all series (ranked by their sum), then "Other" with the rest of each series, then `none`.
 * Categories keep the same order in every series so reviews line up.
 */
export function topNWithOther(
  perSeries: readonly StatGroup[][],
  n: number,
  otherLabel: (more: number) => string = (more) => `Other (${more} more)`,
): { categories: ChartCategory[]; counts: number[][] } {
  const sums = new Map<string, { label: string; sum: number }>();
  for (const groups of perSeries) {
    for (const group of groups) {
      if (group.key === NONE_KEY) continue;
      const entry = sums.get(group.key) ?? { label: group.label, sum: 0 };
      entry.sum += group.count;
      sums.set(group.key, entry);
    }
  }
  const ranked = [...sums.entries()].filter(([, entry]) => entry.sum > 0).sort((a, b) => b[1].sum - a[1].sum || a[1].label.localeCompare(b[1].label));
  const top = ranked.slice(0, n).map(([key, entry]) => ({ key, label: entry.label }));
  const topKeys = new Set(top.map((category) => category.key));
  const countIn = (groups: readonly StatGroup[], key: string) => groups.find((group) => group.key === key)?.count ?? 0;
  const other = perSeries.map((groups) => groups.filter((g) => g.key !== NONE_KEY && !topKeys.has(g.key)).reduce((sum, g) => sum + g.count, 0));
  const none = perSeries.map((groups) => countIn(groups, NONE_KEY));
  const categories = [...top];
  const counts = top.map((category) => perSeries.map((groups) => countIn(groups, category.key)));
  if (other.some((count) => count > 0)) {
    categories.push({ key: OTHER_KEY, label: otherLabel(ranked.length - top.length) });
    counts.push(other);
  }
  if (none.some((count) => count > 0)) {
    categories.push({ key: NONE_KEY, label: perSeries.flat().find((group) => group.key === NONE_KEY)?.label ?? "None" });
    counts.push(none);
  }
  return { categories, counts };
}
