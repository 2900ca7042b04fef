/**
 * `npm test`: type check, lint, unit and integration tests (vitest, real PostgreSQL) and end-to-end tests
 * (Playwright in Chromium). It starts what it needs, or says exactly what is missing and how to get it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dropDatabase } from "@/lib/database/postgres";
import {
  acquirePostgres,
  databaseUrl,
  dropRunDatabases,
  MissingPostgresError,
  newRunTag,
  uniqueDatabaseName,
  type PostgresServer,
} from "../tests/helpers/postgres-server";
import { findChromium } from "../tests/helpers/chromium";
import { workerDatabaseUrl } from "../tests/helpers/e2e-workers";
import { NEXT_BUILD_ARGS, needsBuild, recordBuild } from "./lib/build";
import { ensureChromium } from "./lib/chromium";

/** End-to-end workers: two test files at a time, each worker with its own app server and database. */
const E2E_WORKERS = 2;

const bin = (name: string): string => path.resolve("node_modules", ".bin", name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "upr-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };

// Every database this run's processes create carries this tag (uniqueDatabaseName), so the run drops them all at the
// end, also when it is interrupted.
process.env.UPR_TEST_RUN = newRunTag();

/** The commands running now, which an interruption is passed on to. */
const children = new Set<ChildProcess>();
/** Ctrl-C (or a SIGTERM): the commands running stop, no other starts, and the run still drops its databases. */
let interrupted: NodeJS.Signals | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    process.stderr.write(`\nInterrupted (${signal}): stopping the tests, then dropping this run's databases…\n`);
    for (const child of children) child.kill(signal);
  });
}

function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** A shell's exit code for a command a signal stopped: 130 for Ctrl-C, 143 for SIGTERM. */
const exitCodeOf = (signal: NodeJS.Signals): number => 128 + (signal === "SIGINT" ? 2 : 15);

/** Stops the run where it is (the `finally` of main drops the databases) when it was interrupted. */
function stopIfInterrupted(): void {
  if (interrupted) throw new Error(`interrupted by ${interrupted}`);
}

function step(title: string): void {
  process.stdout.write(`\n=== ${title}\n`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = track(spawn(command, args, { stdio: "inherit", env }));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs a command with its output held back, so two checks can run side by side and still print one after the other. */
function runQuietly(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = track(spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env }));
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString("utf8") }));
  });
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function finish(code: number): never {
  process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  fs.rmSync(reports, { recursive: true, force: true });
  process.exit(code);
}

async function main(): Promise<void> {
  let failed = false;
  // The type check and the linter each use one core: they run side by side, and print in turn.
  const checks = [
    // Route types first, so the type check sees what `next build` sees.
    { title: "Type check (next typegen, tsc --noEmit)", run: runQuietly("sh", ["-c", `"${bin("next")}" typegen >/dev/null && "${bin("tsc")}" --noEmit`]) },
    { title: "Lint (eslint)", run: runQuietly(bin("eslint"), ["--max-warnings", "0", "."]) },
  ];
  for (const check of checks) {
    const { code, output } = await check.run;
    step(check.title);
    process.stdout.write(output || "ok\n");
    totals[code === 0 ? "passed" : "failed"] += 1;
    failed = failed || code !== 0;
  }

  if (interrupted) finish(exitCodeOf(interrupted));

  // A fresh machine gets Chromium the way .ci/run installs it (root or passwordless sudo), or the command to run.
  const { path: chromium, message: chromiumMissing } = await ensureChromium(findChromium);
  if (chromiumMissing) process.stderr.write(`\n${chromiumMissing}The other tests run first; the end-to-end step will fail.\n`);
  let server: PostgresServer;
  try {
    server = await acquirePostgres();
  } catch (error) {
    if (!(error instanceof MissingPostgresError)) throw error;
    process.stderr.write(`\n${error.message}\n`);
    finish(1);
  }
  process.stdout.write(`\nUsing ${server.description} (each run creates its own databases and drops them).\n`);
  const env = { ...process.env, UPR_TEST_PG_URL: server.baseUrl };

  // The app's production build for the end-to-end tests, made while vitest runs (its files wait on PostgreSQL more
  // than they compute, so the build mostly uses what vitest leaves idle): the e2e servers then find it built
  // (scripts/lib/build.ts) instead of building first. The build need not type-check again what the first step checked.
  const build =
    chromium && needsBuild()
      ? runQuietly(bin("next"), [...NEXT_BUILD_ARGS], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", UPR_BUILD_TYPECHECKED: failed ? "" : "1" }).then((result) => {
          if (result.code === 0) recordBuild();
          return result;
        })
      : null;

  // The end-to-end workers' databases, migrated and loaded with the real data meanwhile too (the loading parses the
  // official documents): their servers then find them ready.
  const e2eUrl = databaseUrl(server.baseUrl, uniqueDatabaseName("upr_e2e"));
  const e2eDatabases = chromium
    ? runQuietly(bin("tsx"), ["--conditions=react-server", "tests/helpers/prepare-e2e-databases.ts", e2eUrl, String(E2E_WORKERS)], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" })
    : null;

  try {
    stopIfInterrupted();
    step("Unit and integration tests (vitest)");
    const vitestReport = path.join(reports, "vitest.json");
    failed = (await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], env)) !== 0 || failed;
    const vitest = readJson(vitestReport);
    totals.passed += Number(vitest?.numPassedTests ?? 0);
    totals.failed += Number(vitest?.numFailedTests ?? (vitest ? 0 : 1));
    totals.skipped += Number(vitest?.numPendingTests ?? 0) + Number(vitest?.numTodoTests ?? 0);

    stopIfInterrupted();
    if (build) {
      const { code, output } = await build;
      step("Build of the app for the end-to-end tests (next build)");
      process.stdout.write(code === 0 ? "ok\n" : output);
      totals[code === 0 ? "passed" : "failed"] += 1;
      failed = failed || code !== 0;
    }

    if (e2eDatabases) {
      const { code, output } = await e2eDatabases;
      step("Databases for the end-to-end tests (migrated, real data loaded)");
      process.stdout.write(code === 0 ? "ok\n" : output);
      totals[code === 0 ? "passed" : "failed"] += 1;
      failed = failed || code !== 0;
    }

    stopIfInterrupted();
    step("End-to-end tests (Playwright in Chromium)");
    if (!chromium) {
      process.stderr.write(`The end-to-end tests cannot run. ${chromiumMissing ?? "Chromium was not found.\n"}`);
      totals.failed += 1;
      failed = true;
    } else {
      const playwrightReport = path.join(reports, "playwright.json");
      const code = await run(bin("playwright"), ["test"], {
        ...env,
        CHROMIUM_PATH: chromium,
        E2E_DATABASE_URL: e2eUrl,
        E2E_WORKERS: String(E2E_WORKERS),
        PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
        // The app's build need not type-check again what the first step checked (next.config.js).
        UPR_BUILD_TYPECHECKED: failed ? "" : "1",
      });
      failed = code !== 0 || failed;
      const stats = readJson(playwrightReport)?.stats as Record<string, number> | undefined;
      totals.passed += stats?.expected ?? 0;
      totals.failed += (stats?.unexpected ?? (stats ? 0 : 1)) + (stats?.flaky ?? 0);
      totals.skipped += stats?.skipped ?? 0;
    }
  } catch (error) {
    if (!interrupted) throw error;
  } finally {
    if (e2eDatabases) {
      await e2eDatabases;
      for (let index = 0; index < E2E_WORKERS; index++) await dropDatabase(workerDatabaseUrl(e2eUrl, index)).catch(() => {});
    }
    // Whatever else the run created and an interrupted command left (vitest's template, a test file's database).
    const left = await dropRunDatabases(server.baseUrl, process.env.UPR_TEST_RUN!).catch(() => []);
    if (left.length > 0) process.stderr.write(`Dropped ${left.length} database(s) the run had left: ${left.join(", ")}\n`);
    await server.stop();
  }
  finish(interrupted ? exitCodeOf(interrupted) : failed ? 1 : 0);
}

void main();
