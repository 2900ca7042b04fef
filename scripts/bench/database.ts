import { dropDatabase, ensureDatabaseExists, migrate } from "@/lib/database/postgres";
import { disconnectDb } from "@/lib/server/db";
import { seedRealData } from "@/lib/server/seed";
import { acquirePostgres, databaseUrl, uniqueDatabaseName } from "@/tests/helpers/postgres-server";

export type BenchDatabase = {
  url: string;
  name: string;
  server: string;
  /** Closes the app's client, then drops the database (unless kept) and stops a private cluster. Safe to call twice. */
  release: (options: { keep: boolean }) => Promise<void>;
};

/**
 * Names a database of its own on the PostgreSQL the tests would use (nothing is created yet), so the caller can
 * register `release` for Ctrl-C and errors before anything exists to clean up. A section may end the name with a
 * suffix of its own (upr_<unique>_<suffix>), to tell its databases apart.
 */
export async function openBenchDatabase(log: (message: string) => void, suffix?: string): Promise<BenchDatabase> {
  const server = await acquirePostgres();
  const name = suffix ? `${uniqueDatabaseName("upr")}_${suffix}` : uniqueDatabaseName("upr_bench");
  const url = databaseUrl(server.baseUrl, name);
  let released: Promise<void> | null = null;
  const release = ({ keep }: { keep: boolean }): Promise<void> =>
    (released ??= (async () => {
      await disconnectDb().catch(() => {});
      if (keep) return;
      await dropDatabase(url).catch((error: Error) => log(`Could not drop ${name}: ${error.message}`));
      await server.stop();
    })());
  return { url, name, server: server.description, release };
}

/** Creates and migrates the database, then loads the real China data through the app's own seed. */
export async function loadRealData(db: BenchDatabase, log: (message: string) => void): Promise<void> {
  await ensureDatabaseExists(db.url);
  await migrate(db.url, { quiet: true });
  // getDb() reads DATABASE_URL lazily: from here on the app's client (and everything built on it) uses this database.
  process.env.DATABASE_URL = db.url;
  await seedRealData({ log });
  await disconnectDb();
}
