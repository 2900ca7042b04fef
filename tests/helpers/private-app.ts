import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../lib/database/embedded";
import { ensureDatabaseExists, migrate } from "../../lib/database/postgres";
import { databaseUrl, findPgBin, startPrivateCluster, type PrivateCluster } from "./postgres-server";

/**
 * The app's production server (scripts/serve.ts, on the suite's build) on a private PostgreSQL cluster that the test
 * may stop and start, for the outage, several-instance and shutdown tests. Never the shared server on 5432.
 */

/** A private cluster with one migrated database (the data a test needs, it makes itself). */
export async function startMigratedCluster(): Promise<{ cluster: PrivateCluster; url: string }> {
  const bin = findPgBin();
  if (!bin) throw new Error("these tests need Debian's postgresql package (apt-get install -y postgresql) for a private cluster");
  const cluster = await startPrivateCluster(bin);
  try {
    const url = databaseUrl(cluster.baseUrl, "upr_outage");
    await ensureDatabaseExists(url);
    await migrate(url, { quiet: true });
    return { cluster, url };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

export type AppServer = {
  base: string;
  child: ChildProcess;
  /** What the server printed so far (stdout and stderr). */
  output: () => string;
  /** Sends the signal and resolves with the exit code once the process is gone. */
  signal: (signal: NodeJS.Signals) => Promise<number | null>;
  exited: Promise<number | null>;
};

/**
 * Starts scripts/serve.ts as one process (node with tsx as a loader, as `npm start` runs it, so a signal reaches the
 * server itself) and waits until it answers /api/health.
 */
export async function startAppServer(url: string, env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      BETTER_AUTH_SECRET: "private-app-secret-private-app-secret-private",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (up) {
      return {
        base,
        child,
        output: () => printed,
        exited,
        signal: (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not start:\n${printed}`);
}
