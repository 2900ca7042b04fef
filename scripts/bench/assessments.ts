import pg from "pg";

export type SyntheticAssessments = { assessments: number; organizationIds: string[] };

/** Synthetic organisations: every how many recommendations each one assesses (by id), so their sets overlap. */
const ORGANIZATIONS: [id: string, every: number][] = [
  ["bench-org-1", 10],
  ["bench-org-2", 25],
  ["bench-org-3", 50],
];
const VERSIONS = 2;

/**
 * Implementation assessments for the status filter: three organisations assess every 10th, 25th and 50th
 * recommendation, two versions each, statuses spread over all six values and about a third of the versions private
 * (so an organisation's latest public one is often an earlier version). Set-based, then vacuumed and analysed.
 * Returns the organisations, the first of which the bench uses as "my organisation" for `statusOf=mine`.
 */
export async function addSyntheticAssessments(url: string): Promise<SyntheticAssessments> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ('bench-user', 'Bench', 'bench@example.invalid', now())`);
    for (const [id] of ORGANIZATIONS) {
      await client.query(`INSERT INTO "Organization" ("id", "name", "slug") VALUES ($1, $1, $1)`, [id]);
    }
    const inserted = await client.query(
      `INSERT INTO "Assessment" ("id", "recommendationId", "organizationId", "authorUserId", "status", "assessedOn", "rationale",
         "confidence", "visibility", "version")
       SELECT gen_random_uuid()::text, r."id", o."id", 'bench-user', (enum_range(NULL::"AssessmentStatus"))[1 + (r."id" / o."every" + v) % 6],
         DATE '2026-01-01', 'synthetic', 'MEDIUM', (CASE WHEN (r."id" + v) % 3 = 0 THEN 'PRIVATE' ELSE 'PUBLIC' END)::"Visibility", v
       FROM "Recommendation" r
       JOIN unnest($1::text[], $2::int[]) o("id", "every") ON r."id" % o."every" = 0
       CROSS JOIN generate_series(1, $3::int) v`,
      [ORGANIZATIONS.map(([id]) => id), ORGANIZATIONS.map(([, every]) => every), VERSIONS],
    );
    await client.query(`VACUUM (ANALYZE) "Assessment"`);
    return { assessments: inserted.rowCount ?? 0, organizationIds: ORGANIZATIONS.map(([id]) => id) };
  } finally {
    await client.end();
  }
}
