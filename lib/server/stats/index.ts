import "server-only";
import type { RecommendationFilters } from "@/lib/search-params";
import type { RecommendationStats, StatDimension } from "@/lib/stats";
import { getDb, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { buildRecommendationWhere, currentStatusesSql, statusCondition, statusScopeOf, type ViewerScope } from "../recommendation-where";
import { inStatusOrder, toGroups, type Row } from "./groups";
import { summaryStatsByUnit } from "./summary";

const FROM = Prisma.sql`FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"`;

/**
 * Counts the recommendations matching the explorer's filters by one dimension, in PostgreSQL, through the explorer's
 * own where-builder (same filters, same `statusOf` rules), so `total` is exactly the explorer's total.
 *
 * Keys are values of the explorer filter of the same name (position `supported`, region `weog`, theme slug, State
 * ISO3, action `1`..`5`, status `fully_implemented`, review id), so a group turns into an explorer link. Recommendations
 * without a value go in the group `none` (no position, no theme, no category, no State in a regional group...), listed
 * last and only when it is not empty, so the groups of a single-valued dimension add up to `total`.
 *
 * Multi-valued dimensions can add up to MORE than `total`: a recommendation with two themes counts under both, one made
 * by States of two regional groups under both regions, a joint one under each of its States, a merged paragraph under
 * each action category of its States' parts, and one assessed by two organisations under each organisation's status. `theme` counts subject themes of every scheme (not affected persons),
 * like the explorer's theme filter. Fixed domains (position, region, action, status) list every value, zeros included,
 * so charts of several reviews line up.
 */
export async function countRecommendationStats(by: StatDimension, filters: RecommendationFilters, scope: ViewerScope = {}, db: Db = getDb()): Promise<RecommendationStats> {
  // The pre-aggregated summaries when they can answer these filters (stats/summary.ts), else the live count.
  const summary = (await summaryStatsByUnit(by, filters, scope, "all", db))?.get("all");
  return summary ?? countRecommendationStatsLive(by, filters, scope, db);
}

/** The same answer counted over the recommendations themselves, for any filter. */
export async function countRecommendationStatsLive(by: StatDimension, filters: RecommendationFilters, scope: ViewerScope = {}, db: Db = getDb()): Promise<RecommendationStats> {
  const sql = recommendationStatsSql(by, filters, scope);
  const [[count], ...grouped] = await Promise.all([db.$queryRaw<{ total: number }[]>(sql.total), ...sql.groups.map((statement) => db.$queryRaw<Row[]>(statement))]);
  const rows = grouped.flat();
  return { by, groups: toGroups(by, by === "status" ? inStatusOrder(rows) : rows), total: count?.total ?? 0 };
}

/**
 * The statements behind `countRecommendationStats`, run in parallel: the total, and the grouped counts (two for
 * `status`). Exported so the benchmark can time the same SQL through raw pg.
 */
export function recommendationStatsSql(by: StatDimension, filters: RecommendationFilters, scope: ViewerScope = {}): { total: Prisma.Sql; groups: Prisma.Sql[] } {
  const where = buildRecommendationWhere(filters, scope);
  return { total: Prisma.sql`SELECT count(*)::int AS "total" ${FROM} WHERE ${where}`, groups: groupStatements(by, where, filters, scope) };
}

function groupStatements(by: StatDimension, where: Prisma.Sql, filters: RecommendationFilters, scope: ViewerScope): Prisma.Sql[] {
  switch (by) {
    case "position":
      return [Prisma.sql`SELECT r."position"::text AS key, NULL AS label, count(*)::int AS count ${FROM} WHERE ${where} GROUP BY 1`];
    case "wording":
      return [Prisma.sql`SELECT lower(r."responseWording") AS key, NULL AS label, count(*)::int AS count ${FROM} WHERE ${where} GROUP BY 1 ORDER BY 3 DESC, 1`];
    case "action":
      // Once per category of the paragraph or of a State's part (`actionCategories` holds each once), like the filter.
      return [Prisma.sql`SELECT a::text AS key, NULL AS label, count(*)::int AS count ${FROM}
        LEFT JOIN LATERAL unnest(r."actionCategories") a ON TRUE WHERE ${where} GROUP BY 1`];
    case "review":
      return [Prisma.sql`SELECT v."id"::text AS key, c."name" || ', ' || v."cycle"::text || ':' || COALESCE(extract(year FROM v."reviewDate")::text, '') AS label,
        count(*)::int AS count ${FROM} JOIN "Country" c ON c."iso3" = v."stateUnderReviewIso3" WHERE ${where} GROUP BY v."id", c."name" ORDER BY c."name", v."cycle", v."id"`];
    case "region":
      // The regional groups of a recommendation's States are kept in `recommendingRegions` (one value per group).
      return [Prisma.sql`SELECT g::text AS key, NULL AS label, count(DISTINCT r."id")::int AS count ${FROM}
        LEFT JOIN LATERAL unnest(r."recommendingRegions") g ON TRUE WHERE ${where} GROUP BY 1`];
    case "state":
      return [Prisma.sql`SELECT rs."countryIso3" AS key, c."name" AS label, count(DISTINCT r."id")::int AS count ${FROM}
        LEFT JOIN "RecommendationState" rs ON rs."recommendationId" = r."id" LEFT JOIN "Country" c ON c."iso3" = rs."countryIso3"
        WHERE ${where} GROUP BY 1, 2 ORDER BY 3 DESC, 2, 1`];
    case "theme":
      return [Prisma.sql`SELECT t."slug" AS key, t."name" AS label, count(DISTINCT r."id")::int AS count ${FROM}
        LEFT JOIN ("RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId" AND t."scheme" <> 'AFFECTED_PERSONS') ON rt."recommendationId" = r."id"
        WHERE ${where} GROUP BY 1, 2 ORDER BY 3 DESC, 2, 1`];
    case "status": {
      // Each organisation's current status in the scope (a recommendation once per status), and `not_assessed` as the explorer's filter reads it.
      const statusScope = statusScopeOf(filters, scope);
      return [
        Prisma.sql`SELECT c."status"::text AS key, NULL AS label, count(DISTINCT r."id")::int AS count ${FROM}
          JOIN (${currentStatusesSql(statusScope)}) c ON c."recommendationId" = r."id" WHERE ${where} GROUP BY 1`,
        Prisma.sql`SELECT 'NOT_ASSESSED' AS key, NULL AS label, count(*)::int AS count ${FROM}
          WHERE ${where} AND ${statusCondition(["not_assessed"], statusScope)}`,
      ];
    }
  }
}

/**
 * Recommendations matching the filters that have a theme (not affected persons) but none of `slugs`: the "Other"
 * bar of a top-N theme chart, counted once per recommendation (a sum of the other themes would count one several times).
 */
export async function countRecommendationsOutsideThemes(filters: RecommendationFilters, slugs: string[], scope: ViewerScope = {}, db: Db = getDb()): Promise<number> {
  const where = buildRecommendationWhere(filters, scope);
  const outside = slugs.length > 0 ? Prisma.sql`AND NOT (r."themeIds" && ARRAY(SELECT t."id" FROM "Theme" t WHERE t."slug" IN (${Prisma.join(slugs)})))` : Prisma.empty;
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" ${FROM} WHERE ${where}
    AND EXISTS (SELECT 1 FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId" WHERE rt."recommendationId" = r."id" AND t."scheme" <> 'AFFECTED_PERSONS')
    ${outside}`;
  return row?.count ?? 0;
}
