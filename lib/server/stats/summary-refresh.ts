import "server-only";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { publicAssessmentSql } from "../assessments/public";

type Tx = Pick<Db, "$queryRaw" | "$executeRaw">;

/**
 * Keeping the StatsSummary rows right, whatever writes.
 *
 * Statement-level triggers (see the stats_summaries migration) add a StatsSummaryStale row for every review a write to
 * Recommendation, RecommendationTheme, RecommendationState, Assessment or Theme touches, in the writer's own
 * transaction: the mark commits with the change or not at all, and no code path can forget it. A review is rewritten
 * here, set-based, from the live tables; the readers (stats/summary.ts) never trust a marked review: they refresh it
 * or count live.
 *
 * Under several app instances and concurrent writers: a refresh takes a transaction-level advisory lock per review
 * with pg_try_advisory_xact_lock, so two refreshes of a review never interleave and nobody waits; a review whose lock
 * is taken is left marked for a later refresh. A refresh deletes only the marks its statements can see and recomputes
 * after deleting them, so a change committed later keeps its mark (READ COMMITTED or REPEATABLE READ alike: a mark
 * becomes visible exactly when its change does). Marks are plain inserts without a unique key, so writers never wait
 * for each other on them.
 */

/** The advisory lock class of a review's summaries (the other key is the review id). */
const LOCK = Prisma.sql`hashtext('upr-stats-summary')`;

/**
 * Rewrites the summaries of the given reviews inside the caller's transaction, and clears their stale marks. Returns
 * the reviews refreshed: those whose lock another transaction holds are skipped (still marked). Reviews that no
 * longer exist lose their rows.
 */
export async function refreshReviewSummaries(tx: Tx, reviewIds: readonly number[]): Promise<number[]> {
  const wanted = [...new Set(reviewIds)].sort((a, b) => a - b);
  if (wanted.length === 0) return [];
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT u."id" FROM unnest(${wanted}::int[]) u("id") WHERE pg_try_advisory_xact_lock(${LOCK}, u."id")`;
  const ids = locked.map((row) => row.id);
  if (ids.length === 0) return [];
  // Marks first, then the recount: a change the recount cannot see has a mark this delete could not see either.
  await tx.$executeRaw`DELETE FROM "StatsSummaryStale" WHERE "reviewId" = ANY(${ids}::int[])`;
  await tx.$executeRaw(recountSql(ids));
  return ids;
}

/**
 * Refreshes the marked reviews (all of them, or those among `reviewIds`), each batch in its own short transaction.
 * Returns how many reviews were refreshed. For the importer's end, the CLI and the benchmark.
 */
export async function refreshStaleSummaries(db: Db, reviewIds?: readonly number[], batch = 50, analyzeAfter = ANALYZE_AFTER_REVIEWS): Promise<number> {
  const only = reviewIds === undefined ? Prisma.empty : Prisma.sql`AND s."reviewId" = ANY(${[...reviewIds]}::int[])`;
  const stale = await db.$queryRaw<{ id: number }[]>`SELECT DISTINCT s."reviewId" AS "id" FROM "StatsSummaryStale" s WHERE TRUE ${only} ORDER BY 1`;
  let refreshed = 0;
  for (let start = 0; start < stale.length; start += batch) {
    const ids = stale.slice(start, start + batch).map((row) => row.id);
    refreshed += (await db.$transaction((tx) => refreshReviewSummaries(tx, ids), { timeout: 120_000 })).length;
  }
  if (refreshed > 0) await compactRollup(db);
  // After a bulk recount (a migration marked every review, a large import) the planner's statistics still describe
  // the old rows until autovacuum comes round: a reader's plan for two reviews then scans every summary row (seen:
  // 263 ms instead of 5 ms for the theme chart's Other bar). Fresh statistics cost a fraction of a second.
  if (refreshed >= analyzeAfter) await db.$executeRaw`ANALYZE "StatsSummary", "StatsRollup"`;
  return refreshed;
}

/** How many reviews a refresh must have recounted before it refreshes the planner's statistics of the summaries. */
export const ANALYZE_AFTER_REVIEWS = 100;

/**
 * One statement: every summary row of the reviews counted again (each dimension exactly as stats/index.ts counts it
 * live: same joins, same DISTINCT, grouped by review as well), the old rows deleted, and what changed (new minus old,
 * per cycle and regional group of the State under review) appended to StatsRollup.
 */
/**
 * The region dimension of the accepted recommendations alone (supported, or supported in part): the numerator of the
 * charts' acceptance rate by region, which the region rows of all recommendations cannot give.
 */
export const ACCEPTED_REGION = "region:accepted";

/** The affected-persons themes (the explorer's `affected` facet), which the theme dimension leaves out. */
export const AFFECTED = "affected";

/**
 * The recommendations with a theme (not affected persons), by their whole set of themes (`themeIds` in order, as
 * text): the theme chart's "Other" bar (those with none of its top themes) is a sum of these, whatever the top is.
 */
export const THEME_SETS = "themes";

/**
 * The status timeline of the ACCEPTED recommendations, per review, for each year in which the review has an assessment
 * in the audience: key `year:status` (each organisation's latest version dated by the end of that year), and
 * `year:ASSESSED` (recommendations with any). Public ("") and each organisation's own, private included.
 */
export const TIMELINE = "timeline";

/**
 * The recommendations by position and set of regional groups of their recommending States, keyed
 * `POSITION|GROUP,GROUP` (empty parts for none): what the explorer's position and region filters select, so its
 * facets under those filters are sums of these rows (lib/server/facets/slices.ts).
 */
export const SLICE = "slice";

function recountSql(ids: number[]): Prisma.Sql {
  const current = (readable: Prisma.Sql) => Prisma.sql`SELECT DISTINCT ON (a."recommendationId", a."organizationId") a."recommendationId", a."organizationId", a."status"
    FROM "Assessment" a JOIN rec ON rec."id" = a."recommendationId" WHERE ${readable}
    ORDER BY a."recommendationId" DESC, a."organizationId" DESC, a."version" DESC`;
  return Prisma.sql`
    WITH rec AS MATERIALIZED (
      SELECT r."id", r."reviewId", r."position", r."responseWording", r."actionCategories", r."recommendingRegions", r."themeIds"
      FROM "Recommendation" r WHERE r."reviewId" = ANY(${ids}::int[])
    ),
    public_status AS MATERIALIZED (${current(publicAssessmentSql("a"))}),
    own_status AS MATERIALIZED (${current(Prisma.sql`TRUE`)}),
    accepted_assessments AS MATERIALIZED (
      SELECT r."reviewId", a."recommendationId", a."organizationId", a."version", a."status", a."assessedOn", ${publicAssessmentSql("a")} AS "public"
      FROM "Assessment" a JOIN rec r ON r."id" = a."recommendationId" WHERE r."position" IN ('SUPPORTED', 'SUPPORTED_IN_PART')
    ),
    timeline AS (
      SELECT DISTINCT ON (y."audience", y."reviewId", y."year", a."recommendationId", a."organizationId") y."audience", y."reviewId", y."year", a."recommendationId", a."status"
      FROM (
        SELECT DISTINCT '' AS "audience", a."reviewId", extract(year FROM a."assessedOn")::int AS "year" FROM accepted_assessments a WHERE a."public"
        UNION
        SELECT DISTINCT a."organizationId", a."reviewId", extract(year FROM a."assessedOn")::int FROM accepted_assessments a
      ) y
      JOIN accepted_assessments a ON a."reviewId" = y."reviewId" AND a."assessedOn" <= make_date(y."year", 12, 31)
        AND CASE WHEN y."audience" = '' THEN a."public" ELSE a."organizationId" = y."audience" END
      ORDER BY y."audience", y."reviewId", y."year", a."recommendationId", a."organizationId", a."version" DESC
    ),
    fresh ("reviewId", "dimension", "audience", "key", "count") AS (
      SELECT r."reviewId", 'total', '', NULL, count(*)::int FROM rec r GROUP BY 1
      UNION ALL
      SELECT r."reviewId", 'position', '', r."position"::text, count(*)::int FROM rec r GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'wording', '', lower(r."responseWording"), count(*)::int FROM rec r GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'slice', '', COALESCE(r."position"::text, '') || '|' || array_to_string(r."recommendingRegions", ','), count(*)::int
      FROM rec r GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'action', '', a::text, count(*)::int FROM rec r LEFT JOIN LATERAL unnest(r."actionCategories") a ON TRUE GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'region', '', g::text, count(DISTINCT r."id")::int FROM rec r LEFT JOIN LATERAL unnest(r."recommendingRegions") g ON TRUE GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'region:accepted', '', g::text, count(DISTINCT r."id")::int FROM rec r LEFT JOIN LATERAL unnest(r."recommendingRegions") g ON TRUE
      WHERE r."position" IN ('SUPPORTED', 'SUPPORTED_IN_PART') GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'affected', '', t."slug", count(DISTINCT r."id")::int
      FROM rec r JOIN "RecommendationTheme" rt ON rt."recommendationId" = r."id" JOIN "Theme" t ON t."id" = rt."themeId" AND t."scheme" = 'AFFECTED_PERSONS'
      GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'state', '', rs."countryIso3", count(DISTINCT r."id")::int
      FROM rec r LEFT JOIN "RecommendationState" rs ON rs."recommendationId" = r."id" GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'theme', '', t."slug", count(DISTINCT r."id")::int
      FROM rec r LEFT JOIN ("RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId" AND t."scheme" <> 'AFFECTED_PERSONS') ON rt."recommendationId" = r."id"
      GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'themes', '', array(SELECT unnest(r."themeIds") ORDER BY 1)::text, count(*)::int FROM rec r
      WHERE EXISTS (SELECT 1 FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId" WHERE rt."recommendationId" = r."id" AND t."scheme" <> 'AFFECTED_PERSONS')
      GROUP BY 1, 4
      UNION ALL
      SELECT t."reviewId", 'timeline', t."audience", t."year"::text || ':' || t."status"::text, count(DISTINCT t."recommendationId")::int FROM timeline t GROUP BY 1, 3, 4
      UNION ALL
      SELECT t."reviewId", 'timeline', t."audience", t."year"::text || ':ASSESSED', count(DISTINCT t."recommendationId")::int FROM timeline t GROUP BY 1, 3, t."year"
      UNION ALL
      SELECT r."reviewId", 'status', '', c."status"::text, count(DISTINCT r."id")::int FROM rec r JOIN public_status c ON c."recommendationId" = r."id" GROUP BY 1, 4
      UNION ALL
      SELECT r."reviewId", 'status', '', 'ASSESSED', count(DISTINCT r."id")::int FROM rec r JOIN public_status c ON c."recommendationId" = r."id" GROUP BY 1
      UNION ALL
      SELECT r."reviewId", 'status', c."organizationId", c."status"::text, count(*)::int FROM rec r JOIN own_status c ON c."recommendationId" = r."id" GROUP BY 1, 3, 4
      UNION ALL
      SELECT r."reviewId", 'status', c."organizationId", 'ASSESSED', count(*)::int FROM rec r JOIN own_status c ON c."recommendationId" = r."id" GROUP BY 1, 3
    ),
    gone AS (
      DELETE FROM "StatsSummary" s WHERE s."reviewId" = ANY(${ids}::int[])
      RETURNING s."cycle", s."region", s."dimension", s."audience", s."key", s."count"
    ),
    added AS (
      INSERT INTO "StatsSummary" ("reviewId", "cycle", "region", "dimension", "audience", "key", "count")
      SELECT f."reviewId", v."cycle", sc."regionalGroup"::text, f."dimension", f."audience", f."key", f."count"
      FROM fresh f JOIN "Review" v ON v."id" = f."reviewId" LEFT JOIN "Country" sc ON sc."iso3" = v."stateUnderReviewIso3"
      RETURNING "cycle", "region", "dimension", "audience", "key", "count"
    )
    INSERT INTO "StatsRollup" ("cycle", "region", "dimension", "audience", "key", "count")
    SELECT d."cycle", d."region", d."dimension", d."audience", d."key", sum(d."count")::int
    FROM (SELECT * FROM added UNION ALL SELECT "cycle", "region", "dimension", "audience", "key", -"count" FROM gone) d
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d."count") <> 0`;
}

/**
 * Rebuilds StatsRollup from the StatsSummary rows, in one statement (one snapshot): it deletes the rollup rows it can
 * see and inserts the sums of the summary rows it can see, so a refresh committed meanwhile keeps its appended
 * difference and its summary rows, which the next rebuild sums. Folds the differences into one row per key and
 * repairs any drift. One at a time (the others skip).
 */
export async function compactRollup(db: Db): Promise<void> {
  await db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK}, 0) AS "locked"`;
    if (!lock?.locked) return;
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM "StatsRollup")
      INSERT INTO "StatsRollup" ("cycle", "region", "dimension", "audience", "key", "count")
      SELECT "cycle", "region", "dimension", "audience", "key", sum("count")::int FROM "StatsSummary" GROUP BY 1, 2, 3, 4, 5`;
  }, { timeout: 120_000 });
}
