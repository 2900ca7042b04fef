/**
 * `npm run -s bench -- page-weight [--database-url URL] [--port N] [--only WORD]`: each public page kind opened in Chromium on a
 * phone (360×780) over DevTools' "Slow 3G" network emulation (2,000 ms latency, 50,000 bytes/s each way), with an
 * empty cache, as a reader who follows a shared link on a throttled connection. For each page: the bytes transferred
 * (headers and bodies, compressed as sent, counted until the network is quiet, so prefetches count too; and the body
 * bytes received by the time the first result was readable), the requests,
 * and the time from navigation to the first readable result (the first result row of the explorer, else the page's
 * heading): when that element is in the document and the page has painted its first content. Without
 * `--database-url`, a database of its own gets the real China data and is dropped at the end. Reports, never judges.
 */
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "@playwright/test";
import pg from "pg";
import { freePort } from "@/lib/database/embedded";
import { findChromium } from "@/tests/helpers/chromium";
import { loadRealData, openBenchDatabase } from "./database";
import { buildIfNeeded, startApp, stopApps } from "./http";
import { int, seconds, table, verdict } from "./report";

/** DevTools' "Slow 3G" preset (Chromium's front_end NetworkManager: 400 ms × 5 latency, 500 kbit/s × 0.8). */
export const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 } as const;
/** Issue 18's targets for the explorer's first view. */
const TARGETS = { explorerBytes: 150 * 1024, readableMs: 4000 };

type Page = { label: string; path: string; readable: string };
/** One response of a visit: what it was and its bytes as sent (headers and compressed body). */
export type Transfer = { url: string; type: string; bytes: number };
export type PageWeight = Page & {
  status: number;
  bytes: number;
  bytesToReadable: number;
  requests: number;
  readableMs: number;
  firstPaintMs: number;
  transfers: Transfer[];
};

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const print = (lines: string[]): void => void process.stdout.write(`${lines.join("\n")}\n`);

/** The public page kinds (tests/e2e/data.ts PAGE_KINDS, those a reader opens without an account). */
function pagesOf(ids: { recommendation: number; review: number }): Page[] {
  const heading = "main h1";
  return [
    { label: "home", path: "/en", readable: heading },
    { label: "explorer, 3 filters", path: "/en/recommendations?cycle=3&position=noted&q=torture", readable: "[data-testid=result-row]" },
    { label: "explorer, no filter", path: "/en/recommendations", readable: "[data-testid=result-row]" },
    { label: "explorer (zh)", path: "/zh/recommendations?cycle=3", readable: "[data-testid=result-row]" },
    { label: "recommendation detail", path: `/en/recommendations/${ids.recommendation}`, readable: "main blockquote" },
    { label: "States", path: "/en/states", readable: heading },
    { label: "State page", path: "/en/states/CHN", readable: heading },
    { label: "compare", path: "/en/compare?sur=CHN&cycle=2,3", readable: heading },
    { label: "review", path: `/en/reviews/${ids.review}`, readable: heading },
    { label: "sign-in", path: "/en/sign-in", readable: heading },
  ];
}

/**
 * Opens one page in a fresh context (empty cache) on a phone over Slow 3G. The page records, from its own clock, when
 * the readable element first appears; first contentful paint comes from the paint timing (after the render-blocking
 * CSS), and the result is readable at the later of the two.
 */
export async function measurePage(browser: Browser, origin: string, page: Page): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: "block" });
  try {
    const tab = await context.newPage();
    // A string, not a function: the bench runs through tsx, whose emitted helpers do not exist in the page.
    await tab.addInitScript(`(() => {
      const selector = ${JSON.stringify(page.readable)};
      const seen = () => document.querySelector(selector) && (window.__readableAt ??= performance.now());
      new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, { childList: true, subtree: true });
    })();`);
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
    const responses = new Map<string, { url: string; type: string }>();
    const transfers: Transfer[] = [];
    cdp.on("Network.responseReceived", (event: { requestId: string; type: string; response: { url: string } }) => {
      responses.set(event.requestId, { url: event.response.url, type: event.type });
    });
    cdp.on("Network.loadingFinished", (event: { requestId: string; encodedDataLength: number }) => {
      const response = responses.get(event.requestId) ?? { url: "?", type: "Other" };
      transfers.push({ ...response, bytes: event.encodedDataLength });
    });
    const response = await tab.goto(`${origin}${page.path}`, { waitUntil: "load", timeout: 180_000 });
    await tab.locator(page.readable).first().waitFor({ state: "attached", timeout: 60_000 });
    // Quiet network: prefetches and late chunks are part of what the visit costs.
    await tab.waitForLoadState("networkidle", { timeout: 120_000 });
    // The page's own timings: when the element appeared, the first paint, and what was needed to read: the whole HTML
    // document (an upper bound: it may still be streaming when it paints) and the responses finished by then.
    const timing = await tab.evaluate(`(() => {
      const readableAt = window.__readableAt ?? Number.NaN;
      const firstPaint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
      const readable = Math.max(readableAt, firstPaint);
      const html = performance.getEntriesByType("navigation")[0]?.transferSize ?? 0;
      const before = performance.getEntriesByType("resource").filter((entry) => entry.responseEnd <= readable).reduce((sum, entry) => sum + entry.transferSize, 0);
      return { readable, firstPaint, bytesToReadable: html + before };
    })()`) as { readable: number; firstPaint: number; bytesToReadable: number };
    const { readable: readableMs, bytesToReadable } = timing;
    const bytes = transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);
    return {
      ...page,
      status: response?.status() ?? 0,
      bytes,
      bytesToReadable,
      requests: transfers.length,
      readableMs,
      firstPaintMs: timing.firstPaint,
      transfers,
    };
  } finally {
    await context.close();
  }
}

async function pickIds(url: string): Promise<{ recommendation: number; review: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; reviewId: number }>(
      `SELECT r."id", r."reviewId" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" ORDER BY v."cycle" DESC, r."id" LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the database holds no recommendation");
    return { recommendation: rows[0].id, review: rows[0].reviewId };
  } finally {
    await client.end();
  }
}

/** A response's path without the origin, and without a long query string. */
function shortUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const { pathname, search } = new URL(url);
  return search.length > 40 ? `${pathname}${search.slice(0, 37)}…` : `${pathname}${search}`;
}

export function pageWeightReport(results: PageWeight[]): string[] {
  const kb = (value: number): string => `${(value / 1024).toFixed(1)} KB`;
  const explorer = results.find((result) => result.label === "explorer, 3 filters");
  const lines = [
    `Page weight on a phone (360×780) over "Slow 3G" (latency ${SLOW_3G.latency} ms, ${int(SLOW_3G.downloadThroughput)} bytes/s), empty cache:`,
    ...table(
      ["page", "status", "requests", "transferred", "by first readable", "first paint", "first readable"],
      results.map((r) => [r.label, String(r.status), String(r.requests), kb(r.bytes), kb(r.bytesToReadable), seconds(r.firstPaintMs), seconds(r.readableMs)]),
    ),
  ];
  if (explorer) {
    lines.push(
      "",
      `Explorer first view: ${kb(explorer.bytes)} transferred until the network is quiet, ${kb(explorer.bytesToReadable)} by the first readable result ` +
        `(target < ${kb(TARGETS.explorerBytes)}: ${verdict(explorer.bytes < TARGETS.explorerBytes)} for the whole view, ${verdict(explorer.bytesToReadable < TARGETS.explorerBytes)} to read); ` +
        `first result readable after ${seconds(explorer.readableMs)} (target < ${seconds(TARGETS.readableMs)}: ${verdict(explorer.readableMs < TARGETS.readableMs)}).`,
      "",
      "Where the explorer's first view goes (each response as sent, largest first):",
      ...table(
        ["response", "type", "transferred"],
        [...explorer.transfers].sort((a, b) => b.bytes - a.bytes).map((t) => [shortUrl(t.url), t.type, kb(t.bytes)]),
      ),
    );
  }
  return lines;
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { "database-url": { type: "string" }, port: { type: "string" }, only: { type: "string" } } });
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found (apt-get install chromium, or set CHROMIUM_PATH).");
  const db = values["database-url"] ? null : await openBenchDatabase(log, "weight");
  let browser: Browser | null = null;
  try {
    const url = values["database-url"] ?? db!.url;
    if (db) {
      log(`Loading the real data into ${db.name} (${db.server})…`);
      await loadRealData(db, log);
    }
    if ((await buildIfNeeded(log)) === "built") log("Built.");
    const app = await startApp(url, values.port ? Number(values.port) : await freePort(), crypto.randomBytes(32).toString("hex"), log);
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    const results: PageWeight[] = [];
    // `--only explorer`: just the page kinds whose label holds that word, for a quick look at one change.
    const pages = pagesOf(await pickIds(url)).filter((page) => !values.only || page.label.includes(values.only));
    for (const page of pages) {
      log(`${page.label}…`);
      results.push(await measurePage(browser, app.origin, page));
    }
    print(pageWeightReport(results));
    return 0;
  } finally {
    await browser?.close();
    await stopApps();
    await db?.release({ keep: false });
  }
}
