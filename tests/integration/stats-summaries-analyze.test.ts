import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { refreshStaleSummaries } from "@/lib/server/stats/summary-refresh";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * A bulk recount of the summaries refreshes the planner's statistics of the summary tables (a plan made on the old
 * statistics scanned every summary row for a two-review chart); a recount of a few reviews leaves that to autovacuum.
 */
let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let client: pg.Client;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function manualAnalyses(): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT coalesce(sum("analyze_count"), 0)::int AS "n" FROM pg_stat_user_tables WHERE relname IN ('StatsSummary', 'StatsRollup')`,
  );
  return rows[0]!.n;
}

async function markEveryReview(): Promise<number> {
  const { rowCount } = await client.query(`INSERT INTO "StatsSummaryStale" ("reviewId") SELECT "id" FROM "Review"`);
  return rowCount ?? 0;
}

it("analyses the summary tables after recounting at least the threshold of reviews, not after a few", async () => {
  const reviews = await markEveryReview();
  expect(reviews).toBeGreaterThan(1);
  const before = await manualAnalyses();
  // Below the threshold: recounted, not analysed.
  expect(await refreshStaleSummaries(getDb(), undefined, 50, reviews + 1)).toBe(reviews);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await manualAnalyses()).toBe(before);

  await markEveryReview();
  expect(await refreshStaleSummaries(getDb(), undefined, 50, reviews)).toBe(reviews);
  // Statistics reach the view within a second or so.
  await expect.poll(manualAnalyses, { timeout: 10_000 }).toBe(before + 2);
});
