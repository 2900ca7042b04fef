import "server-only";
import type { RecommendationFilters } from "@/lib/search-params";
import type { RecommendationStats, StatDimension, StatsUnit } from "@/lib/stats";
import { getDb, type Db } from "../db";
import type { ViewerScope } from "../recommendation-where";
import { statsOf, type Row } from "./groups";
import { notInThemesStatement, outsideThemesStatement, statsStatements } from "./statements";
import { summaryStatsByUnit } from "./summary";

type UnitRow = Row & { unit: string };

/** Dimensions with one value (or none) per recommendation: their groups add up to the total, which needs no statement. */
const SINGLE_VALUED = new Set<StatDimension>(["position", "wording", "review"]);

/**
 * Counts the recommendations matching the explorer's filters by one dimension, for each unit of a comparison at once
 * (`unit`: a review, a cycle, the UN regional group of the State under review, a State under review, or "all"): one
 * statement for the totals and one per grouping (two for `status`), whatever the number of units. Each unit's answer is
 * exactly `countRecommendationStats` with the filters narrowed to that unit (same groups, order, zeros and `none`).
 *
 * Keys of the map: "all"; the review id; the cycle number; the explorer's region key (`weog`...) or `none` for a State
 * in no regional group; the ISO3 code. A unit with no matching recommendation has no entry, except "all", which is
 * always there (fixed domains with zeros, total 0).
 *
 * `totals` (per unit, as an earlier count of the same filters and unit returned them) spares the total statement, as
 * single-valued dimensions never need it: the charts count several dimensions of one selection.
 */
export async function countStatsByUnit(
  by: StatDimension,
  filters: RecommendationFilters,
  scope: ViewerScope,
  unit: StatsUnit,
  db: Db = getDb(),
  totals?: ReadonlyMap<string, number>,
): Promise<Map<string, RecommendationStats>> {
  // The pre-aggregated summaries when they can answer these filters (stats/summary.ts), else the live count.
  return (await summaryStatsByUnit(by, filters, scope, unit, db)) ?? countStatsByUnitLive(by, filters, scope, unit, db, totals);
}

/** The same answer counted over the recommendations themselves, for any filter. */
export async function countStatsByUnitLive(
  by: StatDimension,
  filters: RecommendationFilters,
  scope: ViewerScope,
  unit: StatsUnit,
  db: Db = getDb(),
  totals?: ReadonlyMap<string, number>,
): Promise<Map<string, RecommendationStats>> {
  const sql = statsStatements(by, filters, scope, unit);
  const counted = totals === undefined && !SINGLE_VALUED.has(by);
  const [grouped, totalRows] = await Promise.all([
    Promise.all(sql.groups.map((statement) => db.$queryRaw<UnitRow[]>(statement))),
    counted ? db.$queryRaw<{ unit: string; total: number }[]>(sql.total) : Promise.resolve(null),
  ]);
  const rowsByUnit = new Map<string, Row[]>();
  const sums = new Map<string, number>();
  for (const row of grouped.flat()) {
    const rows = rowsByUnit.get(row.unit) ?? [];
    rows.push({ key: row.key, label: row.label, count: row.count });
    rowsByUnit.set(row.unit, rows);
    sums.set(row.unit, (sums.get(row.unit) ?? 0) + row.count);
  }
  const unitTotals = totals ?? (totalRows ? new Map(totalRows.map((row) => [row.unit, row.total])) : sums);
  const result = new Map<string, RecommendationStats>();
  for (const [key, total] of unitTotals) if (total > 0) result.set(key, statsOf(by, rowsByUnit.get(key) ?? [], total));
  if (unit === "all" && !result.has("all")) result.set("all", emptyStats(by));
  return result;
}

/** What a unit without any matching recommendation counts: the fixed domains with zeros, total 0. */
export function emptyStats(by: StatDimension): RecommendationStats {
  return statsOf(by, [], 0);
}

/**
 * Per unit, the recommendations that have a theme but none of `slugs` (the theme chart's "Other" bar), counted once
 * each. Units with none are absent.
 */
export async function countOutsideThemesByUnit(
  filters: RecommendationFilters,
  slugs: string[],
  scope: ViewerScope,
  unit: StatsUnit,
  db: Db = getDb(),
  withoutTheme?: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  if (withoutTheme) {
    // Those with none of `slugs`, less those with no theme at all (the theme count's `none` group, already counted):
    // one pass over the arrays, without looking up every recommendation's themes.
    const rows = await db.$queryRaw<{ unit: string; count: number }[]>(notInThemesStatement(filters, slugs, scope, unit));
    return new Map(rows.map((row) => [row.unit, row.count - (withoutTheme.get(row.unit) ?? 0)]));
  }
  const rows = await db.$queryRaw<{ unit: string; count: number }[]>(outsideThemesStatement(filters, slugs, scope, unit));
  return new Map(rows.map((row) => [row.unit, row.count]));
}
