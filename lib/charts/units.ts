import type { CycleYears } from "@/lib/cycles/label";
import { FILTER_KEYS, REGIONS, type PositionParam, type RecommendationFilters } from "@/lib/search-params";
import { NONE_KEY, type RecommendationStats, type StatGroup, type StatsUnit } from "@/lib/stats";
import type { ReviewSeries } from "./chart-data";

/**
 * What one bar of a comparison stands for, and how units are made from the selected reviews, ranked and folded so a
 * chart never draws more series than a reader can follow. Pure: the server loads, these shape.
 */

export const PER_VALUES = ["review", "cycle", "region", "sur"] as const;
export type Per = (typeof PER_VALUES)[number] & StatsUnit;

/** More reviews than this, and the comparison counts per cycle unless the reader chose otherwise. */
export const MANY_REVIEWS = 12;
/** At most this many series per chart: beyond it, the smallest units are folded into one "Other" series. */
export const MAX_UNITS = 12;
export const OTHER_UNIT = "other";

/** The `per` URL parameter: one of PER_VALUES, or null when absent or not one of them. */
export function parsePer(raw: string | string[] | undefined): Per | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (PER_VALUES as readonly string[]).includes(value ?? "") ? (value as Per) : null;
}

/** The unit in force: the reader's choice, else one bar per review for a few reviews and per cycle for many. */
export function unitInForce(chosen: Per | null, reviews: number): { per: Per; defaulted: boolean } {
  if (chosen) return { per: chosen, defaulted: false };
  return reviews > MANY_REVIEWS ? { per: "cycle", defaulted: true } : { per: "review", defaulted: false };
}

/** A selected review as the chart loader reads it: where it belongs, what is loaded, what was officially reported. */
export type ChartReview = ReviewSeries & {
  /** The explorer's region key of the State under review, or `none`. */
  region: string;
  reported: { supported: number | null; supportedInPart: number | null; noted: number | null; source: string | null; wordings: { wording: string; position: PositionParam; count: number }[] };
};

/** The officially reported figures of a unit's reviews that have no records loaded, never mixed into counted ones. */
export type ReportedFigures = {
  position: StatGroup[];
  wording: StatGroup[];
  total: number;
  /** Whose figures these are and where they come from, one per review. */
  sources: { review: ReviewSeries; source: string | null }[];
};

export type ChartUnit = {
  per: Per;
  /** The unit key of countStatsByUnit, or OTHER_UNIT. */
  key: string;
  /** The review of a `review` unit (its label reads from it). */
  review: ReviewSeries | null;
  /** The years of a `cycle` unit's reviews. */
  years: CycleYears;
  reviews: number;
  loaded: number;
  /** Over the unit's reviews with a reported total: the total reported, and how many of those are loaded. */
  reportedTotal: number | null;
  loadedOfReported: number;
  /** How the explorer narrows to this unit's rows; null for "Other", which links nowhere. */
  narrow: Partial<Pick<RecommendationFilters, "review" | "cycle" | "sur">> | null;
  /** How many units an "Other" unit holds (0 for any other). */
  folded: number;
  reported: ReportedFigures | null;
};

const POSITION_OF = { supported: "supported", supportedInPart: "supported-in-part", noted: "noted" } as const;

/** Filters that reported figures can honour: the selection of reviews, and the position (each reported count has one). */
const REPORTED_FILTERS = new Set<string>(["review", "cycle", "sur", "position", "statusOf", "variants"]);

/**
 * The positions reported figures are narrowed to under these filters ([] for all), or null when a filter is in force
 * that they cannot answer (a theme, a recommending State, a search...): then no reported series is shown at all.
 */
export function reportedPositions(filters: RecommendationFilters): PositionParam[] | null {
  const other = FILTER_KEYS.filter((key) => !REPORTED_FILTERS.has(key)).some((key) => {
    const value = filters[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  });
  return other ? null : filters.position;
}

/** A review's reported figures, within `positions`, when none of its records is loaded and something was reported; else null. */
function reportedOf(review: ChartReview, positions: readonly PositionParam[]): ReportedFigures | null {
  if (review.loaded > 0) return null;
  const within = (position: PositionParam) => positions.length === 0 || positions.includes(position);
  const { supported, supportedInPart, noted } = review.reported;
  const byPosition = { supported, supportedInPart, noted };
  const wordings = review.reported.wordings.filter((w) => within(w.position));
  const known = Object.values(byPosition).some((count) => count !== null);
  if (!known && review.reported.wordings.length === 0) return null;
  const position = (Object.keys(POSITION_OF) as (keyof typeof POSITION_OF)[]).map((k) => ({ key: POSITION_OF[k], label: POSITION_OF[k], count: within(POSITION_OF[k]) ? (byPosition[k] ?? 0) : 0 }));
  const wording = wordings.map((w) => ({ key: w.wording.toLowerCase(), label: w.wording, count: w.count }));
  const total = known ? position.reduce((sum, g) => sum + g.count, 0) : wording.reduce((sum, g) => sum + g.count, 0);
  return { position: known ? position : [], wording, total, sources: [{ review, source: review.reported.source }] };
}

const sumGroups = (lists: StatGroup[][]): StatGroup[] => {
  const merged = new Map<string, StatGroup>();
  for (const groups of lists) for (const g of groups) merged.set(g.key, { ...g, count: (merged.get(g.key)?.count ?? 0) + g.count });
  return [...merged.values()];
};

function mergeReported(list: (ReportedFigures | null)[]): ReportedFigures | null {
  const present = list.filter((r): r is ReportedFigures => r !== null);
  if (present.length === 0) return null;
  return {
    position: sumGroups(present.map((r) => r.position)),
    wording: sumGroups(present.map((r) => r.wording)),
    total: present.reduce((sum, r) => sum + r.total, 0),
    sources: present.flatMap((r) => r.sources),
  };
}

function yearsOf(reviews: ChartReview[]): CycleYears {
  const years = reviews.map((r) => r.year).filter((y): y is number => y !== null);
  if (years.length === 0) return null;
  const from = Math.min(...years);
  const to = Math.max(...years);
  return from === to ? from : { from, to };
}

const keyOf = (per: Per, review: ChartReview): string =>
  per === "review" ? String(review.id) : per === "cycle" ? String(review.cycle) : per === "region" ? review.region : review.stateUnderReview.iso3;

/** Unit order: reviews by State and cycle, cycles by number, regions as the explorer lists them (`none` last), States by name. */
function compareUnits(per: Per, a: ChartReview, b: ChartReview): number {
  if (per === "cycle") return a.cycle - b.cycle;
  if (per === "region") return [...REGIONS, NONE_KEY].indexOf(a.region as never) - [...REGIONS, NONE_KEY].indexOf(b.region as never);
  return a.stateUnderReview.name.localeCompare(b.stateUnderReview.name) || a.cycle - b.cycle;
}

/**
 * The units of the selected reviews, in reading order, each with how the explorer narrows to its rows, and the
 * reported figures of its reviews without records within `positions` (none when null: see reportedPositions).
 */
export function unitsOf(reviews: readonly ChartReview[], per: Per, positions: readonly PositionParam[] | null = []): ChartUnit[] {
  const groups = new Map<string, ChartReview[]>();
  for (const review of [...reviews].sort((a, b) => compareUnits(per, a, b))) {
    const key = keyOf(per, review);
    groups.set(key, [...(groups.get(key) ?? []), review]);
  }
  return [...groups].map(([key, members]) => {
    const withTotal = members.filter((r) => r.reportedTotal !== null);
    const surs = [...new Set(members.map((r) => r.stateUnderReview.iso3))].sort();
    const narrow = per === "review" ? { review: [members[0]!.id] } : per === "cycle" ? { cycle: [members[0]!.cycle] } : { sur: surs };
    return {
      per,
      key,
      review: per === "review" ? members[0]! : null,
      years: yearsOf(members),
      reviews: members.length,
      loaded: members.reduce((sum, r) => sum + r.loaded, 0),
      reportedTotal: withTotal.length > 0 ? withTotal.reduce((sum, r) => sum + (r.reportedTotal ?? 0), 0) : null,
      loadedOfReported: withTotal.reduce((sum, r) => sum + r.loaded, 0),
      narrow,
      folded: 0,
      reported: positions === null ? null : mergeReported(members.map((r) => reportedOf(r, positions))),
    };
  });
}

/** Sums stats of units that share no recommendation (each recommendation is in one review): exact for every dimension. */
export function mergeStats(list: RecommendationStats[]): RecommendationStats {
  const groups = sumGroups(list.map((s) => s.groups));
  return { by: list[0]!.by, groups: [...groups.filter((g) => g.key !== NONE_KEY), ...groups.filter((g) => g.key === NONE_KEY)], total: list.reduce((sum, s) => sum + s.total, 0) };
}

/** A unit's weight when the largest are kept: what it counts, or what was reported where nothing is loaded. */
export type Weighed = { unit: ChartUnit; size: number };

/**
 * Keeps every unit when there are at most `max`; else the `max - 1` largest (in their reading order) and one "Other"
 * unit made by `merge` from the rest, which links nowhere and says how many units it holds.
 */
export function foldUnits<T extends Weighed>(units: readonly T[], merge: (folded: T[], other: ChartUnit) => T, max = MAX_UNITS): T[] {
  if (units.length <= max) return [...units];
  const ranked = units.map((u, i) => ({ u, i })).sort((a, b) => b.u.size - a.u.size || a.i - b.i);
  const kept = new Set(ranked.slice(0, max - 1).map((x) => x.i));
  const rest = units.filter((_, i) => !kept.has(i));
  const other: ChartUnit = {
    per: rest[0]!.unit.per,
    key: OTHER_UNIT,
    review: null,
    years: null,
    reviews: rest.reduce((sum, u) => sum + u.unit.reviews, 0),
    loaded: rest.reduce((sum, u) => sum + u.unit.loaded, 0),
    reportedTotal: rest.some((u) => u.unit.reportedTotal !== null) ? rest.reduce((sum, u) => sum + (u.unit.reportedTotal ?? 0), 0) : null,
    loadedOfReported: rest.reduce((sum, u) => sum + u.unit.loadedOfReported, 0),
    narrow: null,
    folded: rest.length,
    reported: mergeReported(rest.map((u) => u.unit.reported)),
  };
  return [...units.filter((_, i) => kept.has(i)), merge(rest, other)];
}
