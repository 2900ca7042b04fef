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

type ReviewRow = {
  id: number;
  cycle: number;
  year: number | null;
  reportedTotal: number | null;
  reportedSupported: number | null;
  reportedSupportedInPart: number | null;
  reportedNoted: number | null;
  reportedSource: string | null;
  iso3: string;
  name: string;
  regionalGroup: string | null;
  wordings: { wording: string; position: string; count: number }[];
};

/**
 * The reviews the filters select (by review, cycle and State under review; reviews with nothing loaded included, so
 * "0 of 428 loaded" shows), with how many records each has loaded and what was officially reported: two statements,
 * whatever the number of reviews. Plain SQL: the comparison of every review reads 800 of them, and mapping the
 * relations through the ORM cost more than the rest of the page's data.
 */
export async function listChartReviews(filters: RecommendationFilters, db: Db = getDb()): Promise<ChartReview[]> {
  const where: Prisma.Sql[] = [];
  if (filters.review.length > 0) where.push(Prisma.sql`v."id" = ANY(${filters.review}::int[])`);
  if (filters.cycle.length > 0) where.push(Prisma.sql`v."cycle" = ANY(${filters.cycle}::int[])`);
  if (filters.sur.length > 0) where.push(Prisma.sql`v."stateUnderReviewIso3" = ANY(${filters.sur}::text[])`);
  const reviews = await db.$queryRaw<ReviewRow[]>`
    SELECT v."id", v."cycle", extract(year FROM v."reviewDate")::int AS "year", v."reportedTotal", v."reportedSupported", v."reportedSupportedInPart",
      v."reportedNoted", v."reportedSource", c."iso3", c."name", c."regionalGroup"::text AS "regionalGroup",
      coalesce((SELECT json_agg(json_build_object('wording', w."wording", 'position', w."position", 'count', w."count") ORDER BY w."ordinal")
        FROM "ReportedResponseCount" w WHERE w."reviewId" = v."id"), '[]'::json) AS "wordings"
    FROM "Review" v JOIN "Country" c ON c."iso3" = v."stateUnderReviewIso3"
    WHERE ${where.length > 0 ? Prisma.join(where, " AND ") : Prisma.sql`TRUE`}
    ORDER BY v."id"`;
  if (reviews.length === 0) return [];
  const loadedOf = await countLoaded(reviews.map((review) => review.id), db);
  return reviews.map((review) => ({
    id: review.id,
    stateUnderReview: { iso3: review.iso3, name: review.name },
    cycle: review.cycle,
    year: review.year,
    loaded: loadedOf.get(review.id) ?? 0,
    reportedTotal: review.reportedTotal,
    region: review.regionalGroup ? (REGION_KEY[review.regionalGroup] ?? NONE_KEY) : NONE_KEY,
    reported: {
      supported: review.reportedSupported,
      supportedInPart: review.reportedSupportedInPart,
      noted: review.reportedNoted,
      source: review.reportedSource,
      wordings: review.wordings.map(({ wording, position, count }) => ({ wording, position: POSITION_PARAM[position] ?? "noted", count })),
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
