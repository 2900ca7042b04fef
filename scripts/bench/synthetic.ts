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

/** Rows copied per statement: keeps each INSERT … SELECT around 25,000 rows so progress can be shown. */
const ROWS_PER_STEP = 25_000;
const MAX_CYCLE = 9;

/**
 * Grows the database to `totalRows` recommendations with the whole UPR's shape: every real Country that has no review
 * yet (every State but China, ~194) gets one synthetic review per cycle 1..4, so ~780 reviews share the rows evenly
 * (~320 each at 250,000). A review's recommendations are a slice of the real texts (in document order, wrapping
 * round), each review's slice starting where the previous one ended, so every real text is used about equally.
 * Texts, positions, wordings, themes and recommending States are the real ones; a recommending State equal to the
 * synthetic State under review is replaced by the real State under review, so no State recommends to itself.
 * Set-based: INSERT … SELECT with computed ids, no row loop in Node.
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
    const free = await scalar(client, `SELECT count(*)::int FROM "Country" c WHERE NOT EXISTS (SELECT 1 FROM "Review" v WHERE v."stateUnderReviewIso3" = c."iso3")`);
    if (free === 0) throw new Error("No State without a review is left to give synthetic reviews to.");
    // A review holds at most every real text once: more rows than States × 4 cycles × the real texts need more cycles.
    const cycles = Math.max(4, Math.ceil(needed / (free * realRows)));
    if (cycles > MAX_CYCLE) throw new Error(`--rows ${totalRows} needs more than ${free} States × ${MAX_CYCLE} cycles of ${realRows} rows.`);
    const reviews = needed === 0 ? 0 : free * cycles;

    // Review k: State number floor(k / cycles), cycle k % cycles + 1; it holds `len` rows, the real texts
    // start .. start + len - 1 (modulo the real count), and its copies' ids follow those of reviews 0 .. k - 1.
    await client.query(
      `CREATE TEMP TABLE bench_review AS
       WITH c AS (SELECT "iso3", (row_number() OVER (ORDER BY "iso3") - 1)::int AS "i" FROM "Country" c
                  WHERE NOT EXISTS (SELECT 1 FROM "Review" v WHERE v."stateUnderReviewIso3" = c."iso3")),
            k AS (SELECT k::int AS "k", (($3::bigint / $1) * k + LEAST(k, $3::bigint % $1))::int AS "offset",
                    ($3::bigint / $1 + CASE WHEN k < $3::bigint % $1 THEN 1 ELSE 0 END)::int AS "len"
                  FROM generate_series(0, $1::int - 1) k)
       SELECT k."k", c."iso3" AS "sur", (k."k" % $2 + 1)::int AS "cycle", k."offset", k."len",
         (k."offset" % $4)::int AS "start", NULL::int AS "reviewId"
       FROM k JOIN c ON c."i" = k."k" / $2`,
      [reviews, cycles, needed, realRows],
    );
    // Dates roughly where the real cycles fell (2008-2011, 2012-2016, 2017-2021, 2022-2026), spread over the months.
    await client.query(`INSERT INTO "Review" ("stateUnderReviewIso3", "cycle", "reviewDate", "reportedSource", "updatedAt")
      SELECT "sur", "cycle", make_date(2008 + ("cycle" - 1) * 5 + ("k" / $1) % 4, 1 + ("k" / $1) % 12, 1),
        'synthetic: real texts repeated by npm run bench', now() FROM bench_review ORDER BY "k"`, [cycles]);
    await client.query(`UPDATE bench_review b SET "reviewId" = v."id" FROM "Review" v
      WHERE v."stateUnderReviewIso3" = b."sur" AND v."cycle" = b."cycle"`);

    const base = await scalar(client, `SELECT COALESCE(max("id"), 0)::int FROM "Recommendation"`);
    // The row's place in its review's slice, and the new id computed from it, so the State and theme rows can be
    // copied by the same arithmetic.
    const place = `((t."n" - b."start" + $2::int) % $2::int)`;
    const newId = `$1::int + 1 + b."offset" + ${place}`;
    const slice = `${place} < b."len" AND b."k" >= $3::int AND b."k" < $4::int`;
    const perStep = Math.max(1, Math.floor(ROWS_PER_STEP / Math.max(1, Math.ceil(needed / Math.max(reviews, 1)))));
    let copied = 0;
    for (let from = 0; from < reviews; from += perStep) {
      const params = [base, realRows, from, Math.min(from + perStep, reviews)];
      const inserted = await client.query(
        `INSERT INTO "Recommendation" ("id", "reviewId", "paragraph", "text", "sourceDocumentId", "sourceKey", "ordinal", "position",
           "responseWording", "positionSource", "actionCategory", "actionCategorySource", "actionCategoryMethod", "actionCategoryRules", "originalActionCategory",
           "partActionCategories", "updatedAt")
         SELECT ${newId}, b."reviewId", r."paragraph", r."text", r."sourceDocumentId", 'bench:' || b."sur" || ':c' || b."cycle" || ':' || r."id",
           ${place}, r."position", r."responseWording", r."positionSource", r."actionCategory", r."actionCategorySource", r."actionCategoryMethod", r."actionCategoryRules", r."originalActionCategory",
           r."partActionCategories", now()
         FROM bench_review b CROSS JOIN bench_template t JOIN "Recommendation" r ON r."id" = t."id"
         WHERE ${slice} ORDER BY b."k", ${place}`,
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
      copied += inserted.rowCount ?? 0;
      progress(copied, needed);
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
