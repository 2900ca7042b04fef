import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { freePort } from "../../lib/database/embedded";
import { databaseName, dropDatabase, ensureDatabaseExists, migrate, withDatabase } from "../../lib/database/postgres";

/**
 * A second production server of the e2e build on a database of its own, for a test that needs the app in a state the
 * shared e2e database must keep: here, China's reviews with their official facts but none of their recommendations.
 * The database is migrated, takes the e2e database's States and review facts, and is dropped by `stop`.
 */
export type FreshApp = {
  base: string;
  url: string;
  server: ChildProcess;
  stop: () => Promise<void>;
  /** Stops the server and starts it again on the same port and database, as an operator's restart would. */
  restart: () => Promise<void>;
  /** A second instance on the same database, as behind a load balancer; `stop` (of the app) stops it too. */
  startInstance: (env?: Record<string, string>) => Promise<{ base: string }>;
};

/** Tables copied as they are, parents first: the States, the reviews' facts, the reported counts per wording. */
const FACT_TABLES = ["Country", "Review", "ReportedResponseCount"];

async function copyFacts(from: string, to: string): Promise<void> {
  const source = new pg.Client({ connectionString: from });
  const target = new pg.Client({ connectionString: to });
  await Promise.all([source.connect(), target.connect()]);
  try {
    for (const table of FACT_TABLES) {
      const { rows } = await source.query<{ rows: unknown[] }>(`SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM "${table}" t`);
      await target.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(null::"${table}", $1)`, [JSON.stringify(rows[0]!.rows)]);
      const serial = await target.query<{ seq: string | null }>(`SELECT pg_get_serial_sequence($1, 'id') AS seq`, [`"${table}"`]).catch(() => ({ rows: [{ seq: null }] }));
      const seq = serial.rows[0]?.seq;
      if (seq) await target.query(`SELECT setval($1, coalesce((SELECT max(id) FROM "${table}"), 0) + 1, false)`, [seq]);
    }
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
}

/**
 * The app's server (scripts/serve.ts) on the suite's build, in a process group of its own so stopping it stops the
 * import children too. The e2e run's environment trusts the loopback proxy (TRUSTED_PROXIES), so each test's
 * X-Forwarded-For is its own rate-limit bucket; `env` overrides it.
 */
async function startServer(url: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], {
    env: { ...process.env, ...env, DATABASE_URL: url, PORT: String(port), BETTER_AUTH_SECRET: "fresh-app-secret-fresh-app-secret-fresh-app", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/openapi.json`).then((r) => r.ok, () => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-child.pid!, "SIGKILL");
  throw new Error("the second server did not start");
}

/** Kills the server's process group and waits until it is gone, so its port is free again. */
async function kill(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((resolve) => server.once("exit", resolve));
  try {
    process.kill(-server.pid!, "SIGKILL");
  } catch {
    return; // already gone
  }
  await gone;
}

export async function startFreshApp(options: { env?: Record<string, string> } = {}): Promise<FreshApp> {
  const e2e = process.env.E2E_DATABASE_URL!;
  const url = withDatabase(e2e, `${databaseName(e2e)}_fresh_${Date.now()}`);
  await ensureDatabaseExists(url);
  const others: ChildProcess[] = [];
  try {
    await migrate(url, { quiet: true });
    await copyFacts(e2e, url);
    const port = await freePort();
    const app: FreshApp = {
      base: `http://127.0.0.1:${port}`,
      url,
      server: await startServer(url, port, options.env),
      stop: async () => {
        await Promise.all([app.server, ...others].map(kill));
        await dropDatabase(url);
      },
      restart: async () => {
        await kill(app.server);
        app.server = await startServer(url, port, options.env);
      },
      startInstance: async (env = options.env) => {
        const otherPort = await freePort();
        others.push(await startServer(url, otherPort, env));
        return { base: `http://127.0.0.1:${otherPort}` };
      },
    };
    return app;
  } catch (error) {
    await Promise.all(others.map(kill));
    await dropDatabase(url).catch(() => {});
    throw error;
  }
}
