import { defineConfig } from "@playwright/test";
import { findChromium } from "./tests/helpers/chromium";

const port = Number(process.env.E2E_PORT ?? 3199);
const databaseUrl = process.env.E2E_DATABASE_URL;
const E2E_TRUSTED_PROXIES = "127.0.0.1,::1";
process.env.TRUSTED_PROXIES ??= E2E_TRUSTED_PROXIES;

/**
 * Runs the app exactly as `npm start` does (migrate, seed the real data, build, serve), against a
 * throw-away database that `npm test` creates and drops. Run it through `npm test`.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: databaseUrl
    ? {
        command: "node_modules/.bin/tsx --conditions=react-server scripts/start.ts",
        url: `http://127.0.0.1:${port}`,
        // The tests reach the app through loopback as a proxy would: each test's X-Forwarded-For is its own client.
        env: { DATABASE_URL: databaseUrl, PORT: String(port), TRUSTED_PROXIES: E2E_TRUSTED_PROXIES },
        // Migrate, seed and build on a busy two-core machine: the build alone has taken over four minutes there.
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
      }
    : undefined,
});
