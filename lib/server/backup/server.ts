import "server-only";
import { spawn } from "node:child_process";
import { ensureDatabaseExists, withClient } from "@/lib/database/postgres";
import { BackupRefused } from "./errors";
import { libpqConnection, pgTool } from "./pg-tools";

/**
 * Backups of a PostgreSQL server: `pg_dump` in its custom format, restored with `pg_restore`. pg_dump reads in one
 * repeatable-read transaction, so the dump is consistent while the app keeps writing.
 */

async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => Math.floor(Number((await client.query<{ v: string }>("SHOW server_version_num")).rows[0]!.v) / 10_000));
}

/** Tables, views and sequences outside PostgreSQL's own schemas: none means the database is empty. */
export async function countUserRelations(url: string): Promise<number> {
  const sql = `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;
  return withClient(url, async (client) => (await client.query<{ n: number }>(sql)).rows[0]!.n);
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = "";
    const child = spawn(tool, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}

/** Writes a custom-format dump of the database at `url` to `file`. */
export async function backupServer(url: string, file: string): Promise<void> {
  const tool = pgTool("pg_dump", await serverMajor(url));
  const { url: target, env } = libpqConnection(url);
  await run(tool, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${target}`], env);
}

/**
 * Restores a dump into the database at `url` (created when missing), in one transaction. A database with tables is
 * refused unless `force`, which first drops everything in its own schemas.
 */
export async function restoreServer(url: string, file: string, options: { force: boolean }): Promise<void> {
  await ensureDatabaseExists(url);
  const tool = pgTool("pg_restore", await serverMajor(url));
  const existing = await countUserRelations(url);
  if (existing > 0 && !options.force) {
    throw new BackupRefused(`The database ${new URL(url).pathname.slice(1)} is not empty (${existing} tables, views or sequences). Restore into an empty database, or add --force to replace its contents.`);
  }
  if (existing > 0) {
    await withClient(url, async (client) => {
      const { rows } = await client.query<{ name: string }>(
        `SELECT nspname AS name FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%'`,
      );
      await client.query("BEGIN");
      for (const { name } of rows) await client.query(`DROP SCHEMA "${name.replaceAll('"', '""')}" CASCADE`);
      await client.query("CREATE SCHEMA public");
      await client.query("COMMIT");
    });
  }
  const { url: target, env } = libpqConnection(url);
  await run(tool, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${target}`, file], env);
}
