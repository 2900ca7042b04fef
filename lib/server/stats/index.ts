import "server-only";
import type { RecommendationFilters } from "@/lib/search-params";
import type { RecommendationStats, StatDimension } from "@/lib/stats";
import { getDb, type Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { ViewerScope } from "../recommendation-where";
import { countOutsideThemesByUnit, countStatsByUnitLive, emptyStats } from "./by-unit";
import { statsStatements } from "./statements";
import { summaryStatsByUnit } from "./summary";

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
  return (await countStatsByUnitLive(by, filters, scope, "all", db)).get("all") ?? emptyStats(by);
}

/**
 * The statements behind `countRecommendationStats`, run in parallel: the total, and the grouped counts (two for
 * `status`), each with a constant `unit` column. Exported so the benchmark can time the same SQL through raw pg.
 */
export function recommendationStatsSql(by: StatDimension, filters: RecommendationFilters, scope: ViewerScope = {}): { total: Prisma.Sql; groups: Prisma.Sql[] } {
  return statsStatements(by, filters, scope, "all");
}

/**
 * Recommendations matching the filters that have a theme (not affected persons) but none of `slugs`: the "Other"
 * bar of a top-N theme chart, counted once per recommendation (a sum of the other themes would count one several times).
 */
export async function countRecommendationsOutsideThemes(filters: RecommendationFilters, slugs: string[], scope: ViewerScope = {}, db: Db = getDb()): Promise<number> {
  return (await countOutsideThemesByUnit(filters, slugs, scope, "all", db)).get("all") ?? 0;
}
