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
import { EXPLORER_FIRST_VIEW, measurePage, SLOW_3G, TARGETS, type Page, type PageWeight } from "./page-weight-measure";
import { int, seconds, table, verdict } from "./report";

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const print = (lines: string[]): void => void process.stdout.write(`${lines.join("\n")}\n`);

/** The public page kinds (tests/e2e/data.ts PAGE_KINDS, those a reader opens without an account). */
function pagesOf(ids: { recommendation: number; review: number }): Page[] {
  const heading = "main h1";
  return [
    { label: "home", path: "/en", readable: heading },
    EXPLORER_FIRST_VIEW,
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
  const explorer = results.find((result) => result.label === EXPLORER_FIRST_VIEW.label);
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
