/**
 * `npm start`: the one command a newcomer runs. It opens the database (DATABASE_URL, or the embedded
 * PostgreSQL in ./.upr-data), migrates, loads the real China data once, builds when the sources changed,
 * and serves http://localhost:$PORT. `npm run dev` does the same with the Next dev server.
 * On SIGTERM or SIGINT it stops the server (which finishes the requests in flight, scripts/serve.ts), then closes the
 * embedded database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { migrate, openDatabase } from "@/lib/database/postgres";
import { ensureAuthSecret } from "@/lib/server/auth/secret";
import { disconnectDb } from "@/lib/server/db";
import { seedRealData } from "@/lib/server/seed";
import { NEXT_BUILD_ARGS, needsBuild, recordBuild } from "./lib/build";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";
const next = path.resolve("node_modules", ".bin", "next");

function log(message: string): void {
  process.stdout.write(`[upr] ${message}\n`);
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(next, args, { stdio: "inherit", env });
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<void> {
  const started = Date.now();
  // A server that is not up yet (a container still starting) is waited for, with a line per attempt.
  const db = await openDatabase({ wait: true, log });
  log(db.kind === "embedded" ? `Embedded PostgreSQL (PGlite) on ${new URL(db.url).host}, data in ${process.env.EMBEDDED_DB_DIR || ".upr-data"}` : `PostgreSQL at ${new URL(db.url).host}${new URL(db.url).pathname}`);

  let child: ChildProcess | null = null;
  let stopping: Promise<never> | null = null;
  // Ctrl-C reaches this process and Next at once: whoever asks first stops Next, then closes the database.
  const shutdown = (code: number): Promise<never> =>
    (stopping ??= (async () => {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exitCode(child);
      }
      await db.stop();
      process.exit(code);
    })());
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    await migrate(db.url);
    process.env.DATABASE_URL = db.url;
    const { imported } = await seedRealData({ log });
    if (imported.length > 0) log(`Loaded the real data in ${Date.now() - started} ms.`);
    await disconnectDb();
  } catch (error) {
    process.stderr.write(`[upr] ${(error as Error).message}\n`);
    await shutdown(1);
  }
  log(`Database ready in ${Date.now() - started} ms.`);

  // Signs session cookies: BETTER_AUTH_SECRET, else one generated once and kept in the data directory.
  const env = { ...process.env, DATABASE_URL: db.url, PORT: port, NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_SECRET: ensureAuthSecret() };
  if (dev) {
    child = run(["dev", "-p", port], env);
  } else {
    if (needsBuild()) {
      log("Building the app (once, and again after the sources change)…");
      child = run([...NEXT_BUILD_ARGS], env);
      const code = await exitCode(child);
      if (code !== 0) await shutdown(code);
      recordBuild();
    }
    // One process, with tsx as a loader: the tsx command would sit in between, and it kills a server that does not
    // confirm a relayed SIGTERM within 60 ms (a busy one cannot), cutting off the requests in flight.
    child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { stdio: "inherit", env });
  }
  log(`Serving on http://localhost:${port}`);
  await shutdown(await exitCode(child));
}

void main();
