import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "@/lib/server/db";
import { seedRealData } from "@/lib/server/seed";
import { databaseUrl, seededTemplateName, uniqueDatabaseName } from "./postgres-server";

/**
 * A fresh, migrated database for one test file, copied from the run's template (or from `template`). Sets DATABASE_URL
 * so the app's own client (lib/server/db.ts) uses it. Call `drop` in afterAll.
 */
export async function createTestDatabase(template: string = inject("templateDatabase")): Promise<{ url: string; drop: () => Promise<void> }> {
  const baseUrl = inject("pgBaseUrl");
  const name = uniqueDatabaseName("upr_test");
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const url = databaseUrl(baseUrl, name);
  await disconnectDb();
  process.env.DATABASE_URL = url;
  return {
    url,
    drop: async () => {
      await disconnectDb();
      const cleaner = new pg.Client({ connectionString: baseUrl });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleaner.end();
    },
  };
}

/**
 * The run's template with the real data loaded by `seedRealData` (as `npm start` loads it), made by the first test
 * file that asks and copied by every later one: the seed parses the official documents, which takes seconds each time.
 * The files of a run take turns under an advisory lock; the template is seeded under another name and renamed when
 * complete, so no file ever copies a half-seeded one.
 */
async function seededTemplate(): Promise<string> {
  const baseUrl = inject("pgBaseUrl");
  const template = inject("templateDatabase");
  const seeded = seededTemplateName(template);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [seeded]);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [seeded]);
    if (!rowCount) {
      const building = `${seeded}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}" TEMPLATE "${template}"`);
      const previous = process.env.DATABASE_URL;
      await disconnectDb();
      process.env.DATABASE_URL = databaseUrl(baseUrl, building);
      try {
        await seedRealData();
      } finally {
        // A template is copied only while nobody is connected to it.
        await disconnectDb();
        process.env.DATABASE_URL = previous;
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${seeded}"`);
    }
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [seeded]).catch(() => {});
    await admin.end();
  }
  return seeded;
}

/** A fresh database for one test file holding the real China data exactly as `seedRealData` loads it. */
export async function createSeededTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createTestDatabase(await seededTemplate());
}

/** For a test file that reads the real China data: its own database, seeded before and dropped after the file. */
export function withSeededDatabase(): void {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    database = await createSeededTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
}
