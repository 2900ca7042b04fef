import "server-only";
import { cache } from "react";
import { getDb, type Db } from "./db";
import { Prisma, type SourceFormat } from "./generated/prisma/client";
import { getRecommendation, type RecommendationRow, type RecommendingStateDto } from "./recommendations";
import { publicCache } from "./public-cache";

export type RecommendationDetail = {
  recommendation: RecommendationRow;
  review: { session: number | null; reviewDate: string | null; year: number | null };
  /** The imported file the text was read from: its kind, and its title where the document prints one. */
  document: { format: SourceFormat; title: string | null };
};

export type RelatedRecommendation = {
  id: number;
  cycle: number;
  year: number | null;
  paragraph: string | null;
  /** Exactly as stored. */
  text: string;
  /** The language `text` is published in (BCP 47). */
  textLanguage: string;
  position: RecommendationRow["position"];
  responseWording: string | null;
  /** The recommending States it shares with the recommendation it is related to, in printed order. */
  sharedStates: RecommendingStateDto[];
  /** All its recommending States, shared or not. */
  recommendingStateCount: number;
};

export type RelatedRecommendations = {
  /** How many related recommendations exist; `items` holds at most `limit` of them. */
  total: number;
  limit: number;
  /** The cycles they come from, newest first, so a link can show the whole set in the explorer. */
  cycles: number[];
  items: RelatedRecommendation[];
};

export const RELATED_LIMIT = 50;

async function loadRecommendationDetail(id: number, db: Db = getDb()): Promise<RecommendationDetail | null> {
  const recommendation = await getRecommendation(id, db);
  if (!recommendation) return null;
  const { review, sourceDocument } = await db.recommendation.findUniqueOrThrow({
    where: { id },
    select: { review: { select: { session: true, reviewDate: true } }, sourceDocument: { select: { format: true, title: true } } },
  });
  return {
    recommendation,
    document: sourceDocument,
    review: {
      session: review.session,
      reviewDate: review.reviewDate ? review.reviewDate.toISOString().slice(0, 10) : null,
      year: review.reviewDate ? review.reviewDate.getUTCFullYear() : null,
    },
  };
}

/** One recommendation with the facts of its review. Cached per request: the page and its metadata share one read. */
export const getRecommendationDetail = cache(loadRecommendationDetail);

/** Public and changed only by imports: readers share a recommendation's related list for a minute. */
const sharedRelated = publicCache<number, RelatedRecommendations>("related-recommendations", { ttlMs: 60_000, maxEntries: 2_000 });

/** listRelatedRecommendations as the detail page shows it (the default limit), from the readers' shared copy. */
export function listSharedRelatedRecommendations(id: number): Promise<RelatedRecommendations> {
  return sharedRelated.get(id, () => listRelatedRecommendations(id));
}

/**
 * The same recommending States' recommendations to the same State under review in its other reviews (cycles):
 * what a journalist asks first ("did they raise this before, and what was said then?"). A State under review has
 * one review per cycle, so "another review" and "another cycle" are the same thing. Newest cycle first, then in
 * the order the documents print them; at most `limit`, with the full count.
 */
export async function listRelatedRecommendations(id: number, limit = RELATED_LIMIT, db: Db = getDb()): Promise<RelatedRecommendations> {
  const related = Prisma.sql`
    WITH target AS (
      SELECT r."reviewId", v."stateUnderReviewIso3" AS "sur"
      FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" WHERE r."id" = ${id}
    ),
    target_states AS (SELECT "countryIso3" FROM "RecommendationState" WHERE "recommendationId" = ${id}),
    related AS (
      SELECT r."id", r."reviewId", r."ordinal", v."cycle", v."reviewDate"
      FROM "Recommendation" r
      JOIN "Review" v ON v."id" = r."reviewId"
      JOIN target t ON v."stateUnderReviewIso3" = t."sur" AND r."reviewId" <> t."reviewId"
      WHERE EXISTS (SELECT 1 FROM "RecommendationState" rs
        WHERE rs."recommendationId" = r."id" AND rs."countryIso3" IN (SELECT "countryIso3" FROM target_states))
    )`;

  const [rows, [summary]] = await Promise.all([
    db.$queryRaw<(Omit<RelatedRecommendation, "year"> & { reviewDate: Date | null })[]>`
      ${related}
      SELECT x."id", x."cycle", x."reviewDate", r."paragraph", r."text", r."textLanguage", r."position"::text AS "position", r."responseWording",
        (SELECT json_agg(json_build_object('iso3', c."iso3", 'name', c."name", 'region', c."regionalGroup") ORDER BY rs."ordinal")
          FROM "RecommendationState" rs JOIN "Country" c ON c."iso3" = rs."countryIso3"
          WHERE rs."recommendationId" = x."id" AND rs."countryIso3" IN (SELECT "countryIso3" FROM target_states)) AS "sharedStates",
        (SELECT count(*)::int FROM "RecommendationState" rs WHERE rs."recommendationId" = x."id") AS "recommendingStateCount"
      FROM related x JOIN "Recommendation" r ON r."id" = x."id"
      ORDER BY x."cycle" DESC, x."ordinal", x."id"
      LIMIT ${limit}`,
    db.$queryRaw<{ total: number; cycles: number[] | null }[]>`
      ${related}
      SELECT count(*)::int AS "total", array_agg(DISTINCT "cycle" ORDER BY "cycle" DESC) AS "cycles" FROM related`,
  ]);

  return {
    total: summary?.total ?? 0,
    limit,
    cycles: summary?.cycles ?? [],
    items: rows.map(({ reviewDate, ...row }) => ({ ...row, year: reviewDate ? reviewDate.getUTCFullYear() : null })),
  };
}
