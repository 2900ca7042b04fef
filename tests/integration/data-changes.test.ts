import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenForDataChanges, type DataChangeListener } from "@/lib/http/data-changes";
import { createTestDatabase } from "../helpers/test-database";

/**
 * The cache of anonymous pages (lib/http/page-cache.ts) is only as right as the notifications that empty it: every
 * table whose rows a public page can show notifies `upr_data_changed` on commit; the others stay silent, so that a
 * sign-in or a private note does not empty the cache. A new table must be put in one list or the other.
 */
const NOTIFYING = [
  "Assessment",
  "ActionCategoryOverride",
  "Country",
  "Evidence",
  "Finding",
  "FindingLink",
  "FindingTheme",
  "Organization",
  "Recommendation",
  "RecommendationLink",
  "RecommendationSimilarityPart",
  "RecommendationState",
  "RecommendationText",
  "RecommendationTheme",
  "ReportedResponseCount",
  "Review",
  "ReviewDocument",
  "SourceDocument",
  "Theme",
  "UnDocument",
  "User",
];
/** Never shown to an anonymous reader, or derived from the tables above (the stats summaries, refreshed by readers). */
const SILENT = ["Account", "AuditEvent", "Invitation", "Member", "Note", "Passkey", "RateLimit", "Session", "SignInThrottle", "StatsRollup", "StatsSummary", "StatsSummaryStale", "TwoFactor", "Verification", "_prisma_migrations"];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("data change notifications", () => {
  it("every public table is either notifying or listed as silent", async () => {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT tablename AS "name" FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const { rows: triggered } = await client.query<{ name: string }>(
      `SELECT c.relname AS "name" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'data_changed' AND NOT t.tgisinternal ORDER BY 1`,
    );
    expect(triggered.map((row) => row.name).sort()).toEqual([...NOTIFYING].sort());
    const unlisted = tables.map((row) => row.name).filter((name) => !NOTIFYING.includes(name) && !SILENT.includes(name));
    expect(unlisted, "put each new table in NOTIFYING (and give it the trigger) or in SILENT").toEqual([]);
  });

  it("hears committed writes of public data once per transaction, and nothing else", async () => {
    let changes = 0;
    const states: boolean[] = [];
    const listener = listenForDataChanges(database.url, { onChange: () => changes++, onState: (listening) => states.push(listening) });
    try {
      await waitFor(() => states.at(-1) === true);
      // Becoming ready counts as a change: what happened while nobody listened is unknown.
      const ready = changes;
      expect(ready).toBe(1);

      await client.query(`INSERT INTO "Country" ("iso3", "iso2", "name", "officialName", "unStatus") VALUES ('ZZA', 'Z1', 'Fixture A', 'Fixture A', 'MEMBER')`);
      await waitFor(() => changes === ready + 1);

      // One transaction of several statements on several tables: one notification, at commit.
      await client.query("BEGIN");
      await client.query(`UPDATE "Country" SET "name" = 'Fixture B' WHERE "iso3" = 'ZZA'`);
      await client.query(`UPDATE "Country" SET "name" = 'Fixture C' WHERE "iso3" = 'ZZA'`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(changes).toBe(ready + 1);
      await client.query("COMMIT");
      await waitFor(() => changes === ready + 2);

      // A rolled-back write, and writes to silent tables, notify nothing.
      await client.query("BEGIN");
      await client.query(`DELETE FROM "Country" WHERE "iso3" = 'ZZA'`);
      await client.query("ROLLBACK");
      await client.query(`INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest") VALUES ('fixture', 'fixture', 1, 0)`);
      await client.query(`DELETE FROM "StatsSummaryStale"`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(changes).toBe(ready + 2);
    } finally {
      await listener.stop();
    }
  });

  it("stops (the cache must not serve) when its connection is lost, and comes back by itself", async () => {
    const states: boolean[] = [];
    let changes = 0;
    let listener: DataChangeListener | null = null;
    try {
      listener = listenForDataChanges(database.url, { onChange: () => changes++, onState: (listening) => states.push(listening) }, { retryMs: 50 });
      await waitFor(() => states.at(-1) === true);
      await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'upr-data-changes' AND datname = current_database()`);
      await waitFor(() => states.at(-1) === false);
      await waitFor(() => states.at(-1) === true);
      expect(states).toEqual([true, false, true]);
      // Back, it starts from an empty cache, and hears writes again.
      const before = changes;
      await client.query(`INSERT INTO "Country" ("iso3", "iso2", "name", "officialName", "unStatus") VALUES ('ZZB', 'Z2', 'Fixture B', 'Fixture B', 'MEMBER')`);
      await waitFor(() => changes === before + 1);
    } finally {
      await listener?.stop();
    }
  });

  it("never starts on a database without the notifying triggers", async () => {
    await client.query(`DROP FUNCTION "upr_notify_data_changed"() CASCADE`);
    const states: boolean[] = [];
    const messages: string[] = [];
    const listener = listenForDataChanges(database.url, { onChange: () => {}, onState: (listening) => states.push(listening), log: (message) => messages.push(message) });
    try {
      await waitFor(() => messages.length > 0);
      expect(messages[0]).toMatch(/not cached/);
      expect(states).toEqual([]);
    } finally {
      await listener.stop();
    }
  });
});
