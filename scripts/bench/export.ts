import { spawn, spawnSync } from "node:child_process";
import pg from "pg";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { recommendationPageSql } from "@/lib/server/recommendations";
import { parseQuery } from "./list";
import { CsvCounter, sampleMemory, type MemoryReport } from "./sink";

export type ExportRun = { ms: number; bytes: number; rows: number };
export type ExportResult = { search: string; total: number; route: ExportRun; copy: ExportRun; memory: MemoryReport };

/**
 * The CSV export exactly as it ships: the route handler's GET (strict parse, the ordered ids through
 * `listRecommendationIds`, batches of 1,000 rows through `listRecommendationsByIds`, `lib/csv/` formatting with the
 * label columns and formula neutralisation, a pull-based web stream), its body
 * read into a counting sink instead of a socket. Memory is sampled every 200 ms while it runs.
 */
async function exportThroughRoute(search: string): Promise<{ run: ExportRun; memory: MemoryReport }> {
  const sampler = sampleMemory(200);
  const started = performance.now();
  const response = await exportCsv(new Request(`http://bench.invalid/api/recommendations.csv${search ? `?${search}` : ""}`));
  if (!response.ok || !response.body) throw new Error(`The CSV export answered ${response.status}: ${await response.text()}`);
  const counter = new CsvCounter();
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) counter.push(chunk.value);
  const ms = performance.now() - started;
  return { run: { ms, bytes: counter.bytes, rows: counter.records - 1 }, memory: sampler.stop() };
}

/** The psql used for the COPY comparison, checked before anything is loaded; throws when there is none. */
export function psqlVersion(): string {
  const result = spawnSync("psql", ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) throw new Error("psql is needed for the COPY comparison (Debian: apt-get install postgresql-client).");
  return result.stdout.trim();
}

/** psql takes no bind parameters: inline them. Values come from the strict schema: finite numbers and strings only. */
function inline(sql: { text: string; values: unknown[] }): string {
  return sql.text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = sql.values[Number(index) - 1];
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value === "string") return pg.escapeLiteral(value);
    throw new Error(`Cannot inline parameter $${index} (${typeof value}).`);
  });
}

/**
 * PostgreSQL's own `COPY (SELECT …) TO STDOUT WITH CSV` of the same rows in the same order: the list's page statement
 * (the same where-builder, sort and row select as the export), one page holding the whole set, streamed by psql.
 */
async function copyThroughPsql(url: string, search: string, total: number): Promise<ExportRun> {
  const statement = recommendationPageSql({ ...parseQuery(search), page: 1, pageSize: Math.max(total, 1) }).page;
  const copy = `COPY (${inline(statement)}) TO STDOUT WITH (FORMAT csv, HEADER)`;
  const counter = new CsvCounter();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", copy], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => counter.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new Error(`Cannot run psql (needed for the COPY comparison): ${error.message}`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`psql COPY failed (${code}): ${stderr.trim()}`))));
  });
  return { ms: performance.now() - started, bytes: counter.bytes, rows: counter.records - 1 };
}

/** One untimed COPY warms the caches for both; then the export, then COPY, each checked against the list's total. */
export async function measureExport(url: string, search: string, total: number): Promise<ExportResult> {
  await copyThroughPsql(url, search, total);
  const { run: route, memory } = await exportThroughRoute(search);
  const copy = await copyThroughPsql(url, search, total);
  for (const [name, run] of [["export", route], ["COPY", copy]] as const) {
    if (run.rows !== total) throw new Error(`"${search}": the ${name} wrote ${run.rows} rows, the list's total is ${total}.`);
  }
  return { search, total, route, copy, memory };
}

export const TARGET_EXPORT_RATIO = 0.5;
/** "Flat": the second half of the export peaks less than this above the first half (see MemoryReport). */
export const FLAT_MEMORY_BYTES = 50 * 1024 * 1024;
