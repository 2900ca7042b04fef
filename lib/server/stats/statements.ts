import "server-only";
import type { RecommendationFilters } from "@/lib/search-params";
import { NONE_KEY, type StatDimension, type StatsUnit } from "@/lib/stats";
import { Prisma } from "../generated/prisma/client";
import { buildRecommendationWhere, currentStatusesSql, REGION_GROUPS, statusCondition, statusScopeOf, type ViewerScope } from "../recommendation-where";

/**
 * The SQL behind the stats: the explorer's where-builder, and one statement per dimension that groups by the unit of a
 * bar (everything, a review, a cycle, the regional group of the State under review, a State under review) and the
 * dimension's key. Every statement returns `unit, key, label, count`, so one mapping (groups.ts) reads them all.
 */

/** The SQL expression of a recommendation's unit key (`r` the recommendation, `v` its review, `su` the State under review). */
function unitKeySql(unit: StatsUnit): Prisma.Sql {
  switch (unit) {
    case "all":
      return Prisma.sql`'all'::text`;
    case "review":
      return Prisma.sql`v."id"::text`;
    case "cycle":
      return Prisma.sql`v."cycle"::text`;
    case "sur":
      return Prisma.sql`v."stateUnderReviewIso3"`;
    case "region": {
      const cases = Object.entries(REGION_GROUPS).map(([key, group]) => Prisma.sql`WHEN ${group} THEN ${key}`);
      return Prisma.sql`(CASE su."regionalGroup"::text ${Prisma.join(cases, " ")} ELSE ${NONE_KEY} END)`;
    }
  }
}

/** The recommendations with their review, and the State under review's country row when the unit needs it. */
function fromOf(unit: StatsUnit): Prisma.Sql {
  const base = Prisma.sql`FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"`;
  return unit === "region" ? Prisma.sql`${base} JOIN "Country" su ON su."iso3" = v."stateUnderReviewIso3"` : base;
}

export type StatsStatements = { total: Prisma.Sql; groups: Prisma.Sql[] };

/**
 * The statements of one dimension, per unit: the total (distinct recommendations per unit) and the grouped counts
 * (two for `status`). Their number never depends on how many units there are.
 */
export function statsStatements(by: StatDimension, filters: RecommendationFilters, scope: ViewerScope, unit: StatsUnit): StatsStatements {
  const where = buildRecommendationWhere(filters, scope);
  const u = unitKeySql(unit);
  const from = fromOf(unit);
  return { total: Prisma.sql`SELECT ${u} AS unit, count(*)::int AS "total" ${from} WHERE ${where} GROUP BY 1`, groups: groupStatements(by, where, filters, scope, u, from) };
}

function groupStatements(by: StatDimension, where: Prisma.Sql, filters: RecommendationFilters, scope: ViewerScope, u: Prisma.Sql, from: Prisma.Sql): Prisma.Sql[] {
  switch (by) {
    case "position":
      return [Prisma.sql`SELECT ${u} AS unit, r."position"::text AS key, NULL AS label, count(*)::int AS count ${from} WHERE ${where} GROUP BY 1, 2`];
    case "wording":
      return [Prisma.sql`SELECT ${u} AS unit, lower(r."responseWording") AS key, NULL AS label, count(*)::int AS count ${from} WHERE ${where} GROUP BY 1, 2 ORDER BY 4 DESC, 2`];
    case "action":
      // Once per category of the paragraph or of a State's part (`actionCategories` holds each once), like the filter.
      return [Prisma.sql`SELECT ${u} AS unit, a::text AS key, NULL AS label, count(*)::int AS count ${from}
        LEFT JOIN LATERAL unnest(r."actionCategories") a ON TRUE WHERE ${where} GROUP BY 1, 2`];
    case "review":
      return [Prisma.sql`SELECT ${u} AS unit, v."id"::text AS key, c."name" || ', ' || v."cycle"::text || ':' || COALESCE(extract(year FROM v."reviewDate")::text, '') AS label,
        count(*)::int AS count ${from} JOIN "Country" c ON c."iso3" = v."stateUnderReviewIso3" WHERE ${where} GROUP BY 1, v."id", c."name" ORDER BY c."name", v."cycle"`];
    case "region":
      // The regional groups of a recommendation's States are kept in `recommendingRegions` (one value per group).
      return [Prisma.sql`SELECT ${u} AS unit, g::text AS key, NULL AS label, count(DISTINCT r."id")::int AS count ${from}
        LEFT JOIN LATERAL unnest(r."recommendingRegions") g ON TRUE WHERE ${where} GROUP BY 1, 2`];
    // A (recommendation, State) and a (recommendation, theme) pair are unique (primary keys), and the left join gives a
    // recommendation without one a single NULL row: count(*) is the distinct count, without sorting every pair.
    case "state":
      return [Prisma.sql`SELECT ${u} AS unit, rs."countryIso3" AS key, c."name" AS label, count(*)::int AS count ${from}
        LEFT JOIN "RecommendationState" rs ON rs."recommendationId" = r."id" LEFT JOIN "Country" c ON c."iso3" = rs."countryIso3"
        WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 4 DESC, 3, 2`];
    case "theme":
      return [Prisma.sql`SELECT ${u} AS unit, t."slug" AS key, t."name" AS label, count(*)::int AS count ${from}
        LEFT JOIN ("RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId" AND t."scheme" <> 'AFFECTED_PERSONS') ON rt."recommendationId" = r."id"
        WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 4 DESC, 3, 2`];
    case "status": {
      // Each organisation's current status in the scope (a recommendation once per status), and `not_assessed` as the explorer's filter reads it.
      const statusScope = statusScopeOf(filters, scope);
      return [
        Prisma.sql`SELECT ${u} AS unit, c."status"::text AS key, NULL AS label, count(DISTINCT r."id")::int AS count ${from}
          JOIN (${currentStatusesSql(statusScope)}) c ON c."recommendationId" = r."id" WHERE ${where} GROUP BY 1, 2`,
        Prisma.sql`SELECT ${u} AS unit, 'NOT_ASSESSED' AS key, NULL AS label, count(*)::int AS count ${from}
          WHERE ${where} AND ${statusCondition(["not_assessed"], statusScope)} GROUP BY 1`,
      ];
    }
  }
}

/**
 * Recommendations per unit that have a theme (not affected persons) but none of `slugs`: the "Other" bar of a top-N
 * theme chart, counted once per recommendation (a sum of the other themes would count one several times).
 */
export function outsideThemesStatement(filters: RecommendationFilters, slugs: string[], scope: ViewerScope, unit: StatsUnit): Prisma.Sql {
  const where = buildRecommendationWhere(filters, scope);
  const outside = slugs.length > 0 ? Prisma.sql`AND NOT (r."themeIds" && ARRAY(SELECT t."id" FROM "Theme" t WHERE t."slug" IN (${Prisma.join(slugs)})))` : Prisma.empty;
  return Prisma.sql`SELECT ${unitKeySql(unit)} AS unit, count(*)::int AS "count" ${fromOf(unit)} WHERE ${where}
    AND EXISTS (SELECT 1 FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId" WHERE rt."recommendationId" = r."id" AND t."scheme" <> 'AFFECTED_PERSONS')
    ${outside} GROUP BY 1`;
}

/** Recommendations per unit that have none of `slugs` among their themes (those without any theme included). */
export function notInThemesStatement(filters: RecommendationFilters, slugs: string[], scope: ViewerScope, unit: StatsUnit): Prisma.Sql {
  const where = buildRecommendationWhere(filters, scope);
  const outside = slugs.length > 0 ? Prisma.sql`AND NOT (r."themeIds" && ARRAY(SELECT t."id" FROM "Theme" t WHERE t."slug" IN (${Prisma.join(slugs)})))` : Prisma.empty;
  return Prisma.sql`SELECT ${unitKeySql(unit)} AS unit, count(*)::int AS "count" ${fromOf(unit)} WHERE ${where} ${outside} GROUP BY 1`;
}
