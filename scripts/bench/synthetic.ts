import pg from "pg";
import { getDb } from "@/lib/server/db";
import { refreshRecommendationSearchIndex } from "@/lib/server/recommendation-index";
import { refreshSimilarityParts } from "@/lib/server/recurrence/similarity-parts";

export type SyntheticSet = {
  realRows: number;
  syntheticRows: number;
  syntheticReviews: number;
  statesUnderReview: number;
  cycles: number;
  recommendingStateRows: number;
  themeRows: number;
  vacuumAnalyzeMs: number;
};

/** Reviews copied per statement: keeps each INSERT … SELECT around 25,000 rows so progress can be shown. */
const REVIEWS_PER_STEP = 35;
const MAX_CYCLE = 9;

/**
 * Grows the database to `totalRows` recommendations by copying the real ones (all of them, in document order) into
 * synthetic reviews: (a real Country that has no review yet, cycle 1..4), 4 cycles per State so every cycle gets
 * about a quarter of the rows. Texts, positions, wordings, themes and recommending States are the real ones; a
 * recommending State equal to the synthetic State under review is replaced by the real State under review, so no
 * State recommends to itself. Set-based: INSERT … SELECT over generate_series, ids computed, no row loop in Node.
 */
export async function buildSyntheticSet(url: string, totalRows: number, progress: (done: number, total: number) => void): Promise<SyntheticSet> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query(`CREATE TEMP TABLE bench_template AS
      SELECT r."id", (row_number() OVER (ORDER BY v."cycle", r."ordinal", r."id") - 1)::int AS "n", v."stateUnderReviewIso3" AS "sur"
      FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"`);
    const realRows = await scalar(client, `SELECT count(*)::int FROM bench_template`);
    if (realRows === 0) throw new Error("The real data did not load: no recommendation to repeat.");
    const needed = Math.max(0, totalRows - realRows);
    const reviews = Math.ceil(needed / realRows);
    const free = await scalar(client, `SELECT count(*)::int FROM "Country" c WHERE NOT EXISTS (SELECT 1 FROM "Review" v WHERE v."stateUnderReviewIso3" = c."iso3")`);
    const cycles = Math.max(4, Math.ceil(reviews / Math.max(free, 1)));
    if (cycles > MAX_CYCLE) throw new Error(`--rows ${totalRows} needs more than ${free} States × ${MAX_CYCLE} cycles of ${realRows} rows.`);

    // One synthetic review per slot k: State number floor(k / cycles), cycle k % cycles + 1.
    await client.query(
      `CREATE TEMP TABLE bench_review AS
       WITH c AS (SELECT "iso3", (row_number() OVER (ORDER BY "iso3") - 1)::int AS "i" FROM "Country" c
                  WHERE NOT EXISTS (SELECT 1 FROM "Review" v WHERE v."stateUnderReviewIso3" = c."iso3"))
       SELECT k::int AS "k", c."iso3" AS "sur", (k % $2 + 1)::int AS "cycle", NULL::int AS "reviewId"
       FROM generate_series(0, $1::int - 1) k JOIN c ON c."i" = k / $2`,
      [reviews, cycles],
    );
    await client.query(`INSERT INTO "Review" ("stateUnderReviewIso3", "cycle", "reportedSource", "updatedAt")
      SELECT "sur", "cycle", 'synthetic: real texts repeated by npm run bench', now() FROM bench_review ORDER BY "k"`);
    await client.query(`UPDATE bench_review b SET "reviewId" = v."id" FROM "Review" v
      WHERE v."stateUnderReviewIso3" = b."sur" AND v."cycle" = b."cycle"`);

    const base = await scalar(client, `SELECT COALESCE(max("id"), 0)::int FROM "Recommendation"`);
    // The new id is computed, so the State and theme rows can be copied by the same arithmetic.
    const newId = `$1::int + 1 + b."k" * $2::int + t."n"`;
    const slice = `b."k" * $2::int + t."n" < $3::int AND b."k" >= $4::int AND b."k" < $5::int`;
    for (let from = 0; from < reviews; from += REVIEWS_PER_STEP) {
      const params = [base, realRows, needed, from, Math.min(from + REVIEWS_PER_STEP, reviews)];
      await client.query(
        `INSERT INTO "Recommendation" ("id", "reviewId", "paragraph", "text", "sourceDocumentId", "sourceKey", "ordinal", "position",
           "responseWording", "positionSource", "actionCategory", "actionCategorySource", "actionCategoryMethod", "actionCategoryRules", "originalActionCategory",
           "partActionCategories", "updatedAt")
         SELECT ${newId}, b."reviewId", r."paragraph", r."text", r."sourceDocumentId", 'bench:' || b."sur" || ':c' || b."cycle" || ':' || r."id",
           t."n", r."position", r."responseWording", r."positionSource", r."actionCategory", r."actionCategorySource", r."actionCategoryMethod", r."actionCategoryRules", r."originalActionCategory",
           r."partActionCategories", now()
         FROM bench_review b CROSS JOIN bench_template t JOIN "Recommendation" r ON r."id" = t."id"
         WHERE ${slice} ORDER BY b."k", t."n"`,
        params,
      );
      await client.query(
        `INSERT INTO "RecommendationState" ("recommendationId", "countryIso3", "ordinal")
         SELECT ${newId}, CASE WHEN rs."countryIso3" = b."sur" THEN t."sur" ELSE rs."countryIso3" END, rs."ordinal"
         FROM bench_review b CROSS JOIN bench_template t JOIN "RecommendationState" rs ON rs."recommendationId" = t."id"
         WHERE ${slice} ON CONFLICT DO NOTHING`,
        params,
      );
      await client.query(
        `INSERT INTO "RecommendationTheme" ("recommendationId", "themeId", "primary")
         SELECT ${newId}, rt."themeId", rt."primary"
         FROM bench_review b CROSS JOIN bench_template t JOIN "RecommendationTheme" rt ON rt."recommendationId" = t."id"
         WHERE ${slice}`,
        params,
      );
      progress(Math.min((from + REVIEWS_PER_STEP) * realRows, needed), needed);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('"Recommendation"', 'id'), (SELECT max("id") FROM "Recommendation"))`);
    // The search arrays (regions, theme ids), computed from the join rows as the importer does.
    await refreshRecommendationSearchIndex(getDb());
    // The texts' comparable parts (across-cycles suggestions), as the importer writes them.
    await refreshSimilarityParts(getDb(), { missing: "all" });
    const vacuumStarted = performance.now();
    // VACUUM too: it sets the visibility map, as autovacuum would on a live database, so index-only scans are real.
    await client.query("VACUUM (ANALYZE)");
    const vacuumAnalyzeMs = performance.now() - vacuumStarted;

    const counts = await client.query<{ recs: number; states: number; themes: number; surs: number }>(`SELECT
      (SELECT count(*)::int FROM "Recommendation" WHERE "sourceKey" LIKE 'bench:%') AS "recs",
      (SELECT count(*)::int FROM "RecommendationState") AS "states",
      (SELECT count(*)::int FROM "RecommendationTheme") AS "themes",
      (SELECT count(DISTINCT "sur")::int FROM bench_review) AS "surs"`);
    const row = counts.rows[0]!;
    return {
      realRows,
      syntheticRows: row.recs,
      syntheticReviews: reviews,
      statesUnderReview: row.surs,
      cycles,
      recommendingStateRows: row.states,
      themeRows: row.themes,
      vacuumAnalyzeMs,
    };
  } finally {
    await client.end();
  }
}

async function scalar(client: pg.Client, sql: string): Promise<number> {
  const result = await client.query<[number]>({ text: sql, rowMode: "array" });
  return Number(result.rows[0]?.[0] ?? 0);
}
