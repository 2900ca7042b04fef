import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/lib/database/embedded";

/**
 * Finds a real PostgreSQL for the tests: UPR_TEST_PG_URL when set; else a server already on
 * 127.0.0.1:5432 (trust auth); else a private throw-away cluster started from Debian's `postgresql`
 * package. Tests create their own databases on it and drop them afterwards.
 */
export type PostgresServer = { baseUrl: string; stop: () => Promise<void>; description: string };

/** A private cluster of this process's, which a test may stop and start again (an outage, a restart), never the shared server on 5432. */
export type PrivateCluster = PostgresServer & {
  port: number;
  /** Stops the server the way an operator's restart does (`pg_ctl stop -m fast`: sessions are terminated). */
  halt: () => void;
  /** Starts it again on the same port and data. */
  resume: () => void;
  /** pg_ctl restart (keeps the options it was started with); returns once it accepts connections again. */
  restart: (mode?: "fast" | "immediate" | "smart") => void;
};

export class MissingPostgresError extends Error {}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export function findPgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl")));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** PostgreSQL refuses to run as root, so a private cluster runs as the `postgres` user when we are root. */
function asPostgres(bin: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", bin, ...args] : [bin, ...args];
}

/** initdb and pg_ctl start of a throw-away cluster in a temporary directory, on a free loopback port (or `port`). */
export async function startPrivateCluster(binDir: string, options: { port?: number } = {}): Promise<PrivateCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upr-pg-"));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
  const port = options.port ?? (await freePort());
  const run = (cmd: string[]): void => {
    const result = spawnSync(cmd[0]!, cmd.slice(1), { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${cmd.join(" ")} failed:\n${result.stderr || result.stdout}`);
  };
  run(asPostgres(path.join(binDir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]));
  const start = (): void =>
    run(
      asPostgres(path.join(binDir, "pg_ctl"), [
        "-D", data, "-l", path.join(dir, "log"), "-w", "start",
        "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      ]),
    );
  start();
  return {
    baseUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    description: `private PostgreSQL cluster on port ${port}`,
    halt: () => run(asPostgres(path.join(binDir, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"])),
    resume: start,
    port,
    restart: (mode = "fast") => run(asPostgres(path.join(binDir, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-m", mode, "-w", "restart"])),
    stop: async () => {
      // Not checked: a test may have left it halted.
      const [command, ...args] = asPostgres(path.join(binDir, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      spawnSync(command!, args);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function acquirePostgres(): Promise<PostgresServer> {
  const given = process.env.UPR_TEST_PG_URL;
  if (given) {
    if (await accepts(given)) return { baseUrl: given, description: `PostgreSQL at ${new URL(given).host}`, stop: async () => {} };
    throw new MissingPostgresError(`UPR_TEST_PG_URL=${given} does not accept connections.`);
  }
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  // UPR_TEST_PG_PRIVATE=1 skips a server on 5432, to exercise the private-cluster path a fresh machine takes.
  if (process.env.UPR_TEST_PG_PRIVATE !== "1" && (await accepts(local))) return { baseUrl: local, description: "PostgreSQL on 127.0.0.1:5432", stop: async () => {} };
  const binDir = findPgBin();
  if (binDir) return startPrivateCluster(binDir);
  throw new MissingPostgresError(
    "The integration and end-to-end tests need PostgreSQL 15 or newer, and none was found.\n" +
      "  - Debian/Ubuntu: sudo apt-get install -y postgresql   (the tests start a private server from it), or\n" +
      "  - start one on 127.0.0.1:5432 with trust auth for user postgres (e.g. docker compose up -d), or\n" +
      "  - set UPR_TEST_PG_URL=postgresql://user:password@host:port/postgres",
  );
}

export function databaseUrl(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A database name no other run or process uses. Under `npm test` it carries the run's tag (UPR_TEST_RUN, set by
 * scripts/test.ts for every process it starts), so the run can find and drop whatever it created, even after an
 * interruption (dropRunDatabases).
 */
export function uniqueDatabaseName(prefix: string): string {
  const run = process.env.UPR_TEST_RUN;
  return `${prefix}_${run ? `${run}_` : ""}${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** A run's tag: a few random letters and digits, as database names hold them unquoted. */
export function newRunTag(): string {
  return `r${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Drops every database on the server whose name carries the run's tag (uniqueDatabaseName), templates included, and
 * returns their names: what an interrupted run (Ctrl-C) would otherwise leave behind.
 */
export async function dropRunDatabases(baseUrl: string, run: string): Promise<string[]> {
  if (!/^[a-z0-9]+$/.test(run)) throw new Error(`not a run tag: ${run}`);
  const client = new pg.Client({ connectionString: databaseUrl(baseUrl, "postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname DESC`, [`%\\_${run}\\_%`]);
    for (const { datname } of rows) {
      const name = `"${datname.replaceAll('"', '""')}"`;
      await client.query(`ALTER DATABASE ${name} IS_TEMPLATE false`);
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

/** The run's template with the real China data loaded (tests/helpers/test-database.ts; dropped with the template). */
export function seededTemplateName(template: string): string {
  return `${template}_seeded`;
}
