import "server-only";
import type { RecommendationFilters } from "@/lib/search-params";
import type { StatsUnit } from "@/lib/stats";
import { getDb, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { statusScopeOf, type ViewerScope } from "../recommendation-where";
import { REGION_BY_GROUP } from "./groups";
import { readFreshSummaries, sourceOf, summariesAnswer } from "./summary";
import { THEME_SETS, TIMELINE } from "./summary-refresh";

/**
 * The two chart figures that used to be counted over every recommendation, read from the stats summaries instead when
 * the filters select whole reviews (null otherwise: the caller counts live). Each equals its live count exactly.
 */

/**
 * Per unit, the recommendations that have a theme (not affected persons) but none of `slugs`: the theme chart's
 * "Other" bar, as outsideThemesStatement counts it. Summed over the summaries' theme sets, so a recommendation counts
 * once whatever the top themes are. Units with none are absent.
 */
export async function summaryOutsideThemesByUnit(filters: RecommendationFilters, slugs: string[], unit: StatsUnit, db: Db = getDb()): Promise<Map<string, number> | null> {
  if (!summariesAnswer(filters)) return null;
  const source = sourceOf("theme", filters, unit);
  const outside =
    slugs.length > 0 ? Prisma.sql`AND NOT (c."key"::int[] && ARRAY(SELECT t."id" FROM "Theme" t WHERE t."slug" IN (${Prisma.join(slugs)})))` : Prisma.empty;
  const rows = await readFreshSummaries<{ unit: string | null; count: number }>(
    Prisma.sql`WITH u AS MATERIALIZED (${source.units}), c AS NOT MATERIALIZED (${source.counts})
      SELECT c."unit", sum(c."count")::int AS "count" FROM c WHERE c."dimension" = ${THEME_SETS} AND c."audience" = '' ${outside}
      GROUP BY 1 HAVING sum(c."count") <> 0`,
    db,
  );
  if (!rows) return null;
  const keyOf = (key: string | null): string => (unit === "region" ? (key === null ? "none" : (REGION_BY_GROUP[key] ?? key)) : (key ?? "none"));
  return new Map(rows.map((row) => [keyOf(row.unit), row.count]));
}

/** A row of the status timeline: recommendations per year and status; `status` null is those assessed by then. */
export type TimelineRow = { year: number; status: string | null; count: number };

/**
 * The rows of countStatusTimeline (the accepted recommendations' statuses at the end of each year with an assessment in
 * the scope) from the summaries: each review's rows of its own latest year up to that year, summed. Null when the
 * filters set a position or cut through reviews, or for a member of several organisations (a recommendation two of
 * them assessed counts once, which per-organisation rows cannot tell).
 */
export async function summaryStatusTimeline(filters: RecommendationFilters, scope: ViewerScope, db: Db = getDb()): Promise<TimelineRow[] | null> {
  if (filters.position.length > 0 || !summariesAnswer(filters)) return null;
  const statusScope = statusScopeOf(filters, scope);
  const audience = statusScope.kind === "public" ? "" : statusScope.organizationIds.length === 1 ? statusScope.organizationIds[0]! : null;
  if (audience === null) return null;
  const source = sourceOf("position", filters, "review");
  return readFreshSummaries<TimelineRow>(
    Prisma.sql`WITH u AS MATERIALIZED (${source.units}),
      t AS MATERIALIZED (
        SELECT s."reviewId", split_part(s."key", ':', 1)::int AS "year", nullif(split_part(s."key", ':', 2), 'ASSESSED') AS "status", s."count"
        FROM "StatsSummary" s JOIN u ON u."id" = s."reviewId" WHERE s."dimension" = ${TIMELINE} AND s."audience" = ${audience}
      ),
      latest AS (SELECT y."year" AS "at", t."reviewId", max(t."year") AS "year" FROM (SELECT DISTINCT "year" FROM t) y JOIN t ON t."year" <= y."year" GROUP BY 1, 2)
      SELECT l."at" AS "year", t."status", sum(t."count")::int AS "count" FROM latest l JOIN t ON t."reviewId" = l."reviewId" AND t."year" = l."year"
      GROUP BY 1, 2 ORDER BY 1`,
    db,
  );
}
