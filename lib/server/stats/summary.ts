import "server-only";
import { FILTER_KEYS, type FilterKey, type RecommendationFilters } from "@/lib/search-params";
import type { RecommendationStats, StatDimension, StatsUnit } from "@/lib/stats";
import { getDb, runInBackground, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { statusScopeOf, type ViewerScope } from "../recommendation-where";
import { REGION_BY_GROUP, inStatusOrder, toGroups, type Row } from "./groups";
import { ACCEPTED_REGION, AFFECTED, compactRollup, refreshReviewSummaries, refreshStaleSummaries } from "./summary-refresh";

/**
 * The stats of stats/index.ts read from the StatsSummary rows (per review × dimension × key) instead of counted over
 * the recommendations: the same groups, order and totals, summed in SQL over the reviews the filters select.
 *
 * The summaries hold counts per review, so they answer the filters that select whole reviews: `review`, `cycle` and
 * `sur` (and `statusOf`, which only says whose statuses the `status` dimension reads; `variants` only qualifies `q`).
 * Any other filter (free text, recommending State or region, theme, affected persons, position, wording, action,
 * status, recurring) cuts through reviews: the answer is `null` and the caller counts live. So is `status` with
 * `statusOf=mine` for a caller of several organisations: a recommendation two of them assessed counts once, which
 * per-organisation rows cannot tell.
 */

/** Filters whose value never stops the summaries from answering. */
const ANSWERED: ReadonlySet<FilterKey> = new Set(["review", "cycle", "sur", "statusOf", "variants"]);

/** True when no filter but the review-level ones is set. */
export function summariesAnswer(filters: RecommendationFilters): boolean {
  return FILTER_KEYS.every((key) => {
    if (ANSWERED.has(key)) return true;
    const value = filters[key];
    return Array.isArray(value) ? value.length === 0 : value === "";
  });
}

/**
 * Whose statuses a `status` count reads, as StatsSummary.audience: "" for the public view, an organisation id for
 * `statusOf=mine` of a member of one organisation, null when the summaries cannot say (several organisations).
 */
function audienceOf(by: StatDimension, filters: RecommendationFilters, scope: ViewerScope): string | null {
  if (by !== "status") return "";
  const statusScope = statusScopeOf(filters, scope);
  if (statusScope.kind === "public") return "";
  return statusScope.organizationIds.length === 1 ? statusScope.organizationIds[0]! : null;
}

/** The SQL of a unit's key for the review `v` (the State under review's country as `sc`). */
const UNIT_KEY: Record<StatsUnit, Prisma.Sql> = {
  all: Prisma.sql`'all'`,
  review: Prisma.sql`v."id"::text`,
  cycle: Prisma.sql`v."cycle"::text`,
  region: Prisma.sql`sc."regionalGroup"::text`,
  sur: Prisma.sql`v."stateUnderReviewIso3"`,
};

/** The same for a StatsRollup row `s` (units the rollup's buckets answer). */
const ROLLUP_UNIT_KEY: Partial<Record<StatsUnit, Prisma.Sql>> = {
  all: Prisma.sql`'all'`,
  cycle: Prisma.sql`s."cycle"::text`,
  region: Prisma.sql`s."region"`,
};

/** More marked reviews than this are refreshed in the background rather than in the request. */
const MAX_INLINE_REFRESH = 25;
let backgroundRefresh: Promise<unknown> | null = null;

/** One background refresh per process at a time; other instances skip the reviews it holds (advisory locks). */
function refreshInBackground(db: Db): void {
  if (backgroundRefresh) return;
  backgroundRefresh = refreshStaleSummaries(db)
    .catch((error: unknown) => console.error("stats summaries: background refresh failed", error))
    .finally(() => {
      backgroundRefresh = null;
    });
  // The pool is not closed under it (disconnectDb waits).
  runInBackground(backgroundRefresh);
}

type SummaryRow = { kind: "stale" | "total" | "row"; unit: string | null; key: string | null; label: string | null; count: number };

/**
 * The stats of every unit the filters select, keyed by unit ("all"; a review id; a cycle number; the region key of the
 * State under review, or "none"; its ISO3). A unit is present when it holds at least one recommendation matching the
 * filters; "all" always is. `null` when the summaries cannot answer these filters (see above), when a review they
 * select is being refreshed by someone else, or when more than MAX_INLINE_REFRESH are marked (refreshed in the
 * background meanwhile): count live then.
 */
export async function summaryStatsByUnit(
  by: StatDimension,
  filters: RecommendationFilters,
  scope: ViewerScope,
  unit: StatsUnit,
  db: Db = getDb(),
): Promise<Map<string, RecommendationStats> | null> {
  const audience = audienceOf(by, filters, scope);
  if (audience === null || !summariesAnswer(filters)) return null;
  return readByUnit(by, by, filters, audience, unit, db);
}

/**
 * By regional group, the ACCEPTED recommendations (supported, or supported in part) of each unit: the charts'
 * acceptance rate by region, as `countStatsByUnit("region", { ...filters, position: accepted })` counts it, read from
 * the summaries when the filters set no position (accepted is then both positions) and the summaries answer the rest.
 * Each unit's `total` is its accepted recommendations; a unit without one is left out, as the live count leaves it.
 */
export async function summaryAcceptedRegionByUnit(
  filters: RecommendationFilters,
  acceptedTotals: ReadonlyMap<string, number>,
  unit: StatsUnit,
  db: Db = getDb(),
): Promise<Map<string, RecommendationStats> | null> {
  if (filters.position.length > 0 || !summariesAnswer(filters)) return null;
  const read = await readByUnit("region", ACCEPTED_REGION, filters, "", unit, db);
  if (!read) return null;
  const stats = new Map<string, RecommendationStats>();
  for (const [key, unitStats] of read) {
    const total = acceptedTotals.get(key) ?? 0;
    if (total > 0) stats.set(key, { ...unitStats, total });
  }
  if (unit === "all" && !stats.has("all")) stats.set("all", { by: "region", groups: toGroups("region", []), total: 0 });
  return stats;
}

/**
 * The affected-persons themes of the recommendations the filters select, per unit, as the theme dimension counts
 * subject themes (groups by slug, named, most first; no `none` group is meaningful here): null when the summaries
 * cannot answer the filters.
 */
export async function summaryAffectedByUnit(filters: RecommendationFilters, unit: StatsUnit, db: Db = getDb()): Promise<Map<string, RecommendationStats> | null> {
  if (!summariesAnswer(filters)) return null;
  return readByUnit("theme", AFFECTED, filters, "", unit, db);
}

async function readByUnit(
  by: StatDimension,
  dimension: string,
  filters: RecommendationFilters,
  audience: string,
  unit: StatsUnit,
  db: Db,
): Promise<Map<string, RecommendationStats> | null> {
  return readTrusted(async () => {
    const rows = await db.$queryRaw<SummaryRow[]>(readSql(by, filters, audience, unit, dimension));
    return { stale: rows.filter((row) => row.kind === "stale").map((row) => row.count), value: () => toStats(by, unit, rows) };
  }, db);
}

/**
 * Runs `read` (the counts and, in the same snapshot, the marked reviews they depend on) until no review it read is
 * marked: marked reviews are never trusted. A few are refreshed (set-based, one transaction) and read again; many (a
 * bulk load outside the importer) are refreshed in the background and the caller counts live (null), as it does when
 * another refresh holds one of them or they are still marked on the second read.
 */
async function readTrusted<T>(read: () => Promise<{ stale: number[]; value: () => T }>, db: Db): Promise<T | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const { stale, value } = await read();
    if (stale.length === 0) return value();
    if (attempt > 0) break;
    if (stale.length > MAX_INLINE_REFRESH) {
      refreshInBackground(db);
      return null;
    }
    const refreshed = await db.$transaction((tx) => refreshReviewSummaries(tx, stale), { timeout: 120_000 });
    if (refreshed.length > 0) await compactRollup(db);
    if (refreshed.length < stale.length) return null;
  }
  return null;
}

/** The statement a summary read runs (for the benchmark's EXPLAIN), or null when the summaries cannot answer. */
export function summaryStatsSql(by: StatDimension, filters: RecommendationFilters, scope: ViewerScope, unit: StatsUnit): Prisma.Sql | null {
  const audience = audienceOf(by, filters, scope);
  return audience === null || !summariesAnswer(filters) ? null : readSql(by, filters, audience, unit);
}

/**
 * Where the counts are read, as rows (unit, dimension, audience, key, count), and which stale marks matter. Reads that
 * select reviews by id or State (or split by review or State) sum the per-review rows of the reviews selected; reads
 * over whole cycles sum StatsRollup's few rows per cycle and regional group instead, and trust them only while no
 * review at all is marked (a deleted review's mark names no review left).
 */
export function sourceOf(by: StatDimension, filters: RecommendationFilters, unit: StatsUnit): { units: Prisma.Sql; counts: Prisma.Sql; stale: Prisma.Sql } {
  const rollupUnit = ROLLUP_UNIT_KEY[unit];
  if (rollupUnit && by !== "review" && filters.review.length === 0 && filters.sur.length === 0) {
    const cycles = filters.cycle.length > 0 ? Prisma.sql`s."cycle" IN (${Prisma.join(filters.cycle)})` : Prisma.sql`TRUE`;
    return {
      units: Prisma.sql`SELECT NULL::int AS "id", NULL::text AS "unit" WHERE FALSE`,
      counts: Prisma.sql`SELECT ${rollupUnit} AS "unit", s."dimension", s."audience", s."key", s."count" FROM "StatsRollup" s WHERE ${cycles}`,
      stale: Prisma.sql`SELECT m."reviewId" FROM "StatsSummaryStale" m`,
    };
  }
  const where: Prisma.Sql[] = [];
  if (filters.review.length > 0) where.push(Prisma.sql`v."id" IN (${Prisma.join(filters.review)})`);
  if (filters.cycle.length > 0) where.push(Prisma.sql`v."cycle" IN (${Prisma.join(filters.cycle)})`);
  if (filters.sur.length > 0) where.push(Prisma.sql`v."stateUnderReviewIso3" IN (${Prisma.join(filters.sur)})`);
  const country = unit === "region" ? Prisma.sql`LEFT JOIN "Country" sc ON sc."iso3" = v."stateUnderReviewIso3"` : Prisma.empty;
  return {
    units: Prisma.sql`SELECT v."id", ${UNIT_KEY[unit]} AS "unit" FROM "Review" v ${country} WHERE ${where.length > 0 ? Prisma.join(where, " AND ") : Prisma.sql`TRUE`}`,
    counts: Prisma.sql`SELECT u."unit", s."dimension", s."audience", s."key", s."count", s."reviewId" FROM "StatsSummary" s JOIN u ON u."id" = s."reviewId"`,
    stale: Prisma.sql`SELECT m."reviewId" FROM "StatsSummaryStale" m WHERE m."reviewId" IN (SELECT u."id" FROM u)`,
  };
}

/**
 * One statement, so one snapshot: the marked reviews that matter, each unit's total, and the unit's groups summed,
 * ordered as the live query orders them (`ord`).
 */
function readSql(by: StatDimension, filters: RecommendationFilters, audience: string, unit: StatsUnit, dimension: string = by): Prisma.Sql {
  const source = sourceOf(by, filters, unit);
  return Prisma.sql`
    WITH u AS MATERIALIZED (${source.units}),
    c AS NOT MATERIALIZED (${source.counts}),
    totals AS (SELECT c."unit", sum(c."count")::int AS "count" FROM c WHERE c."dimension" = 'total' AND c."audience" = '' GROUP BY 1)
    SELECT "kind", "unit", "key", "label", "count" FROM (
      SELECT DISTINCT 'stale' AS "kind", NULL::text AS "unit", NULL::text AS "key", NULL::text AS "label", m."reviewId" AS "count", 0::bigint AS "ord"
      FROM (${source.stale}) m
      UNION ALL
      SELECT 'total', "unit", NULL, NULL, "count", 0 FROM totals
      UNION ALL
      ${groupsSql(by, audience, dimension)}
    ) x ORDER BY 1, 2, "ord"`;
}

/** The groups of each unit as (kind 'row', unit, key, label, count, ord). */
function groupsSql(by: StatDimension, audience: string, dimension: string): Prisma.Sql {
  if (by === "review") {
    // One group per review: its total, labelled and ordered as the live query (State name, then cycle).
    return Prisma.sql`SELECT 'row', s."unit", v."id"::text, n."name" || ', ' || v."cycle"::text || ':' || COALESCE(extract(year FROM v."reviewDate")::text, ''), s."count",
        row_number() OVER (PARTITION BY s."unit" ORDER BY n."name", v."cycle", v."id")
      FROM c s JOIN "Review" v ON v."id" = s."reviewId" JOIN "Country" n ON n."iso3" = v."stateUnderReviewIso3"
      WHERE s."dimension" = 'total' AND s."audience" = '' AND s."count" > 0`;
  }
  const summed = Prisma.sql`SELECT s."unit", s."key", sum(s."count")::int AS "count" FROM c s
    WHERE s."dimension" = ${dimension} AND s."audience" = ${audience} GROUP BY 1, 2 HAVING sum(s."count") <> 0`;
  const label = by === "theme" ? Prisma.sql`t."name"` : by === "state" ? Prisma.sql`n."name"` : Prisma.sql`NULL::text`;
  const labels =
    by === "theme" ? Prisma.sql`LEFT JOIN "Theme" t ON t."slug" = g."key"` : by === "state" ? Prisma.sql`LEFT JOIN "Country" n ON n."iso3" = g."key"` : Prisma.empty;
  // theme, state: most first, then by name; wording: most first, then by wording. Fixed domains are put in order later.
  const order = by === "theme" || by === "state" ? Prisma.sql`g."count" DESC, ${label}, g."key"` : Prisma.sql`g."count" DESC, g."key"`;
  return Prisma.sql`SELECT 'row', g."unit", g."key", ${label}, g."count", row_number() OVER (PARTITION BY g."unit" ORDER BY ${order})
    FROM (${summed}) g ${labels}`;
}

function toStats(by: StatDimension, unit: StatsUnit, rows: SummaryRow[]): Map<string, RecommendationStats> {
  const units = new Map<string, { total: number; rows: Row[] }>();
  const entry = (key: string | null) => {
    const name = unit === "region" ? (key === null ? "none" : (REGION_BY_GROUP[key] ?? key)) : (key ?? "none");
    let found = units.get(name);
    if (!found) units.set(name, (found = { total: 0, rows: [] }));
    return found;
  };
  if (unit === "all") entry("all");
  for (const row of rows) {
    if (row.kind === "total") entry(row.unit).total += row.count;
    else if (row.kind === "row") entry(row.unit).rows.push({ key: row.key, label: row.label, count: row.count });
  }
  const stats = new Map<string, RecommendationStats>();
  for (const [key, { total, rows: unitRows }] of units) {
    if (total === 0 && key !== "all") continue;
    stats.set(key, { by, groups: toGroups(by, by === "status" ? statusRows(unitRows, total) : unitRows), total });
  }
  return stats;
}

/** Every status in order; not assessed adds what the unit holds beyond its assessed recommendations. */
function statusRows(rows: Row[], total: number): Row[] {
  const countOf = (key: string) => rows.find((row) => row.key === key)?.count ?? 0;
  // An explicit "not assessed" status and no assessment at all are disjoint, as in the explorer's filter.
  const notAssessed = countOf("NOT_ASSESSED") + total - countOf("ASSESSED");
  return inStatusOrder([...rows.filter((row) => row.key !== "ASSESSED" && row.key !== "NOT_ASSESSED"), { key: "NOT_ASSESSED", label: null, count: notAssessed }]);
}

/**
 * Rows of any read over the StatsSummary rows of every review (`read`, one statement), taken in the same snapshot as
 * the stale marks: a marked review is refreshed first (when there are few) and the read runs again; `null` when the
 * summaries cannot be trusted now (many marks, refreshed in the background meanwhile, or a review held by another
 * refresh), so the caller counts live.
 */
export async function readFreshSummaries<T>(read: Prisma.Sql, db: Db = getDb()): Promise<T[] | null> {
  return readTrusted(async () => {
    const [result] = await db.$queryRaw<{ stale: number[] | null; rows: T[] }[]>`
      SELECT (SELECT array_agg(DISTINCT m."reviewId") FROM "StatsSummaryStale" m) AS "stale",
        (SELECT coalesce(json_agg(x), '[]'::json) FROM (${read}) x) AS "rows"`;
    return { stale: result?.stale ?? [], value: () => result?.rows ?? [] };
  }, db);
}
