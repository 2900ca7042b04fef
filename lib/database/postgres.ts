import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded";
import { isDatabaseUnavailable } from "./unavailable";

/** A database the process can use: the server named by DATABASE_URL, or the embedded one. */
export type DatabaseHandle = {
  url: string;
  kind: "external" | "embedded";
  stop: () => Promise<void>;
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

/** Prisma's JS schema engine does not create the database, so do it first. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL at ${new URL(url).host}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName(url).replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export { withDatabase };

/** `work` on a connection of its own to `url`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * True when every committed migration is recorded as applied, unchanged (Prisma's checksum is the SHA-256 of the
 * migration.sql), and nothing else is: then `prisma migrate deploy` would do nothing, and its start-up (about 2 s) is
 * skipped. Any doubt (no table yet, a failed or unknown migration) is left to Prisma.
 */
async function migrationsUpToDate(url: string): Promise<boolean> {
  const directory = path.resolve("prisma", "migrations");
  const local = new Map<string, string>();
  for (const name of fs.readdirSync(directory)) {
    const file = path.join(directory, name, "migration.sql");
    if (fs.existsSync(file)) local.set(name, createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished: boolean }>(
      `SELECT migration_name, checksum, (finished_at IS NOT NULL AND rolled_back_at IS NULL) AS finished FROM "_prisma_migrations"`,
    );
    const applied = rows.filter((row) => row.finished);
    return rows.length === applied.length && applied.length === local.size && applied.every((row) => local.get(row.migration_name) === row.checksum);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Applies the committed migrations (`prisma migrate deploy`), unless they all are already. */
export async function migrate(url: string, options: { quiet?: boolean } = {}): Promise<void> {
  if (await migrationsUpToDate(url)) return;
  const prisma = path.resolve("node_modules", ".bin", "prisma");
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const child = spawn(prisma, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        if (!options.quiet && /applied/i.test(output) && !/No pending migrations/i.test(output)) {
          process.stderr.write("Database migrated.\n");
        }
        resolve();
      } else reject(new Error(`Migration failed:\n${output.trim()}`));
    });
  });
}

/**
 * Waits for the server of `url` to accept connections (and creates the database when missing): a database that is not
 * up yet (still starting, restarting, its container not ready) is waited for, saying so on each attempt, with pauses
 * growing from 1 to 5 s. Anything else (a wrong password, a refused role) fails at once.
 */
export async function waitForDatabase(url: string, options: { log?: (message: string) => void; pauseMs?: number } = {}): Promise<void> {
  const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
  for (let attempt = 1; ; attempt++) {
    try {
      await ensureDatabaseExists(url);
      if (attempt > 1) log(`PostgreSQL at ${new URL(url).host} is up.`);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable((error as Error).cause)) throw error;
      const pause = options.pauseMs ?? Math.min(1000 * attempt, 5000);
      log(`Waiting for PostgreSQL at ${new URL(url).host}… (attempt ${attempt}: ${((error as Error).cause as Error).message || (error as Error).message})`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * DATABASE_URL when set (with `wait`, waited for while it is not up yet: waitForDatabase); otherwise the embedded
 * PostgreSQL in ./.upr-data (or EMBEDDED_DB_DIR), started here or, when the app already serves it, attached to.
 */
export async function openDatabase(options: { wait?: boolean; log?: (message: string) => void } = {}): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    if (options.wait) await waitForDatabase(external, options);
    else await ensureDatabaseExists(external);
    return { url: external, kind: "external", stop: async () => {} };
  }
  const server: EmbeddedServer = await startEmbeddedServer();
  return { url: server.url, kind: "embedded", stop: server.stop };
}
