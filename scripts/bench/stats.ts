import { parseArgs } from "node:util";
import pg from "pg";
import type { StatDimension } from "@/lib/stats";
import { disconnectDb } from "@/lib/server/db";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { countRecommendationStats, recommendationStatsSql } from "@/lib/server/stats";
import { summaryStatsSql } from "@/lib/server/stats/summary";
import { refreshStaleSummaries } from "@/lib/server/stats/summary-refresh";
import { parseQuery, TARGET_RATIO } from "./list";
import { comparisonRow, percentile, seconds, table, timeAlternating } from "./report";

/** The issue's target for `GET /api/stats`, every dimension. */
export const STATS_TARGET_P95_MS = 50;

/**
 * The charts' questions: every dimension on the whole set and on a cycle (read from the summaries), statuses as a
 * member, and a few with filters the summaries cannot answer (counted live).
 */
export const STATS_QUERIES: [StatDimension, string][] = [
  ["position", ""],
  ["wording", ""],
  ["theme", ""],
  ["region", ""],
  ["action", ""],
  ["state", ""],
  ["status", ""],
  ["review", ""],
  ["status", "statusOf=mine"],
  ["theme", "cycle=3"],
  ["state", "cycle=2,3"],
  ["position", "cycle=3&sur=CHN"],
  ["review", "sur=CHN"],
  ["theme", "region=weog"],
  ["region", "position=noted"],
  ["state", "theme=uhri:a12"],
  ["status", "statusOf=mine&position=supported"],
];
const WARM_UP = 3;

export type StatsResult = { label: string; total: number; path: "summary" | "live"; samples: { app: number[]; raw: number[] } };

/** The live statements of `countRecommendationStats`, run in parallel through raw pg: what the API ran before summaries. */
async function rawStats(pool: pg.Pool, by: StatDimension, search: string, scope: ViewerScope): Promise<number> {
  const sql = recommendationStatsSql(by, parseQuery(search), scope);
  const [total] = await Promise.all([pool.query<{ total: number }>(sql.total.text, sql.total.values), ...sql.groups.map((statement) => pool.query(statement.text, statement.values))]);
  return total.rows[0]?.total ?? 0;
}

/**
 * Times `GET /api/stats`'s work (countRecommendationStats through Prisma: the summaries when the filters allow, else
 * live) against the live count's statements through raw pg, so the ratio says how much the summaries save.
 */
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
    const path = summaryStatsSql(by, query, scope, "all") ? "summary" : "live";
    results.push({ label, total: viaApp.total, path, samples });
  }
  return results;
}

export function statsReport(results: StatsResult[], iterations: number): string[] {
  return [
    `Stats (GET /api/stats, the charts): countRecommendationStats (Prisma; "summary" = read from the pre-aggregated`,
    `summaries, "live" = counted over the recommendations) vs the live count's statements through raw pg (the old path).`,
    `${WARM_UP} warm-up rounds then ${iterations} timed iterations each. Target: app p95 < ${STATS_TARGET_P95_MS} ms for every dimension read from the summaries.`,
    "",
    ...table(
      ["query", "path", "total", "app p50", "app p95", "raw live p50", "raw live p95", "app/raw p50", `ratio <= ${TARGET_RATIO}`, `app p95 < ${STATS_TARGET_P95_MS} ms`],
      results.map((result) => {
        const [label, total, ...rest] = comparisonRow(result.label, result.total, result.samples, { ratio: TARGET_RATIO, p95Ms: STATS_TARGET_P95_MS });
        return [label!, result.path, total!, ...rest];
      }),
    ),
  ];
}

/** EXPLAIN (ANALYZE, BUFFERS) of the slowest summary read. */
export async function explainSlowestSummary(pool: pg.Pool, results: StatsResult[], scope: ViewerScope): Promise<string[]> {
  const summaries = results.filter((result) => result.path === "summary");
  const slowest = summaries.sort((a, b) => percentile(b.samples.app, 95) - percentile(a.samples.app, 95))[0];
  if (!slowest) return [];
  const [by, search] = STATS_QUERIES.find(([b, s]) => `by=${b}${s ? `&${s}` : ""}` === slowest.label)!;
  const sql = summaryStatsSql(by, parseQuery(search), scope, "all")!;
  const plan = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
  return [`EXPLAIN (ANALYZE, BUFFERS) of the slowest summary read (by app p95): ${slowest.label}`, "", ...plan.rows.map((row) => `  ${row["QUERY PLAN"]}`)];
}

/** Fills the summaries of every marked review (after a bulk load) and folds the rollup; returns the time taken. */
export async function fillSummaries(): Promise<number> {
  const { getDb } = await import("@/lib/server/db");
  const started = performance.now();
  await refreshStaleSummaries(getDb());
  return performance.now() - started;
}

/**
 * `npm run bench -- stats --database-url URL [--iterations N] [--organization ID]`: the stats section alone, on an
 * existing migrated database (never one shared with others: filling the summaries writes).
 */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { "database-url": { type: "string" }, iterations: { type: "string" }, organization: { type: "string" } } });
  const url = values["database-url"];
  if (!url) throw new Error("Usage: npm run bench -- stats --database-url URL [--iterations N (default 30)] [--organization ID (statusOf=mine)]");
  process.env.DATABASE_URL = url;
  const iterations = Number(values.iterations ?? 30);
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  pool.on("error", () => {});
  const note = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
  try {
    const organization = values.organization ?? (await pool.query<{ id: string }>(`SELECT "id" FROM "Organization" ORDER BY "slug" LIMIT 1`)).rows[0]?.id;
    const scope: ViewerScope = organization ? { organizationIds: [organization] } : {};
    const recommendations = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Recommendation"`)).rows[0]?.n ?? 0;
    note("Filling the summaries of the marked reviews…");
    const fillMs = await fillSummaries();
    await pool.query(`VACUUM (ANALYZE) "StatsSummary", "StatsRollup", "StatsSummaryStale"`);
    const results = await measureStats(pool, iterations, scope, note);
    const lines = [
      `Database: ${recommendations.toLocaleString("en-GB")} recommendations; statusOf=mine as a member of ${organization ?? "(none)"}.`,
      `Filling the summaries of the marked reviews: ${seconds(fillMs)}.`,
      "",
      ...statsReport(results, iterations),
      "",
      ...(await explainSlowestSummary(pool, results, scope)),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } finally {
    await pool.end();
    await disconnectDb();
  }
}
