import "server-only";
import { acceptedPositions, OTHER_KEY, subjectThemes, TOP_THEMES, topNWithOther } from "@/lib/charts/chart-data";
import { foldUnits, mergeStats, reportedPositions, unitInForce, unitsOf, type ChartUnit, type Per } from "@/lib/charts/units";
import type { RecommendationFilters } from "@/lib/search-params";
import { NONE_KEY, type RecommendationStats } from "@/lib/stats";
import { getDb, type Db } from "../db";
import type { ViewerScope } from "../recommendation-where";
import { countOutsideThemesByUnit, countStatsByUnit, emptyStats } from "./by-unit";
import { summaryAcceptedRegionByUnit } from "./summary";
import { listChartReviews } from "./chart-reviews";
import { summaryOutsideThemesByUnit } from "./chart-summaries";
import { countStatusTimeline, type StatusTimeline } from "./timeline";

export const CHART_DIMENSIONS = ["position", "wording", "theme", "region", "action", "state"] as const;
export type ChartDimension = (typeof CHART_DIMENSIONS)[number];

export type UnitStats = {
  unit: ChartUnit;
  stats: Record<ChartDimension, RecommendationStats>;
  /** By region, the accepted ones only (supported or in part): the numerator of the acceptance rate. */
  acceptedByRegion: RecommendationStats | null;
  /** Recommendations with a theme, but none of the theme chart's top themes. */
  themeOther: number;
};

export type ChartInputs = {
  per: Per;
  /** The reader chose no unit and the selection holds many reviews: one bar per cycle instead of per review. */
  defaulted: boolean;
  units: UnitStats[];
  /** How many reviews the filters select, and of which States under review (ISO3). */
  reviews: number;
  surs: string[];
  timeline: StatusTimeline;
};

/**
 * Everything the dashboard and the comparison draw, for the reviews the filters select, one unit per bar (`per`: a
 * review, a cycle, the regional group of the State under review, a State under review). Every count goes through
 * countStatsByUnit, so each bar equals the explorer's total for the link it carries, and the number of queries does
 * not grow with the number of reviews. Beyond MAX_UNITS units, the smallest are folded into "Other". `chosen` null:
 * per review for a few reviews, per cycle for many (unitInForce).
 */
export async function loadChartInputs(filters: RecommendationFilters, scope: ViewerScope = {}, chosen: Per | null = "review", db: Db = getDb()): Promise<ChartInputs> {
  // Positions first: their per-unit sums are every dimension's totals (and the accepted ones the acceptance rate's).
  // With the unit chosen, they are counted while the reviews are read.
  const positionsAndTimeline = (unit: Per) => Promise.all([countStatsByUnit("position", filters, scope, unit, db), countStatusTimeline(filters, scope, db)]);
  const [reviews, early] = await Promise.all([listChartReviews(filters, db), chosen ? positionsAndTimeline(chosen) : null]);
  const { per, defaulted } = unitInForce(chosen, reviews.length);
  const surs = [...new Set(reviews.map((r) => r.stateUnderReview.iso3))];
  if (reviews.length === 0) return { per, defaulted, units: [], reviews: 0, surs, timeline: { accepted: 0, years: [] } };
  const units = unitsOf(reviews, per, reportedPositions(filters));
  const accepted = acceptedPositions(filters.position);
  const [position, timeline] = early ?? (await positionsAndTimeline(per));
  const totals = new Map([...position].map(([key, stats]) => [key, stats.total]));
  const acceptedTotals = new Map([...position].map(([key, stats]) => [key, stats.groups.filter((g) => accepted?.includes(g.key as never)).reduce((sum, g) => sum + g.count, 0)]));
  const [others, acceptedByRegion] = await Promise.all([
    Promise.all(CHART_DIMENSIONS.slice(1).map((by) => countStatsByUnit(by, filters, scope, per, db, totals))),
    accepted
      ? summaryAcceptedRegionByUnit(filters, acceptedTotals, per, db).then(
          (summarised) => summarised ?? countStatsByUnit("region", { ...filters, position: accepted }, scope, per, db, acceptedTotals),
        )
      : Promise.resolve(null),
  ]);
  const counted = [position, ...others];
  const statsOf = (key: string) => Object.fromEntries(CHART_DIMENSIONS.map((by, i) => [by, counted[i]!.get(key) ?? emptyStats(by)])) as UnitStats["stats"];
  // The theme chart's "Other" bar: the recommendations that have none of the top themes over all units.
  const themes = units.map((unit) => subjectThemes(statsOf(unit.key).theme.groups));
  const top = topNWithOther(themes, TOP_THEMES).categories.map((c) => c.key).filter((key) => key !== OTHER_KEY && key !== NONE_KEY);
  const withoutTheme = new Map(units.map((unit) => [unit.key, statsOf(unit.key).theme.groups.find((group) => group.key === NONE_KEY)?.count ?? 0]));
  const outside = (await summaryOutsideThemesByUnit(filters, top, per, db)) ?? (await countOutsideThemesByUnit(filters, top, scope, per, db, withoutTheme));
  const all = units.map((unit) => {
    const stats = statsOf(unit.key);
    return {
      unit,
      stats,
      acceptedByRegion: acceptedByRegion ? (acceptedByRegion.get(unit.key) ?? emptyStats("region")) : null,
      themeOther: outside.get(unit.key) ?? 0,
      size: Math.max(stats.position.total, unit.reported?.total ?? 0),
    };
  });
  const folded = foldUnits(all, (rest, other) => ({
    unit: other,
    stats: Object.fromEntries(CHART_DIMENSIONS.map((by) => [by, mergeStats(rest.map((u) => u.stats[by]))])) as UnitStats["stats"],
    acceptedByRegion: acceptedByRegion ? mergeStats(rest.map((u) => u.acceptedByRegion ?? emptyStats("region"))) : null,
    themeOther: rest.reduce((sum, u) => sum + u.themeOther, 0),
    size: 0,
  }));
  return { per, defaulted, units: folded.map(({ size: _size, ...u }) => u), reviews: reviews.length, surs, timeline };
}
