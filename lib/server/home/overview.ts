import "server-only";
import { getDb, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { readFreshSummaries } from "../stats/summary";

/** What the database holds, for the first page's one line: States under review, reviews, recommendations, last import. */
export type LoadedTotals = { statesUnderReview: number; reviews: number; recommendations: number; lastImport: string | null };

/** One State under review with its reviews, oldest first: a row of the first page's list of reviews by State. */
export type StateReviews = { iso3: string; reviews: { id: number; cycle: number; year: number | null }[] };

/**
 * The site-wide totals: the reviews and States from the Review table, and the recommendations from the stats
 * summaries' few rollup rows when no review is marked for a recount, else counted over the primary key (an index-only
 * scan of every recommendation). The figure costs the same whatever the filters elsewhere.
 */
export async function getLoadedTotals(db: Db = getDb()): Promise<LoadedTotals> {
  const [[row], summarised] = await Promise.all([
    db.$queryRaw<{ statesUnderReview: number; reviews: number; lastImport: Date | null }[]>`
      SELECT
        (SELECT count(DISTINCT "stateUnderReviewIso3")::int FROM "Review") AS "statesUnderReview",
        (SELECT count(*)::int FROM "Review") AS "reviews",
        (SELECT max("importedAt") FROM "SourceDocument") AS "lastImport"`,
    readFreshSummaries<{ recommendations: number }>(
      Prisma.sql`SELECT coalesce(sum(s."count"), 0)::int AS "recommendations" FROM "StatsRollup" s WHERE s."dimension" = 'total' AND s."audience" = ''`,
      db,
    ),
  ]);
  return {
    statesUnderReview: row?.statesUnderReview ?? 0,
    reviews: row?.reviews ?? 0,
    recommendations: summarised?.[0]?.recommendations ?? (await countRecommendations(db)),
    lastImport: row?.lastImport ? row.lastImport.toISOString() : null,
  };
}

/** Every recommendation, counted (the live answer of the summaries' total). */
export async function countRecommendations(db: Db = getDb()): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "Recommendation"`;
  return row?.count ?? 0;
}

/**
 * Every State under review with its reviews, read from the Review table alone (one row per review, never per
 * recommendation), in ISO3 order; the page sorts by the names of its language.
 */
export async function listReviewsByState(db: Db = getDb()): Promise<StateReviews[]> {
  const reviews = await db.review.findMany({
    select: { id: true, cycle: true, reviewDate: true, stateUnderReviewIso3: true },
    orderBy: [{ stateUnderReviewIso3: "asc" }, { cycle: "asc" }],
  });
  const states: StateReviews[] = [];
  for (const review of reviews) {
    let state = states.at(-1);
    if (state?.iso3 !== review.stateUnderReviewIso3) {
      state = { iso3: review.stateUnderReviewIso3, reviews: [] };
      states.push(state);
    }
    state.reviews.push({ id: review.id, cycle: review.cycle, year: review.reviewDate ? review.reviewDate.getUTCFullYear() : null });
  }
  return states;
}
