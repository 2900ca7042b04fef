import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "@/lib/server/db";
import { seedRealData } from "@/lib/server/seed";
import { databaseUrl, uniqueDatabaseName } from "./postgres-server";

/**
 * A fresh, migrated database for one test file, copied from the run's template. Sets DATABASE_URL so the
 * app's own client (lib/server/db.ts) uses it. Call `drop` in afterAll.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const baseUrl = inject("pgBaseUrl");
  const name = uniqueDatabaseName("upr_test");
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
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

/** For a test file that reads the real China data: its own database, seeded before and dropped after the file. */
export function withSeededDatabase(): void {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedRealData();
  });
  afterAll(async () => {
    await database?.drop();
  });
}
