import pg from "pg";

/**
 * The tools of the all-or-nothing tests: another session's save of an assessment version, held uncommitted so an
 * import that needs the same (recommendation, organisation, version) key blocks on it; and a wait for that block.
 */
export type HeldAssessment = { commit: () => Promise<void>; rollback: () => Promise<void> };

export async function holdAssessmentVersion(
  url: string,
  key: { recommendationId: number; organizationId: string; authorUserId: string; version: number; rationale: string },
): Promise<HeldAssessment> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "Assessment" (id, "recommendationId", "organizationId", "authorUserId", status, "assessedOn", rationale, confidence, visibility, version)
     VALUES (gen_random_uuid(), $1, $2, $3, 'REGRESSED', '2026-01-01', $4, 'LOW', 'PRIVATE', $5)`,
    [key.recommendationId, key.organizationId, key.authorUserId, key.rationale, key.version],
  );
  const end = (statement: "COMMIT" | "ROLLBACK") => async () => {
    try {
      await client.query(statement);
    } finally {
      await client.end().catch(() => {});
    }
  };
  return { commit: end("COMMIT"), rollback: end("ROLLBACK") };
}

/** How many sessions of the database wait for a lock, polled until `until` holds or about `ms` have passed. */
export async function lockWaiters(url: string, until: (count: number) => boolean, ms = 10_000): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = async () =>
      Number((await client.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].count);
    let current = await count();
    for (let waited = 0; !until(current) && waited < ms; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      current = await count();
    }
    return current;
  } finally {
    await client.end();
  }
}
