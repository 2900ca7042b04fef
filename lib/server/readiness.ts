import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "./db";

/**
 * Readiness for proxies and orchestrators (GET /api/ready): the database answers, and every migration that ships
 * with this build is applied (recorded as finished, not rolled back, with the same checksum as its migration.sql), so
 * an instance of a newer build is not sent traffic before `npm run db:migrate` (or `npm start`) has run.
 */
export type Readiness = { ready: true } | { ready: false; reason: "database_unreachable" } | { ready: false; reason: "migrations_pending"; pending: string[] };

type AppliedRow = { migration_name: string; checksum: string };

/** The migrations that ship: folder name → SHA-256 of its migration.sql (Prisma's checksum). */
function shippedMigrations(): Map<string, string> {
  const directory = path.join(process.cwd(), "prisma", "migrations");
  const shipped = new Map<string, string>();
  for (const name of fs.readdirSync(directory).sort()) {
    const file = path.join(directory, name, "migration.sql");
    if (fs.existsSync(file)) shipped.set(name, createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
  }
  return shipped;
}

export async function checkReadiness(): Promise<Readiness> {
  let applied: AppliedRow[];
  try {
    applied = await getDb().$queryRaw<AppliedRow[]>`
      SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch (error) {
    // No migrations table at all is a database nothing was applied to; anything else means it cannot be read now.
    const code = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } }).meta?.driverAdapterError?.cause?.originalCode;
    if (code === "42P01") return { ready: false, reason: "migrations_pending", pending: [...shippedMigrations().keys()] };
    return { ready: false, reason: "database_unreachable" };
  }
  const done = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  const pending = [...shippedMigrations()].filter(([name, checksum]) => done.get(name) !== checksum).map(([name]) => name);
  return pending.length === 0 ? { ready: true } : { ready: false, reason: "migrations_pending", pending };
}
