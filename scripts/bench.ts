/**
 * `npm run bench -- [--rows N] [--iterations N] [--keep]`: the explorer's performance, measured on a large synthetic
 * set in a database of its own (dropped at the end, also on Ctrl-C or error, unless --keep). It reports and never
 * judges: the exit code is 0 even when a target is missed (1 only when the bench itself cannot run).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { listRecommendations } from "@/lib/server/recommendations";
import { createProgress } from "./lib/progress";
import { addSyntheticAssessments } from "./bench/assessments";
import { loadRealData, openBenchDatabase } from "./bench/database";
import { explainList } from "./bench/explain";
import { measureExport, psqlVersion, type ExportResult } from "./bench/export";
import { exportReport } from "./bench/export-report";
import { listReport, measureList, parseQuery, slowest } from "./bench/list";
import { int, seconds, table } from "./bench/report";
import { explainSlowestSummary, fillSummaries, measureStats, statsReport } from "./bench/stats";
import { buildSyntheticSet } from "./bench/synthetic";

const USAGE =
  "Usage: npm run bench -- [--rows N (default 250000)] [--iterations N (default 30)] [--keep]  |  npm run bench -- first-load-js  |  npm run bench -- import [--rows N (default 40000)] [--no-embedded]  |  npm run bench -- sign-in [--iterations N (default 40)]  |  npm run bench -- stats --database-url URL [--iterations N]  |  npm run bench -- pages [--rows N (default 250000)] [--iterations N (default 20)] [--keep] [--port N] [--duration S (default 30)] [--connections N (default 50)] [--embedded-rows N (default 40000)] [--no-concurrency] [--no-embedded]  |  npm run bench -- page-weight [--database-url URL] [--port N]";
/** The sets exported: everything, and one filter ("everything WEOG States recommended"). */
const EXPORT_SETS = ["", "region=weog"];

type Options = { rows: number; iterations: number; keep: boolean };

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({ args, options: { rows: { type: "string" }, iterations: { type: "string" }, keep: { type: "boolean" } } });
  const positive = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const number = Number(value.replaceAll("_", ""));
    if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive whole number, not "${value}".\n${USAGE}`);
    return number;
  };
  return { rows: positive("rows", values.rows, 250_000), iterations: positive("iterations", values.iterations, 30), keep: values.keep === true };
}

const loadAverage = (): string => os.loadavg()[0]!.toFixed(2);
const print = (lines: string | string[]): void => void process.stdout.write(`${([] as string[]).concat(lines).join("\n")}\n`);
const note = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const psql = psqlVersion();
  const db = await openBenchDatabase(note);
  const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 5);
  let pool: pg.Pool | null = null;
  let finishing: Promise<void> | null = null;
  const finish = (): Promise<void> =>
    (finishing ??= (async () => {
      await pool?.end().catch(() => {});
      await db.release({ keep: options.keep });
    })());
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      note(`${signal}: stopping and ${options.keep ? "keeping" : "dropping"} ${db.name}…`);
      void finish().finally(() => process.exit(code));
    });
  }

  try {
    // Load the real data, then grow it to the requested size.
    note(`Creating ${db.name} on ${db.server} and loading the real data…`);
    const loadStarted = performance.now();
    await loadRealData(db, note);
    const realMs = performance.now() - loadStarted;
    const progress = createProgress("[bench] Building the synthetic set", true);
    const copyStarted = performance.now();
    const set = await buildSyntheticSet(db.url, options.rows, progress.update);
    progress.done();
    const copyMs = performance.now() - copyStarted - set.vacuumAnalyzeMs;
    note("Adding synthetic assessments…");
    const assessmentsStarted = performance.now();
    const assessed = await addSyntheticAssessments(db.url);
    const assessmentsMs = performance.now() - assessmentsStarted;
    // The bulk copies bypass the importer: their statement triggers marked every review, and this fills them.
    note("Filling the stats summaries…");
    const summariesMs = await fillSummaries();
    const scope = { organizationIds: assessed.organizationIds.slice(0, 1) };
    pool = new pg.Pool({ connectionString: db.url, max: poolSize });
    pool.on("error", () => {});
    const version = (await pool.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "?";
    const total = set.realRows + set.syntheticRows;

    print([
      `Data: SYNTHETIC, ${int(total)} recommendations with the whole UPR's shape, built from the ${int(set.realRows)} real China texts (not real UPR data).`,
      `  ${int(set.realRows)} real recommendations (China, cycles 1-3, prisma/data) + ${int(set.syntheticRows)} copies in ${int(set.syntheticReviews)} synthetic reviews`,
      `  (${set.statesUnderReview} real States other than China as States under review x cycles 1-${set.cycles}, ~${int(Math.round(set.syntheticRows / Math.max(set.syntheticReviews, 1)))} rows each,`,
      `  each review a slice of the real texts); the copies keep the real texts, positions, wordings, themes and recommending States.`,
      `  ${int(set.recommendingStateRows)} recommending-State rows, ${int(set.themeRows)} theme rows.`,
      `  ${int(assessed.assessments)} synthetic assessments by ${assessed.organizationIds.length} organisations (two versions each, a third private);`,
      `  statusOf=mine runs as a member of ${assessed.organizationIds[0]}.`,
      `Database: ${db.name} on ${db.server} (PostgreSQL ${version}), ${options.keep ? "kept (--keep)" : "dropped at the end"}.`,
      `Machine: Node ${process.version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load average ${loadAverage()} at start; ${psql}.`,
      "",
      "Load",
      "",
      ...table(
        ["step", "time"],
        [
          ["create + migrate + seed the real data (app importer)", seconds(realMs)],
          [`synthetic copies (INSERT … SELECT, ${int(set.syntheticRows)} rows + joins)`, seconds(copyMs)],
          ["VACUUM (ANALYZE)", seconds(set.vacuumAnalyzeMs)],
          [`synthetic assessments (${int(assessed.assessments)} rows, with VACUUM (ANALYZE))`, seconds(assessmentsMs)],
          ["stats summaries (every review, then the rollup)", seconds(summariesMs)],
          ["total", seconds(realMs + copyMs + set.vacuumAnalyzeMs + assessmentsMs + summariesMs)],
        ],
      ),
      "",
    ]);

    // The list: app vs raw pg, then the plan of the slowest query.
    const list = await measureList(pool, options.iterations, scope, note);
    print([...listReport(list, options.iterations, poolSize), ""]);
    const worst = slowest(list);
    note(`EXPLAIN of ${worst.search || "(no filter)"}`);
    const plans = await explainList(pool, worst.query, scope);
    print([
      `EXPLAIN (ANALYZE, BUFFERS) of the slowest list query (by app p50): ${worst.search || "(no filter)"}`,
      "",
      "page statement:",
      ...plans.page.map((line) => `  ${line}`),
      "count statement:",
      ...plans.count.map((line) => `  ${line}`),
      "",
    ]);

    // The charts' counts.
    const stats = await measureStats(pool, options.iterations, scope, note);
    print([...statsReport(stats, options.iterations), "", ...(await explainSlowestSummary(pool, stats, scope)), ""]);

    // The CSV export against COPY.
    const exports: ExportResult[] = [];
    for (const search of EXPORT_SETS) {
      note(`Export: ${search || "(whole set)"}`);
      const rows = (await listRecommendations({ ...parseQuery(search), pageSize: 1 })).total;
      exports.push(await measureExport(db.url, search, rows));
    }
    print([...exportReport(exports), "", `Load average at the end: ${loadAverage()} (${os.cpus().length} CPUs; other work on the machine skews the timings).`]);
  } finally {
    await finish();
  }
  if (options.keep) note(`Kept the database: DATABASE_URL=${db.url}`);
  return 0;
}

// `npm run bench -- first-load-js`: the page weights of the last build, no database needed.
// `npm run bench -- import`: the importer's throughput against COPY (scripts/bench/import.ts).
// `npm run bench -- sign-in`: a sign-in with its account protections against the same work by hand.
// `npm run bench -- stats --database-url URL`: the stats section alone, on an existing migrated database.
// `npm run bench -- page-weight`: the public pages in Chromium on a phone over "Slow 3G": bytes and time to read.
// `npm run bench -- pages`: every page kind through `next start` over HTTP, one client and under load (scripts/bench/pages.ts).
const SUBCOMMANDS: Record<string, () => Promise<{ main: (args: string[]) => Promise<number> }>> = {
  "first-load-js": () => import("./bench/first-load-js"),
  import: () => import("./bench/import"),
  "sign-in": () => import("./bench/sign-in"),
  stats: () => import("./bench/stats"),
  pages: () => import("./bench/pages"),
  "page-weight": () => import("./bench/page-weight"),
};
const subcommand = SUBCOMMANDS[process.argv[2] ?? ""];
const run = subcommand ? () => subcommand().then((bench) => bench.main(process.argv.slice(3))) : main;
run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    note(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
