import type pg from "pg";
import type { StatDimension } from "@/lib/stats";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { countRecommendationStats, recommendationStatsSql } from "@/lib/server/stats";
import { parseQuery, TARGET_P95_MS, TARGET_RATIO } from "./list";
import { comparisonRow, table, timeAlternating } from "./report";

/** The charts' questions: each dimension on the whole set, and a few with the explorer's filters. */
export const STATS_QUERIES: [StatDimension, string][] = [
  ["position", ""],
  ["position", "cycle=3&sur=CHN"],
  ["wording", "cycle=3"],
  ["theme", ""],
  ["theme", "region=weog"],
  ["region", "position=noted"],
  ["action", "cycle=2,3"],
  ["state", "theme=uhri:a12"],
  ["review", "sur=CHN"],
  ["status", ""],
  ["status", "statusOf=mine&position=supported"],
];
const WARM_UP = 3;

export type StatsResult = { label: string; total: number; samples: { app: number[]; raw: number[] } };

/** The statements of `countRecommendationStats`, run in parallel through raw pg as the function runs them. */
async function rawStats(pool: pg.Pool, by: StatDimension, search: string, scope: ViewerScope): Promise<number> {
  const sql = recommendationStatsSql(by, parseQuery(search), scope);
  const [total] = await Promise.all([pool.query<{ total: number }>(sql.total.text, sql.total.values), ...sql.groups.map((statement) => pool.query(statement.text, statement.values))]);
  return total.rows[0]?.total ?? 0;
}

/** Times `GET /api/stats`'s work (countRecommendationStats through Prisma) against the same statements through raw pg. */
export async function measureStats(pool: pg.Pool, iterations: number, scope: ViewerScope, progress: (message: string) => void): Promise<StatsResult[]> {
  const results: StatsResult[] = [];
  for (const [by, search] of STATS_QUERIES) {
    const label = `by=${by}${search ? `&${search}` : ""}`;
    progress(`Stats: ${label}`);
    const query = parseQuery(search);
    const viaApp = await countRecommendationStats(by, query, scope);
    const viaPg = await rawStats(pool, by, search, scope);
    if (viaApp.total !== viaPg) throw new Error(`"${label}": the app counted ${viaApp.total}, raw pg ${viaPg}.`);
    const samples = await timeAlternating(() => countRecommendationStats(by, query, scope), () => rawStats(pool, by, search, scope), iterations, WARM_UP);
    results.push({ label, total: viaApp.total, samples });
  }
  return results;
}

export function statsReport(results: StatsResult[], iterations: number): string[] {
  return [
    `Stats (GET /api/stats, the charts): countRecommendationStats (Prisma) vs its total + grouped statements through raw pg,`,
    `${WARM_UP} warm-up rounds then ${iterations} timed iterations each. Targets as for the list.`,
    "",
    ...table(
      ["query", "total", "app p50", "app p95", "raw p50", "raw p95", "app/raw p50", `ratio <= ${TARGET_RATIO}`, `app p95 < ${TARGET_P95_MS} ms`],
      results.map((result) => comparisonRow(result.label, result.total, result.samples, { ratio: TARGET_RATIO, p95Ms: TARGET_P95_MS })),
    ),
  ];
}
