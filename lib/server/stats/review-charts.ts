import "server-only";
import { acceptedPositions, OTHER_KEY, subjectThemes, TOP_THEMES, topNWithOther, type ReviewSeries } from "@/lib/charts/chart-data";
import { NONE_KEY } from "@/lib/stats";
import type { RecommendationFilters } from "@/lib/search-params";
import type { RecommendationStats } from "@/lib/stats";
import { getDb, type Db } from "../db";
import type { ViewerScope } from "../recommendation-where";
import { listReviewSummaries } from "../reviews";
import { countRecommendationsOutsideThemes, countRecommendationStats } from ".";
import { countStatusTimeline, type StatusTimeline } from "./timeline";

export const CHART_DIMENSIONS = ["position", "wording", "theme", "region", "action", "state"] as const;
export type ChartDimension = (typeof CHART_DIMENSIONS)[number];

export type ReviewStats = {
  review: ReviewSeries;
  stats: Record<ChartDimension, RecommendationStats>;
  /** By region, the accepted ones only (supported or in part): the numerator of the acceptance rate. */
  acceptedByRegion: RecommendationStats | null;
  /** Recommendations with a theme, but none of the theme chart's top themes. */
  themeOther: number;
};

export type ChartInputs = { reviews: ReviewStats[]; timeline: StatusTimeline };

/**
 * Everything the dashboard and the comparison draw, for the reviews the filters select (by review, cycle and State
 * under review; reviews with nothing loaded included, so "0 of 428 loaded" shows), oldest first. Every count goes
 * through countRecommendationStats with the filters narrowed to one review, so each bar equals the explorer's total for
 * the link it carries.
 */
export async function loadChartInputs(filters: RecommendationFilters, scope: ViewerScope = {}, db: Db = getDb()): Promise<ChartInputs> {
  const summaries = (await listReviewSummaries(db))
    .filter((review) => filters.review.length === 0 || filters.review.includes(review.id))
    .filter((review) => filters.cycle.length === 0 || filters.cycle.includes(review.cycle))
    .filter((review) => filters.sur.length === 0 || filters.sur.includes(review.stateUnderReview.iso3))
    .sort((a, b) => a.stateUnderReview.name.localeCompare(b.stateUnderReview.name) || a.cycle - b.cycle);
  const accepted = acceptedPositions(filters.position);
  const [counted, timeline] = await Promise.all([
    Promise.all(
      summaries.map(async (summary): Promise<Omit<ReviewStats, "themeOther">> => {
        const own: RecommendationFilters = { ...filters, review: [summary.id] };
        const [stats, acceptedByRegion] = await Promise.all([
          Promise.all(CHART_DIMENSIONS.map((by) => countRecommendationStats(by, own, scope, db))),
          accepted ? countRecommendationStats("region", { ...own, position: accepted }, scope, db) : Promise.resolve(null),
        ]);
        return {
          review: {
            id: summary.id,
            stateUnderReview: summary.stateUnderReview,
            cycle: summary.cycle,
            year: summary.reviewDate ? Number(summary.reviewDate.slice(0, 4)) : null,
            loaded: summary.loaded,
            reportedTotal: summary.reported.total,
          },
          stats: Object.fromEntries(CHART_DIMENSIONS.map((by, i) => [by, stats[i]!])) as Record<ChartDimension, RecommendationStats>,
          acceptedByRegion,
        };
      }),
    ),
    summaries.length > 0 ? countStatusTimeline({ ...filters, review: summaries.map((s) => s.id) }, scope, db) : Promise.resolve({ accepted: 0, years: [] }),
  ]);
  // The theme chart's "Other" bar: the recommendations that have none of the top themes over all reviews.
  const top = topNWithOther(counted.map((r) => subjectThemes(r.stats.theme.groups)), TOP_THEMES).categories.map((c) => c.key).filter((key) => key !== OTHER_KEY && key !== NONE_KEY);
  const reviews = await Promise.all(
    counted.map(async (r) => ({ ...r, themeOther: await countRecommendationsOutsideThemes({ ...filters, review: [r.review.id] }, top, scope, db) })),
  );
  return { reviews, timeline };
}
