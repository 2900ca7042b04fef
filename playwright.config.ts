import { defineConfig } from "@playwright/test";
import { findChromium } from "./tests/helpers/chromium";
import { workerDatabaseUrl } from "./tests/helpers/e2e-workers";

const port = Number(process.env.E2E_PORT ?? 3199);
const E2E_TRUSTED_PROXIES = "127.0.0.1,::1";
process.env.TRUSTED_PROXIES ??= E2E_TRUSTED_PROXIES;

/**
 * E2E_WORKERS (default 1) test files run side by side, each worker against an app and a database of its own: worker n
 * (from 0) is served on E2E_PORT + n from E2E_DATABASE_URL's database, suffixed `_w<n+1>` from the second worker on.
 * A worker process loads this file too, with TEST_PARALLEL_INDEX set: there E2E_DATABASE_URL becomes its own database,
 * so the specs read and write the database their app serves.
 */
const workers = Math.max(1, Number.parseInt(process.env.E2E_WORKERS ?? "1", 10) || 1);
// The runner keeps the first database's URL here, for the workers (which inherit its environment) to derive theirs from.
if (process.env.E2E_DATABASE_URL && !process.env.E2E_BASE_DATABASE_URL) process.env.E2E_BASE_DATABASE_URL = process.env.E2E_DATABASE_URL;
const baseDatabaseUrl = process.env.E2E_BASE_DATABASE_URL;

const workerIndex = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
if (baseDatabaseUrl && process.env.TEST_PARALLEL_INDEX !== undefined) process.env.E2E_DATABASE_URL = workerDatabaseUrl(baseDatabaseUrl, workerIndex);

/**
 * Runs the app exactly as `npm start` does (migrate, seed the real data, build, serve), against a
 * throw-away database that `npm test` creates and drops. Run it through `npm test`.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers,
  retries: 0,
  // A limit against a hung test, not a measure of speed: two workers share two cores, so each test gets more time.
  timeout: workers > 1 ? 120_000 : 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port + workerIndex}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // One server per worker, started one after the other: the first builds the app, the next find it built.
  webServer: baseDatabaseUrl
    ? Array.from({ length: workers }, (_, index) => ({
        command: "node_modules/.bin/tsx --conditions=react-server scripts/start.ts",
        url: `http://127.0.0.1:${port + index}`,
        // The tests reach the app through loopback as a proxy would: each test's X-Forwarded-For is its own client.
        env: { DATABASE_URL: workerDatabaseUrl(baseDatabaseUrl, index), PORT: String(port + index), TRUSTED_PROXIES: E2E_TRUSTED_PROXIES },
        // Migrate, seed and build on a busy two-core machine: the build alone has taken over four minutes there.
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe" as const,
      }))
    : undefined,
});
