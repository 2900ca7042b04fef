/**
 * `npm run bench -- pages [--rows N] [--iterations N] [--keep] [--database-url URL] [--port N] [--duration S]
 * [--connections N] [--embedded-rows N] [--no-concurrency] [--no-embedded]`: every page kind through `next start` over HTTP, on the
 * synthetic set with the whole UPR's shape (scripts/bench/synthetic.ts) in a database of its own, signed in as a
 * member where a page needs one. Prints p50/p95 and the gzipped size of each page and of `GET /api/stats` for every
 * dimension; then autocannon runs (50 connections, 30 s) over a mix of the anonymous pages and over the detail page
 * alone; then the same pages on the embedded database (PGlite) with 40,000 recommendations. Reports, never judges:
 * exit code 0 even when a target is missed.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort, startEmbeddedServer } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/postgres";
import { STAT_DIMENSIONS } from "@/lib/stats";
import { disconnectDb } from "@/lib/server/db";
import { seedRealData } from "@/lib/server/seed";
import { createProgress } from "../lib/progress";
import { addSyntheticAssessments } from "./assessments";
import { loadRealData, openBenchDatabase } from "./database";
import { buildIfNeeded, get, load, signIn, startApp, stopApps, type App, type Fetched, type LoadResult } from "./http";
import { int, ms, percentile, seconds, table, verdict } from "./report";
import { fillSummaries } from "./stats";
import { buildSyntheticSet } from "./synthetic";

/** Issue 16's targets, for one client and under load (2 cores). */
const TARGETS = { pageP95Ms: 150, apiP95Ms: 50, htmlGzipBytes: 150 * 1024, mixPerSecond: 60, detailPerSecond: 50 };
const WARM_UP = 3;
const MEMBER = { email: "bench-member@example.org", password: "a long enough bench passphrase", organization: "bench-org-1" };

type Page = { label: string; path: string; kind: "page" | "api"; member?: boolean };
/** `samples`: as served (anonymous pages from the page cache when it holds them); `rendered`: asked fresh (no-cache). */
type Measured = Page & { status: number; samples: number[]; rendered: number[]; wireBytes: number; gzipped: boolean; failure?: string; cache: string };
type Picks = { detailIds: number[]; bigState: string; bigStateRows: number; review: number; reviewRows: number; reviews: number };

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const print = (lines: string[]): void => void process.stdout.write(`${lines.join("\n")}\n`);
const loadAverage = (): string => os.loadavg().map((value) => value.toFixed(2)).join(" ");

/** What the pages are asked for: ids chosen from the data (the median detail, the biggest State and review). */
async function pick(url: string): Promise<Picks> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Twenty ids spread over the whole table, so the detail run does not read one row's cache.
    const ids = await client.query<{ id: number }>(`SELECT min("id") AS "id" FROM (SELECT "id", ntile(20) OVER (ORDER BY "id") AS "t" FROM "Recommendation") x GROUP BY "t" ORDER BY 1`);
    const state = await client.query<{ iso3: string; n: number }>(
      `SELECT v."stateUnderReviewIso3" AS "iso3", count(*)::int AS "n" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const review = await client.query<{ id: number; n: number }>(`SELECT "reviewId" AS "id", count(*)::int AS "n" FROM "Recommendation" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`);
    const reviews = await client.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "Review"`);
    return {
      detailIds: ids.rows.map((row) => row.id),
      bigState: state.rows[0]!.iso3,
      bigStateRows: state.rows[0]!.n,
      review: review.rows[0]!.id,
      reviewRows: review.rows[0]!.n,
      reviews: reviews.rows[0]!.n,
    };
  } finally {
    await client.end();
  }
}

function pagesOf(picks: Picks): Page[] {
  const detail = picks.detailIds[Math.floor(picks.detailIds.length / 2)]!;
  const member = `review=${picks.review}&organization=${MEMBER.organization}`;
  return [
    { label: "home", path: "/en", kind: "page" },
    { label: "explorer, no filter", path: "/en/recommendations", kind: "page" },
    { label: "explorer, 3 filters", path: "/en/recommendations?cycle=3&region=weog&position=supported", kind: "page" },
    { label: "explorer, q=education", path: "/en/recommendations?q=education", kind: "page" },
    { label: `detail (${detail})`, path: `/en/recommendations/${detail}`, kind: "page" },
    { label: `State page (${picks.bigState}, ${int(picks.bigStateRows)} rows)`, path: `/en/states/${picks.bigState}`, kind: "page" },
    { label: "States index", path: "/en/states", kind: "page" },
    { label: "compare by review, 2 reviews", path: "/en/compare?sur=CHN&cycle=2,3", kind: "page" },
    { label: `compare per cycle, all ${int(picks.reviews)} reviews`, path: "/en/compare?per=cycle", kind: "page" },
    { label: `review dashboard (${int(picks.reviewRows)} rows)`, path: `/en/reviews/${picks.review}`, kind: "page" },
    { label: "mid-term report (member)", path: `/en/reports/mid-term?${member}`, kind: "page", member: true },
    { label: "status sheet (member)", path: `/en/status-sheet?${member}`, kind: "page", member: true },
    ...STAT_DIMENSIONS.map((by): Page => ({ label: `GET /api/stats?by=${by}`, path: `/api/stats?by=${by}`, kind: "api" })),
  ];
}

/**
 * Warm-up rounds, then `iterations` rounds over every page in turn (so noise spreads over all of them). A slow page
 * stops being asked once it has used its time budget (with at least MIN_SAMPLES samples), so one page taking seconds
 * does not hold the whole run for an hour; the table says how many samples each page has.
 */
const SLOW_PAGE_BUDGET_MS = 60_000;
const MIN_SAMPLES = 3;

async function measurePages(app: App, pages: Page[], cookie: string, iterations: number): Promise<Measured[]> {
  const measured: Measured[] = pages.map((page) => ({ ...page, status: 0, samples: [], rendered: [], wireBytes: 0, gzipped: false, cache: "" }));
  const request = (page: Page, fresh = false) => get(`${app.origin}${page.path}`, { ...(page.member ? { cookie } : {}), ...(fresh ? { "cache-control": "no-cache" } : {}) });
  // Only anonymous pages may come from the page cache: the others are rendered every time anyway.
  const cacheable = (page: Page): boolean => page.kind === "page" && !page.member;
  // A page that fails (no answer in time, a dropped connection) is reported as failed and asked no more.
  const attempt = async (entry: Measured): Promise<Fetched | null> => {
    try {
      return await request(entry);
    } catch (error) {
      entry.failure = error instanceof Error ? error.message : String(error);
      return null;
    }
  };
  for (const entry of measured) {
    // One warm-up of a page that takes seconds is enough.
    for (let round = 0; round < WARM_UP; round++) if (((await attempt(entry))?.ms ?? Infinity) > 2_000) break;
  }
  const progress = createProgress("[bench] Timing the pages (rounds)", true, { lines: true });
  for (let round = 0; round < iterations; round++) {
    for (const entry of measured) {
      const spent = [...entry.samples, ...entry.rendered].reduce((sum, sample) => sum + sample, 0);
      if (entry.failure || (entry.samples.length >= MIN_SAMPLES && spent > SLOW_PAGE_BUDGET_MS)) continue;
      const fetched = await attempt(entry);
      if (!fetched) continue;
      entry.samples.push(fetched.ms);
      entry.status = fetched.status;
      entry.wireBytes = fetched.wireBytes;
      entry.gzipped = fetched.gzipped;
      entry.cache = fetched.cache ?? "";
      if (!cacheable(entry)) continue;
      const fresh = await request(entry, true).catch(() => null);
      if (fresh) entry.rendered.push(fresh.ms);
    }
    progress.update(round + 1, iterations);
  }
  progress.done();
  return measured;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function pagesReport(title: string, measured: Measured[], iterations: number): string[] {
  const rows = measured.map((m) => {
    if (m.failure && m.samples.length === 0) return [m.label, "failed", "0", "-", "-", "-", "-", "-", "-", verdict(false), "-"];
    const p95 = percentile(m.samples, 95);
    const limit = m.kind === "api" ? TARGETS.apiP95Ms : TARGETS.pageP95Ms;
    const size = m.kind === "page" ? verdict(m.wireBytes < TARGETS.htmlGzipBytes) : "-";
    const rendered = m.rendered.length > 0 ? [ms(percentile(m.rendered, 50)), ms(percentile(m.rendered, 95))] : ["-", "-"];
    return [m.label, String(m.status), int(m.samples.length), m.cache || "-", ms(percentile(m.samples, 50)), ms(p95), ...rendered, `${kb(m.wireBytes)}${m.gzipped ? "" : " (not gzipped)"}`, `${verdict(p95 < limit)} (< ${limit} ms)`, size];
  });
  return [
    title,
    `One client, one kept-alive connection, Accept-Encoding: gzip; ${WARM_UP} warm-up rounds, then ${int(iterations)} rounds over every page in turn`,
    `(a page stops being asked once its samples add up to ${SLOW_PAGE_BUDGET_MS / 1000} s: n is the number of samples).`,
    `Targets: page p95 < ${TARGETS.pageP95Ms} ms and HTML < ${kb(TARGETS.htmlGzipBytes)} gzipped; GET /api/stats p95 < ${TARGETS.apiP95Ms} ms.`,
    "served: as a reader gets it (an anonymous page comes from the page cache once rendered: cache = hit); rendered: the",
    "same page asked with Cache-Control: no-cache right after, so the app renders it again (the cost of a page nobody asked for",
    "since the data last changed). Member pages are always rendered.",
    "",
    ...table(["page", "status", "n", "cache", "served p50", "served p95", "rendered p50", "rendered p95", "gzipped bytes", "p95 target (served)", "size target"], rows),
    ...measured.filter((m) => m.failure).map((m) => `${m.label}: ${m.failure}`),
  ];
}

function loadReport(runs: { label: string; paths: number; result: LoadResult; target: number }[], connections: number): string[] {
  const rows = runs.map(({ label, paths, result, target }) => [
    label,
    int(paths),
    int(result.requests),
    result.perSecond.toFixed(1),
    `${int(result.p50)} ms`,
    `${int(result.p99)} ms`,
    int(result.non2xx),
    int(result.errors),
    int(result.timeouts),
    `${verdict(result.perSecond >= target)} (>= ${target}/s)`,
    verdict(result.errors === 0 && result.non2xx === 0),
  ]);
  return [
    `Concurrency (autocannon): ${connections} connections, each looping over its paths in order, Accept-Encoding: gzip.`,
    "",
    ...table(["run", "paths", "requests", "req/s", "p50", "p99", "non-2xx", "errors", "timeouts", "rate target", "0 errors"], rows),
  ];
}

/** The member the report and the sheet are asked for as: a user of bench-org-1 (whose assessments the set holds). */
async function addMember(): Promise<void> {
  const { addUser } = await import("@/lib/server/accounts");
  await addUser({ kind: "operator" }, { email: MEMBER.email, password: MEMBER.password, name: "Bench member", organization: { name: MEMBER.organization, role: "editor" } });
  await disconnectDb();
}

type Options = { databaseUrl: string | null; rows: number; iterations: number; keep: boolean; port: number | null; duration: number; connections: number; embeddedRows: number; concurrency: boolean; embedded: boolean };

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      "database-url": { type: "string" },
      rows: { type: "string" },
      iterations: { type: "string" },
      keep: { type: "boolean" },
      port: { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      "embedded-rows": { type: "string" },
      "no-concurrency": { type: "boolean" },
      "no-embedded": { type: "boolean" },
    },
  });
  const positive = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const number = Number(value.replaceAll("_", ""));
    if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive whole number, not "${value}"`);
    return number;
  };
  return {
    databaseUrl: values["database-url"] ?? null,
    rows: positive("rows", values.rows, 250_000),
    iterations: positive("iterations", values.iterations, 20),
    keep: values.keep === true,
    port: values.port === undefined ? null : positive("port", values.port, 0),
    duration: positive("duration", values.duration, 30),
    connections: positive("connections", values.connections, 50),
    embeddedRows: positive("embedded-rows", values["embedded-rows"], 40_000),
    concurrency: values["no-concurrency"] !== true,
    embedded: values["no-embedded"] !== true,
  };
}

/** Serves the build on `url`, signs the member in, times the pages; the concurrency runs when asked. */
async function benchApp(url: string, options: Options, secret: string, title: string, concurrency: boolean): Promise<void> {
  const picks = await pick(url);
  const pages = pagesOf(picks);
  const port = options.port ?? (await freePort());
  log(`Starting the app on port ${port}…`);
  const app = await startApp(url, port, secret, log);
  try {
    const cookie = await signIn(app.origin, MEMBER.email, MEMBER.password);
    print([...pagesReport(title, await measurePages(app, pages, cookie, options.iterations), options.iterations), "", `Load average after the pages (1, 5, 15 min): ${loadAverage()}`, ""]);
    if (!concurrency) return;
    const mix = pages.filter((page) => page.kind === "page" && !page.member).map((page) => page.path);
    const details = picks.detailIds.map((id) => `/en/recommendations/${id}`);
    const runs: { label: string; paths: number; result: LoadResult; target: number }[] = [];
    // The detail page first, then the mix, each on a server that has finished the previous run's work: requests a
    // client gave up on (autocannon's 10 s timeout) are still rendered by the server and would starve the next run.
    log(`autocannon: ${details.length} detail pages, ${options.connections} connections for ${options.duration} s…`);
    runs.push({ label: "detail page alone (different ids)", paths: details.length, result: await load(app.origin, details, options.connections, options.duration), target: TARGETS.detailPerSecond });
    await drained(app.origin);
    log(`autocannon: the mix of ${mix.length} anonymous pages, ${options.connections} connections for ${options.duration} s…`);
    runs.push({ label: "mix of the anonymous pages", paths: mix.length, result: await load(app.origin, mix, options.connections, options.duration), target: TARGETS.mixPerSecond });
    // The same two runs with every request rendered again (Cache-Control: no-cache): what the app can render, as when
    // every reader asks for a page nobody asked for since the data changed.
    for (const [label, paths, target] of [["detail page alone, each rendered (no-cache)", details, TARGETS.detailPerSecond], ["mix, each rendered (no-cache)", mix, TARGETS.mixPerSecond]] as const) {
      await drained(app.origin);
      log(`autocannon: ${label}, ${options.connections} connections for ${options.duration} s…`);
      runs.push({ label, paths: paths.length, result: await load(app.origin, [...paths], options.connections, options.duration, { "cache-control": "no-cache" }), target });
    }
    print([...loadReport(runs, options.connections), "", `Load average after the concurrency runs (1, 5, 15 min): ${loadAverage()}`, ""]);
  } finally {
    await app.stop();
  }
}

/** Waits (up to 3 minutes) until the app answers a light request within half a second: its backlog is done. */
async function drained(origin: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${origin}/api/stats?by=position`).catch(() => null);
    await response?.arrayBuffer().catch(() => null);
    if (response?.ok && performance.now() - started < 500) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  log("The app still had work queued after 3 minutes; the next run starts anyway.");
}

/** The embedded database (PGlite, served in this process as `npm start` serves it) with its own synthetic set. */
async function benchEmbedded(options: Options, secret: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upr-bench-pages-embedded-"));
  const server = await startEmbeddedServer({ dataDir });
  try {
    log(`Embedded database (PGlite) in ${dataDir}: migrating and loading the real data…`);
    await migrate(server.url, { quiet: true });
    process.env.DATABASE_URL = server.url;
    await seedRealData({ log });
    await disconnectDb();
    const progress = createProgress("[bench] Building the embedded synthetic set", true);
    const set = await buildSyntheticSet(server.url, options.embeddedRows, progress.update);
    progress.done();
    await disconnectDb();
    await addSyntheticAssessments(server.url);
    await addMember();
    log(`Filled the stats summaries in ${seconds(await fillSummaries())}.`);
    await disconnectDb();
    const title = `Pages on the embedded database (PGlite): ${int(set.realRows + set.syntheticRows)} recommendations in ${int(set.syntheticReviews)} synthetic reviews + China`;
    await benchApp(server.url, options, secret, title, false);
  } finally {
    await disconnectDb();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `--database-url`: a database an earlier run kept (`--keep`), its set and member already there; only migrated. */
async function benchKept(url: string, options: Options, secret: string): Promise<void> {
  await migrate(url, { quiet: true });
  // A migration may have marked every review for a recount: the pages are timed on filled summaries.
  process.env.DATABASE_URL = url;
  log(`Filled the stats summaries in ${seconds(await fillSummaries())}.`);
  await disconnectDb();
  const build = await buildIfNeeded(log);
  const picks = await pick(url);
  print([
    `Pages through next start over HTTP (${build === "reused" ? "the last build, its sources unchanged" : "built now"}).`,
    `Data: the kept database ${new URL(url).pathname.slice(1)} (${int(picks.reviews)} reviews), as an earlier run built it.`,
    `Machine: Node ${process.version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load average (1, 5, 15 min) ${loadAverage()} at start.`,
    "",
  ]);
  await benchApp(url, options, secret, "Pages on PostgreSQL", options.concurrency);
}

export async function main(args: string[]): Promise<number> {
  const options = parseOptions(args);
  const secret = crypto.randomBytes(32).toString("hex");
  if (options.databaseUrl) {
    await benchKept(options.databaseUrl, options, secret);
    if (options.embedded) await benchEmbedded(options, secret);
    return 0;
  }
  const db = await openBenchDatabase(log, "benchpages");
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping and ${options.keep ? "keeping" : "dropping"} ${db.name}…`);
      void stopApps()
        .then(() => db.release({ keep: options.keep }))
        .finally(() => process.exit(code));
    });
  }
  try {
    log(`Creating ${db.name} on ${db.server} and loading the real data…`);
    await loadRealData(db, log);
    const progress = createProgress("[bench] Building the synthetic set", true);
    const set = await buildSyntheticSet(db.url, options.rows, progress.update);
    progress.done();
    await disconnectDb();
    log("Adding synthetic assessments and the bench member…");
    await addSyntheticAssessments(db.url);
    await addMember();
    log(`Filled the stats summaries in ${seconds(await fillSummaries())}.`);
    await disconnectDb();
    const build = await buildIfNeeded(log);
    print([
      `Pages through next start over HTTP (${build === "reused" ? "the last build, its sources unchanged" : "built now"}).`,
      `Data: SYNTHETIC, ${int(set.realRows + set.syntheticRows)} recommendations: the ${int(set.realRows)} real China ones + ${int(set.syntheticRows)} copies of their texts`,
      `  in ${int(set.syntheticReviews)} synthetic reviews (${set.statesUnderReview} States under review x cycles 1-${set.cycles}); ${int(set.recommendingStateRows)} recommending-State rows.`,
      `Database: ${db.name} on ${db.server}, ${options.keep ? "kept (--keep)" : "dropped at the end"}.`,
      `Machine: Node ${process.version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load average (1, 5, 15 min) ${loadAverage()} at start.`,
      "",
    ]);
    await benchApp(db.url, options, secret, "Pages on PostgreSQL", options.concurrency);
  } finally {
    await disconnectDb();
    await db.release({ keep: options.keep });
  }
  if (options.keep) log(`Kept the database: DATABASE_URL=${db.url}`);
  if (options.embedded) await benchEmbedded(options, secret);
  print([`Load average at the end (1, 5, 15 min): ${loadAverage()} (${os.cpus().length} CPUs; other work on the machine skews the timings).`]);
  return 0;
}
