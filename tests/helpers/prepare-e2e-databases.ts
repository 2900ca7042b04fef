/**
 * `npm test` runs this (with `--conditions=react-server`, as `npm start` runs) while vitest runs: the end-to-end
 * workers' databases, migrated and loaded with the real data as `npm start` loads it, the first made so and the others
 * copied from it. Each worker's server (scripts/start.ts) then finds its database ready, as a restart of `npm start`
 * does, instead of parsing the official documents itself. Arguments: the first worker's database URL, the worker count.
 */
import pg from "pg";
import { databaseName, dropDatabase, ensureDatabaseExists, migrate, withDatabase } from "@/lib/database/postgres";
import { disconnectDb } from "@/lib/server/db";
import { seedRealData } from "@/lib/server/seed";
import { workerDatabaseUrl } from "./e2e-workers";

async function main(): Promise<void> {
  const [url, count] = process.argv.slice(2);
  if (!url) throw new Error("usage: prepare-e2e-databases <first worker's database URL> <workers>");
  const workers = Math.max(1, Number(count) || 1);
  await ensureDatabaseExists(url);
  await migrate(url, { quiet: true });
  process.env.DATABASE_URL = url;
  await seedRealData();
  // A database is copied only while nobody is connected to it.
  await disconnectDb();
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    for (let index = 1; index < workers; index++) {
      const copy = workerDatabaseUrl(url, index);
      await dropDatabase(copy);
      await admin.query(`CREATE DATABASE "${databaseName(copy)}" TEMPLATE "${databaseName(url)}"`);
    }
  } finally {
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
