import type pg from "pg";
import { parseApiSearch, type RecommendationQuery } from "@/lib/search-params";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { listRecommendations, recommendationPageSql } from "@/lib/server/recommendations";
import { comparisonRow, percentile, table, timeAlternating } from "./report";

/**
 * Representative explorer queries, written as the API's query strings and parsed by its strict schema. `statusOf=mine`
 * runs as a member of the first synthetic organisation (the scope `measureList` is given).
 */
export const LIST_QUERIES: string[] = [
  "",
  "position=noted&cycle=3",
  "state=GBR",
  "region=weog&theme=uhri:a12",
  'q="death penalty"',
  "q=torture -children",
  "region=weog&page=50",
  "status=fully_implemented",
  "status=not_assessed&region=weog",
  "statusOf=mine&status=regressed,partially_implemented",
];

export const TARGET_RATIO = 1.5;
export const TARGET_P95_MS = 150;
const WARM_UP = 5;

export function parseQuery(search: string): RecommendationQuery {
  const parsed = parseApiSearch(new URLSearchParams(search));
  if (!parsed.success) throw new Error(`Bench query "${search}" does not parse: ${parsed.error.message}`);
  return parsed.data;
}

export type ListResult = { search: string; query: RecommendationQuery; total: number; prisma: number[]; raw: number[] };

/** The two statements of `listRecommendations`, run in parallel through raw pg as the function runs them. */
async function rawList(pool: pg.Pool, query: RecommendationQuery, scope: ViewerScope): Promise<{ rows: number; total: number }> {
  const sql = recommendationPageSql(query, scope);
  const [page, count] = await Promise.all([
    pool.query(sql.page.text, sql.page.values),
    pool.query<{ total: number }>(sql.count.text, sql.count.values),
  ]);
  return { rows: page.rowCount ?? 0, total: count.rows[0]?.total ?? 0 };
}

/**
 * Times each query through the app (`listRecommendations`, Prisma) and through raw pg, after a warm-up. The two
 * alternate which goes first on every iteration, so neither always meets a cache the other just warmed.
 */
export async function measureList(pool: pg.Pool, iterations: number, scope: ViewerScope, progress: (message: string) => void): Promise<ListResult[]> {
  const results: ListResult[] = [];
  for (const search of LIST_QUERIES) {
    progress(`List: ${search || "(no filter)"}`);
    const query = parseQuery(search);
    const viaApp = await listRecommendations(query, scope);
    const viaPg = await rawList(pool, query, scope);
    if (viaApp.total !== viaPg.total || viaApp.items.length !== viaPg.rows) {
      throw new Error(`"${search}": the app returned ${viaApp.total}/${viaApp.items.length}, raw pg ${viaPg.total}/${viaPg.rows}.`);
    }
    const { app: prisma, raw } = await timeAlternating(() => listRecommendations(query, scope), () => rawList(pool, query, scope), iterations, WARM_UP);
    results.push({ search, query, total: viaApp.total, prisma, raw });
  }
  return results;
}

export function listReport(results: ListResult[], iterations: number, poolSize: number): string[] {
  const rows = results.map((result) => comparisonRow(result.search || "(no filter)", result.total, { app: result.prisma, raw: result.raw }, { ratio: TARGET_RATIO, p95Ms: TARGET_P95_MS }));
  return [
    `List: listRecommendations (Prisma + adapter-pg) vs the same page + count statements through raw pg, both pools max ${poolSize},`,
    `${WARM_UP} warm-up rounds then ${iterations} timed iterations per query, run one after the other (no concurrent load).`,
    `Targets: app p50 / raw p50 <= ${TARGET_RATIO}, app p95 < ${TARGET_P95_MS} ms.`,
    "",
    ...table(["query (API parameters)", "total", "app p50", "app p95", "raw p50", "raw p95", "app/raw p50", `ratio <= ${TARGET_RATIO}`, `app p95 < ${TARGET_P95_MS} ms`], rows),
  ];
}

/** The query whose app p50 is the highest: the one worth an EXPLAIN. */
export function slowest(results: ListResult[]): ListResult {
  return results.reduce((worst, result) => (percentile(result.prisma, 50) > percentile(worst.prisma, 50) ? result : worst));
}
