import "server-only";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BackupRefused } from "./errors";

/**
 * pg_dump and pg_restore, from Debian's postgresql-client. A pg_dump can dump servers of its own major version and
 * older ones, never newer ones, so the newest installed client is taken and checked against the server.
 */

export const CLIENT_INSTALL_HINT = "On Debian or Ubuntu: sudo apt-get install -y postgresql-client";

function newerHint(major: number): string {
  return (
    `A PostgreSQL ${major} server needs pg_dump ${major} or newer: install postgresql-client-${major} ` +
    `(on Debian or Ubuntu from the PostgreSQL project's apt repository, apt.postgresql.org: sudo apt-get install -y postgresql-client-${major}).`
  );
}

/** The newest `name` installed: Debian's versioned directories first (/usr/lib/postgresql/N/bin), then the PATH. */
export function findPgTool(name: "pg_dump" | "pg_restore"): string | null {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", name))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions[0]) return path.join(root, versions[0], "bin", name);
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** The major version a pg_dump or pg_restore reports (`pg_dump (PostgreSQL) 15.20 (Debian …)` gives 15). */
export function toolMajor(tool: string): number {
  const result = spawnSync(tool, ["--version"], { encoding: "utf8" });
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? "");
  if (!match) throw new Error(`Cannot tell the version of ${tool}: ${result.stderr || result.stdout}`);
  return Number(match[1]);
}

/** The tool, checked against the server's major version. */
export function pgTool(name: "pg_dump" | "pg_restore", serverMajor: number): string {
  const tool = findPgTool(name);
  if (!tool) throw new BackupRefused(`${name} was not found. ${CLIENT_INSTALL_HINT} (version ${serverMajor} or newer).`);
  const major = toolMajor(tool);
  if (major < serverMajor) throw new BackupRefused(`${tool} is version ${major}, the server ${serverMajor}. ${newerHint(serverMajor)}`);
  return tool;
}

/** Query parameters libpq understands; others (Prisma's `schema`, `connection_limit`…) would make it refuse the URL. */
const LIBPQ_PARAMS = new Set(["sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "application_name", "connect_timeout", "options", "target_session_attrs", "host", "port"]);

/**
 * The connection for a libpq tool: a URL without the password (which would show in the process list) and the
 * environment that carries it.
 */
export function libpqConnection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const key of [...parsed.searchParams.keys()]) if (!LIBPQ_PARAMS.has(key)) parsed.searchParams.delete(key);
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}
