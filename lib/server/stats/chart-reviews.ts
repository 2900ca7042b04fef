import "server-only";
import type { ChartReview } from "@/lib/charts/units";
import type { RecommendationFilters } from "@/lib/search-params";
import { NONE_KEY } from "@/lib/stats";
import { getDb, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { POSITION_VALUES, REGION_GROUPS } from "../recommendation-where";
import { readFreshSummaries } from "./summary";

const invert = <K extends string>(map: Record<K, string>): Record<string, K> => Object.fromEntries(Object.entries(map).map(([key, value]) => [value, key])) as Record<string, K>;
const REGION_KEY = invert(REGION_GROUPS);
const POSITION_PARAM = invert(POSITION_VALUES);

/**
 * The reviews the filters select (by review, cycle and State under review; reviews with nothing loaded included, so
 * "0 of 428 loaded" shows), with how many records each has loaded and what was officially reported: two queries,
 * whatever the number of reviews.
 */
export async function listChartReviews(filters: RecommendationFilters, db: Db = getDb()): Promise<ChartReview[]> {
  const reviews = await db.review.findMany({
    where: {
      ...(filters.review.length > 0 ? { id: { in: filters.review } } : {}),
      ...(filters.cycle.length > 0 ? { cycle: { in: filters.cycle } } : {}),
      ...(filters.sur.length > 0 ? { stateUnderReviewIso3: { in: filters.sur } } : {}),
    },
    include: { stateUnderReview: { select: { iso3: true, name: true, regionalGroup: true } }, reportedWordings: { orderBy: { ordinal: "asc" } } },
  });
  if (reviews.length === 0) return [];
  const loadedOf = await countLoaded(reviews.map((review) => review.id), db);
  return reviews.map((review) => ({
    id: review.id,
    stateUnderReview: { iso3: review.stateUnderReview.iso3, name: review.stateUnderReview.name },
    cycle: review.cycle,
    year: review.reviewDate ? review.reviewDate.getUTCFullYear() : null,
    loaded: loadedOf.get(review.id) ?? 0,
    reportedTotal: review.reportedTotal,
    region: review.stateUnderReview.regionalGroup ? (REGION_KEY[review.stateUnderReview.regionalGroup] ?? NONE_KEY) : NONE_KEY,
    reported: {
      supported: review.reportedSupported,
      supportedInPart: review.reportedSupportedInPart,
      noted: review.reportedNoted,
      source: review.reportedSource,
      wordings: review.reportedWordings.map(({ wording, position, count }) => ({ wording, position: POSITION_PARAM[position] ?? "noted", count })),
    },
  }));
}

/** How many recommendations each review has loaded: the summaries' totals when they are fresh, else counted. */
async function countLoaded(ids: number[], db: Db): Promise<Map<number, number>> {
  const summarised = await readFreshSummaries<{ reviewId: number; count: number }>(
    Prisma.sql`SELECT s."reviewId", s."count" FROM "StatsSummary" s WHERE s."dimension" = 'total' AND s."audience" = '' AND s."reviewId" = ANY(${ids}::int[])`,
    db,
  );
  if (summarised) return new Map(summarised.map((row) => [row.reviewId, row.count]));
  const loaded = await db.recommendation.groupBy({ by: ["reviewId"], where: { reviewId: { in: ids } }, _count: { _all: true } });
  return new Map(loaded.map((row) => [row.reviewId, row._count._all]));
}
