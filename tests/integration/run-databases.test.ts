import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { databaseUrl, dropRunDatabases, newRunTag, uniqueDatabaseName } from "@/tests/helpers/postgres-server";

/** What `npm test` does after an interruption (scripts/test.ts): drop every database its run created, and no other. */
describe("dropRunDatabases", () => {
  const baseUrl = inject("pgBaseUrl");

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: databaseUrl(baseUrl, "postgres") });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  const exists = (name: string) => admin(async (client) => (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);

  it("drops the run's databases, a template among them, and leaves another run's alone", async () => {
    const [run, other] = [newRunTag(), newRunTag()];
    const previous = process.env.UPR_TEST_RUN;
    const names: string[] = [];
    try {
      for (const tag of [run, run, other]) {
        process.env.UPR_TEST_RUN = tag;
        names.push(uniqueDatabaseName("upr_test"));
      }
    } finally {
      process.env.UPR_TEST_RUN = previous;
    }
    const [mine, template, theirs] = names as [string, string, string];
    expect(mine).toContain(`_${run}_`);
    await admin(async (client) => {
      for (const name of names) await client.query(`CREATE DATABASE "${name}"`);
      await client.query(`ALTER DATABASE "${template}" IS_TEMPLATE true`);
    });
    try {
      // A connection held open, as a test file killed mid-query leaves one.
      const held = new pg.Client({ connectionString: databaseUrl(baseUrl, mine) });
      await held.connect();
      held.on("error", () => {});
      expect((await dropRunDatabases(baseUrl, run)).sort()).toEqual([mine, template].sort());
      await held.end().catch(() => {});
      expect(await exists(mine)).toBe(false);
      expect(await exists(template)).toBe(false);
      expect(await exists(theirs)).toBe(true);
      // A tag that could reach into other names is refused.
      await expect(dropRunDatabases(baseUrl, "%")).rejects.toThrow("not a run tag");
    } finally {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${theirs}" WITH (FORCE)`));
    }
  });
});
