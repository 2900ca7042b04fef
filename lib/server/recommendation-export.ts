import "server-only";
import { filtersOf, type RecommendationQuery } from "@/lib/search-params";
import { getDb, type Db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { buildRecommendationOrder, buildRecommendationWhere, type ViewerScope } from "./recommendation-where";
import { DETAIL_JOINS, rowSelect, toRow, type RawRow, type RecommendationRow } from "./recommendations";

/**
 * The CSV export's reads. The file holds the rows in the order the explorer and the JSON API show them (the same
 * where-builder and the same ORDER BY, tie-breakers included), so row N of the file is row N of the screen's pages.
 *
 * A keyset over an arbitrary sort (relevance, position, action category, then cycle and paragraph) would re-sort every
 * remaining match for each batch, so the order is taken once instead: `listRecommendationIds` has PostgreSQL sort the
 * whole filtered set and return only its ids, packed 4 bytes each (1 MB for 250,000 rows), and `listRecommendationsByIds`
 * then reads the rows a batch at a time by primary key. Rows themselves are never all in memory, and the set and its
 * order are fixed when the download starts.
 */

/** The ids of every recommendation matching the query, in the query's on-screen order. */
export async function listRecommendationIds(query: RecommendationQuery, scope: ViewerScope = {}, db: Db = getDb()): Promise<Int32Array> {
  const where = buildRecommendationWhere(filtersOf(query), scope);
  const order = buildRecommendationOrder(query.sort, query);
  // One array value instead of one result row per id: far less to build on either side for a large set.
  const [result] = await db.$queryRaw<{ ids: number[] | null }[]>(Prisma.sql`
    SELECT array_agg(r."id" ORDER BY ${order}) AS "ids"
    FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
    WHERE ${where}`);
  return Int32Array.from(result?.ids ?? []);
}

/**
 * The rows of these ids, in the order given. An id whose recommendation has been deleted since is skipped. No filter
 * is applied again: the ids come from `listRecommendationIds` with the caller's own scope, and a row holds public data
 * only (never an assessment).
 */
export async function listRecommendationsByIds(ids: ArrayLike<number>, db: Db = getDb()): Promise<RecommendationRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<RawRow[]>(Prisma.sql`
    SELECT ${rowSelect(null)}
    FROM unnest(${Array.from(ids)}::int[]) WITH ORDINALITY AS wanted("id", "n")
    JOIN "Recommendation" r ON r."id" = wanted."id" JOIN "Review" v ON v."id" = r."reviewId" ${DETAIL_JOINS}
    ORDER BY wanted."n"`);
  return rows.map(toRow);
}
