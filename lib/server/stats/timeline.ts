import "server-only";
import { acceptedPositions } from "@/lib/charts/chart-data";
import type { AssessmentStatusValue } from "@/lib/schemas/assessment";
import type { PositionParam, RecommendationFilters } from "@/lib/search-params";
import { getDb, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { buildRecommendationWhere, readableAssessmentsSql, statusScopeOf, type ViewerScope } from "../recommendation-where";
import { fromDbEnum } from "../wire-enums";
import { summaryStatusTimeline, type TimelineRow } from "./chart-summaries";
import { summaryStatsByUnit } from "./summary";

/** One year's counts: recommendations per status, and how many had no assessment in the scope by then. */
export type StatusYear = { year: number; counts: Partial<Record<AssessmentStatusValue, number>>; notYetAssessed: number };
export type StatusTimeline = { accepted: number; years: StatusYear[] };

/**
 * The implementation status of the ACCEPTED recommendations (supported, or supported in part) matching the filters, at
 * the end of each year in which an assessment in the scope was made: each organisation's latest assessment dated
 * (`assessedOn`) on or before 31 December of that year. Scope as the explorer's status filter: public assessments, or
 * with `statusOf=mine` the caller's organisations' own, private included (organisations from the session only).
 * A recommendation assessed by two organisations counts under each one's status, so a year can add up to more than
 * `accepted`. No assessment at all gives no years: the chart shows its empty state.
 */
export async function countStatusTimeline(filters: RecommendationFilters, scope: ViewerScope = {}, db: Db = getDb()): Promise<StatusTimeline> {
  const positions = acceptedPositions(filters.position);
  if (!positions) return { accepted: 0, years: [] };
  const [accepted, rows] = await Promise.all([
    countAccepted(filters, positions, scope, db),
    summaryStatusTimeline(filters, scope, db).then((summarised) => summarised ?? statusTimelineRowsLive(filters, positions, scope, db)),
  ]);
  const years = new Map<number, StatusYear>();
  for (const row of rows) {
    const entry = years.get(row.year) ?? { year: row.year, counts: {}, notYetAssessed: accepted };
    // The ROLLUP row (status NULL) is the number of distinct recommendations assessed by then.
    if (row.status === null) entry.notYetAssessed = accepted - row.count;
    else entry.counts[fromDbEnum(row.status) as AssessmentStatusValue] = row.count;
    years.set(row.year, entry);
  }
  return { accepted, years: [...years.values()] };
}

/** The accepted recommendations the filters select: from the stats summaries' positions when they answer, else counted. */
async function countAccepted(filters: RecommendationFilters, positions: PositionParam[], scope: ViewerScope, db: Db): Promise<number> {
  if (filters.position.length === 0) {
    const stats = (await summaryStatsByUnit("position", filters, scope, "all", db))?.get("all");
    if (stats) return stats.groups.filter((group) => (positions as string[]).includes(group.key)).reduce((sum, group) => sum + group.count, 0);
  }
  const where = buildRecommendationWhere({ ...filters, position: positions }, scope);
  const [row] = await db.$queryRaw<{ accepted: number }[]>`SELECT count(*)::int AS "accepted" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" WHERE ${where}`;
  return row?.accepted ?? 0;
}

/**
 * The timeline's rows counted over the assessments in the scope (joined to the recommendations the filters select),
 * never from a list of every accepted recommendation: there are far fewer assessments than recommendations.
 */
export async function statusTimelineRowsLive(filters: RecommendationFilters, positions: PositionParam[], scope: ViewerScope, db: Db = getDb()): Promise<TimelineRow[]> {
  const where = buildRecommendationWhere({ ...filters, position: positions }, scope);
  const readable = readableAssessmentsSql(statusScopeOf(filters, scope));
  const assessed = Prisma.sql`"Assessment" a JOIN "Recommendation" r ON r."id" = a."recommendationId" JOIN "Review" v ON v."id" = r."reviewId"`;
  return db.$queryRaw<TimelineRow[]>`
    WITH years AS (SELECT DISTINCT extract(year FROM a."assessedOn")::int AS "year" FROM ${assessed} WHERE ${readable} AND ${where}),
    latest AS (
      SELECT DISTINCT ON (y."year", a."recommendationId", a."organizationId") y."year", a."recommendationId", a."status"
      FROM years y JOIN ${assessed} ON a."assessedOn" <= make_date(y."year", 12, 31)
      WHERE ${readable} AND ${where} ORDER BY y."year", a."recommendationId", a."organizationId", a."version" DESC
    )
    SELECT "year", "status"::text AS "status", count(DISTINCT "recommendationId")::int AS "count" FROM latest GROUP BY ROLLUP ("year", "status")
    HAVING "year" IS NOT NULL ORDER BY 1`;
}
