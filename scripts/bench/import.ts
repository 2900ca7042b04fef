/**
 * `npm run bench -- import [--rows N] [--no-embedded]`: the importer's throughput. Builds a UPR Info 2015-layout CSV
 * and a UHRI-layout xlsx of N rows (default 40,000) from the shipped real texts over real States, imports each with
 * the app's own code (parseImportFile + applyImport) into a fresh database on the test PostgreSQL, and compares with
 * COPY of the same rows; then the same on the embedded database (PGlite). Reports, never judges: exit code 0 even when
 * a target is missed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import { startEmbeddedServer } from "@/lib/database/embedded";
import { ensureDatabaseExists, migrate } from "@/lib/database/postgres";
import { parseImportFile } from "@/lib/import";
import type { ImportFormat } from "@/lib/import/types";
import { syncCountries } from "@/lib/server/countries";
import { disconnectDb, getDb } from "@/lib/server/db";
import { applyImport } from "@/lib/server/imports";
import { openBenchDatabase } from "./database";
import { psqlVersion } from "./export";
import { copyBaseline, type CopyRun } from "./import-copy";
import { realTexts, ROWS_PER_REVIEW, writeUhriXlsx, writeUprInfoCsv, type BenchFile } from "./import-files";
import { int, mb, seconds, table, verdict } from "./report";
import { sampleMemory } from "./sink";

/** The live heap after a full collection (the bench turns on `gc` for itself: it runs under tsx, without flags). */
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;
function liveHeap(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

/** The issue's target on PostgreSQL: recommendations written per second by the app's importer. */
const TARGET_PER_SECOND = 5_000;

const print = (lines: string | string[]): void => void process.stdout.write(`${([] as string[]).concat(lines).join("\n")}\n`);
const note = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

type Measured = {
  label: string;
  database: string;
  rows: number;
  recommendations: number;
  reviews: number;
  parseMs: number;
  writeMs: number;
  /** Node's own CPU time during the write (the rest is the database and waiting). */
  nodeCpuMs: number;
  copy: CopyRun | string;
  /** Highest RSS sampled while parsing and writing. */
  peakRss: number;
  /**
   * The writer's heap: live (after a full collection) before, every 50 reviews and after the write, as the largest
   * rise above the start; and the sampled peak between collections. Flat memory means both stay the same when the
   * file doubles. RSS alone says little: V8 collects and returns pages lazily.
   */
  liveHeapRise: number;
  writeHeapPeak: number;
};

type Skipped = { label: string; database: string; skipped: string };

/** Parses and imports one file into the database at `url` (already migrated), then loads the same rows by COPY. */
async function measure(label: string, database: string, bench: BenchFile, format: ImportFormat, url: string, dir: string): Promise<Measured | Skipped> {
  const sampler = sampleMemory(100);
  const parseStarted = performance.now();
  const doc = await parseImportFile(fs.readFileSync(bench.file), { fileName: path.basename(bench.file) });
  const parseMs = performance.now() - parseStarted;
  if (doc.format !== format) {
    sampler.stop();
    return { label, database, skipped: format === "uhri-xlsx" ? "UHRI parser not available (parseImportFile does not detect the UHRI xlsx yet)" : `read as ${doc.format}` };
  }
  if (doc.errors.length > 0) {
    sampler.stop();
    return { label, database, skipped: `${doc.errors.length} parse errors, e.g. ${doc.errors.slice(0, 3).map((e) => `${e.location}: ${e.message}`).join("; ")}` };
  }
  process.env.DATABASE_URL = url;
  await disconnectDb();
  // The app fills the Country table at its first start (the seed); a fresh bench database has it filled the same way.
  await syncCountries(getDb());
  const parseMemory = sampler.stop();
  const liveAtStart = liveHeap();
  let liveMax = liveAtStart;
  let collecting = 0;
  const writeSampler = sampleMemory(100);
  const cpuAtStart = process.cpuUsage();
  const writeStarted = performance.now();
  note(`${label} on ${database}: writing ${int(doc.recommendations.length)} recommendations…`);
  const result = await applyImport(doc, {
    onEvent: (event) => {
      if (event.type !== "review" || event.phase !== "done" || event.index % 50 !== 49) return;
      // A full collection takes a moment: it is measured and left out of the write time.
      const started = performance.now();
      liveMax = Math.max(liveMax, liveHeap());
      collecting += performance.now() - started;
    },
  });
  const writeMs = performance.now() - writeStarted - collecting;
  const cpu = process.cpuUsage(cpuAtStart);
  const writeMemory = writeSampler.stop();
  liveMax = Math.max(liveMax, liveHeap());
  await disconnectDb();
  const created = result.outcomes.reduce((n, o) => n + o.created, 0);
  if (created !== doc.recommendations.length) throw new Error(`${label}: ${created} of ${doc.recommendations.length} recommendations were created.`);
  note(`${label} on ${database}: COPY of the same rows…`);
  const copy = await copyBaseline(url, dir).catch((error: Error) => `not measured (${error.message.split("\n")[0]})`);
  return {
    label,
    database,
    rows: bench.rows,
    recommendations: created,
    reviews: result.outcomes.length,
    parseMs,
    writeMs,
    copy,
    peakRss: Math.max(parseMemory.rss.max, writeMemory.rss.max),
    nodeCpuMs: (cpu.user + cpu.system) / 1000 - collecting,
    liveHeapRise: liveMax - liveAtStart,
    writeHeapPeak: writeMemory.heapUsed.max - liveAtStart,
  };
}

async function onPostgres(label: string, bench: BenchFile, format: ImportFormat, dir: string): Promise<Measured | Skipped> {
  const db = await openBenchDatabase(note);
  try {
    await ensureDatabaseExists(db.url);
    await migrate(db.url, { quiet: true });
    return await measure(label, `PostgreSQL (${db.server})`, bench, format, db.url, dir);
  } finally {
    await db.release({ keep: false });
  }
}

async function onEmbedded(label: string, bench: BenchFile, format: ImportFormat, dir: string): Promise<Measured | Skipped> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upr-bench-embedded-"));
  const server = await startEmbeddedServer({ dataDir });
  try {
    await migrate(server.url, { quiet: true });
    return await measure(label, "embedded (PGlite)", bench, format, server.url, dir);
  } finally {
    await disconnectDb();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(results: (Measured | Skipped)[]): string[] {
  const rows = results.map((r): string[] => {
    if ("skipped" in r) return [r.label, r.database, "-", "-", "-", "-", "-", "-", "-", "-", "-", "skipped"];
    const perSecond = r.recommendations / (r.writeMs / 1000);
    const copy = typeof r.copy === "string" ? null : r.copy;
    const onPostgres = r.database.startsWith("PostgreSQL");
    return [
      r.label,
      r.database,
      int(r.recommendations),
      int(r.reviews),
      seconds(r.parseMs),
      `${seconds(r.writeMs)} (Node CPU ${seconds(r.nodeCpuMs)})`,
      int(perSecond),
      copy ? `${seconds(copy.ms)} (${int(copy.recommendations / (copy.ms / 1000))}/s)` : "n/a",
      copy ? `${(r.writeMs / copy.ms).toFixed(1)}x` : "n/a",
      mb(r.peakRss),
      `live +${mb(r.liveHeapRise)}, peak +${mb(r.writeHeapPeak)}`,
      onPostgres ? verdict(perSecond >= TARGET_PER_SECOND) : "(no target)",
    ];
  });
  const notes = results.flatMap((r) => ("skipped" in r ? [`${r.label} on ${r.database}: skipped — ${r.skipped}`] : typeof r.copy === "string" ? [`${r.label} on ${r.database}: COPY ${r.copy}`] : []));
  return [
    ...table(["file", "database", "recommendations", "reviews", "parse", "write", "written/s", "COPY of the same rows", "write/COPY", "peak RSS", "writer heap", `>= ${int(TARGET_PER_SECOND)}/s`], rows),
    ...notes,
  ];
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { rows: { type: "string" }, "no-embedded": { type: "boolean" } } });
  const rows = values.rows === undefined ? 40_000 : Number(values.rows.replaceAll("_", ""));
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive whole number, not "${values.rows}".`);
  const psql = psqlVersion();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upr-bench-import-"));
  try {
    note(`Writing the ${int(rows)}-row files…`);
    const texts = realTexts();
    const csv = await writeUprInfoCsv(dir, rows, texts);
    const xlsx = await writeUhriXlsx(dir, rows, texts);
    print([
      `Data: SYNTHETIC layouts of real texts (not UN data): ${int(texts.length)} distinct shipped texts (UPR Info's China rows, China's 2018 list) dealt`,
      `  over real States under review and cycles/sessions, ${ROWS_PER_REVIEW} a review, one recommending State per UPR Info row.`,
      `  UPR Info 2015 CSV: ${int(csv.rows)} rows, ${mb(csv.bytes)}; UHRI xlsx: ${int(xlsx.rows)} rows, ${mb(xlsx.bytes)}. Each is imported into a fresh database.`,
      `Machine: Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)} at start; ${psql}.`,
      "",
    ]);
    const results: (Measured | Skipped)[] = [];
    results.push(await onPostgres("UPR Info CSV", csv, "upr-info-csv", dir));
    results.push(await onPostgres("UHRI xlsx", xlsx, "uhri-xlsx", dir));
    if (values["no-embedded"] !== true) {
      results.push(await onEmbedded("UPR Info CSV", csv, "upr-info-csv", dir));
      results.push(await onEmbedded("UHRI xlsx", xlsx, "uhri-xlsx", dir));
    }
    print([...report(results), "", `Load average at the end: ${os.loadavg()[0]!.toFixed(2)} (other work on the machine skews the timings).`]);
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
