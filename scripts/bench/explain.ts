import type pg from "pg";
import type { RecommendationQuery } from "@/lib/search-params";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { recommendationPageSql } from "@/lib/server/recommendations";

const BIG_TABLE_SEQ_SCAN = /Seq Scan on "?(Recommendation|RecommendationState|RecommendationTheme)"?(?![A-Za-z])/;
const INDEX_USE = /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?([A-Za-z0-9_]+)"?/;
/** Sorts (spilling to disk?), JIT compile time (it can dwarf a short query) and the totals. */
const WORTH_SHOWING = /Sort Method|^Timing: Generation|Execution Time|Planning Time/;

const ROWS = /rows=(\d+) width=.*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/;
const MAX_MISESTIMATES = 4;

/**
 * A node that returned 10x or more the rows the planner expected (and at least a thousand): it chose its join
 * method blind there. Overestimates are left out: under a LIMIT they are normal.
 */
function misestimate(line: string): string | null {
  const match = ROWS.exec(line);
  if (!match) return null;
  const [estimated, actual] = [Number(match[1]), Number(match[2])];
  return actual >= 1000 && actual >= 10 * Math.max(1, estimated) ? `${line.replace(/\s*\(cost=.*$/, "")}: estimated ${estimated} rows, actual ${actual}` : null;
}

/** Plan lines, stripped of indentation and arrows, that say how a statement ran: top node, big scans, sorts, indexes. */
export function summarisePlan(plan: string[]): string[] {
  const clean = plan.map((line) => line.trim().replace(/^->\s*/, ""));
  const indexes = [...new Set(clean.flatMap((line) => INDEX_USE.exec(line)?.[1] ?? []))];
  const lines: string[] = [`top:      ${clean[0] ?? "(no plan)"}`];
  const buffers = clean[1]?.startsWith("Buffers:") ? clean[1] : clean.find((line) => line.startsWith("Buffers:"));
  if (buffers) lines.push(`          ${buffers}`);
  for (const line of clean) {
    if (BIG_TABLE_SEQ_SCAN.test(line)) lines.push(`seq scan: ${line}`);
    else if (WORTH_SHOWING.test(line)) lines.push(`          ${line}`);
  }
  for (const line of clean.flatMap((planLine) => misestimate(planLine) ?? []).slice(0, MAX_MISESTIMATES)) lines.push(`estimate: ${line}`);
  lines.push(`indexes:  ${indexes.length > 0 ? indexes.join(", ") : "none"}`);
  return lines;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page and the count statement of one list query, summarised. */
export async function explainList(pool: pg.Pool, query: RecommendationQuery, scope: ViewerScope = {}): Promise<{ page: string[]; count: string[] }> {
  const sql = recommendationPageSql(query, scope);
  const explain = async (statement: { text: string; values: unknown[] }): Promise<string[]> => {
    const result = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    return summarisePlan(result.rows.map((row) => row["QUERY PLAN"]));
  };
  return { page: await explain(sql.page), count: await explain(sql.count) };
}
