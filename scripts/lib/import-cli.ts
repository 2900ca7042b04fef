/**
 * `upr import <file> [--state ISO3] [--cycle N] [--replace] [--dry-run] [--json]`: reads any supported file and
 * imports it through the same writer as the browser import (lib/server/imports), one transaction per review, printing
 * a line per review as it goes. Exit codes: 0 done, 1 rejected or stopped part-way, 2 usage or environment problem.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { parseImportFile } from "@/lib/import";
import type { ImportPreview, ImportResult, ReviewOutcome, ReviewPlan } from "@/lib/import/plan";
import type { ParsedDocument } from "@/lib/import/types";
import { embeddedDataDir, findRunningEmbeddedServer, startEmbeddedServer } from "@/lib/database/embedded";
import { migrate, openDatabase } from "@/lib/database/postgres";
import { disconnectDb } from "@/lib/server/db";
import { applyImport, ImportRejectedError, previewImport } from "@/lib/server/imports";
import { UsageError } from "./accounts-cli";
import { findingsLine, issueLines, outcomeLine, planLine, summaryLines, totalsLine } from "./import-report";
import { createProgress } from "./progress";

type Options = { file: string; state?: string; cycle?: number; replace: boolean; dryRun: boolean; json: boolean };

function options(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { state: { type: "string" }, cycle: { type: "string" }, replace: { type: "boolean" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError("import takes exactly one file");
  const state = values.state?.toUpperCase();
  if (state !== undefined && !/^[A-Z]{3}$/.test(state)) throw new UsageError(`--state must be an ISO3 code such as CHN, not "${values.state}"`);
  const cycle = values.cycle === undefined ? undefined : Number(values.cycle);
  if (cycle !== undefined && !(Number.isInteger(cycle) && cycle >= 1 && cycle <= 9)) throw new UsageError(`--cycle must be a cycle number such as 3, not "${values.cycle}"`);
  return { file, state, cycle, replace: values.replace === true, dryRun: values["dry-run"] === true, json: values.json === true };
}

const out = (lines: string | string[]): void => void process.stdout.write(`${([] as string[]).concat(lines).join("\n")}\n`);
const err = (lines: string | string[]): void => void process.stderr.write(`${([] as string[]).concat(lines).join("\n")}\n`);

/** Totals for scripts that read `--json` (kept from the first versions of the command). */
function written(result: ImportResult): Record<string, number> {
  const sum = (key: "created" | "updated" | "unchanged" | "removed"): number => result.outcomes.reduce((n, o) => n + o[key], 0);
  return { created: sum("created"), updated: sum("updated"), unchanged: sum("unchanged"), removed: sum("removed"), skipped: result.outcomes.filter((o) => o.action === "skip" || o.action === "refuse").length };
}

/**
 * A dry run reads what is loaded when a database is there to read, and never creates one: DATABASE_URL if it answers,
 * else the embedded database when it exists. Null, with the reason, when there is none.
 */
async function readOnlyDatabase(): Promise<{ url: string; stop: () => Promise<void> } | { reason: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      return { url, stop: async () => {} };
    } catch (error) {
      return { reason: `the database at DATABASE_URL does not answer (${(error as Error).message})` };
    } finally {
      await client.end().catch(() => {});
    }
  }
  const running = await findRunningEmbeddedServer();
  if (running) return running;
  if (!fs.existsSync(path.join(embeddedDataDir(), "pgdata"))) return { reason: "there is no database yet (no DATABASE_URL, no embedded database)" };
  return startEmbeddedServer();
}

async function dryRun(doc: ParsedDocument, opts: Options): Promise<{ preview: ImportPreview; database: string | null }> {
  const db = await readOnlyDatabase();
  if ("reason" in db) return { preview: await previewImport(doc, { db: null }), database: db.reason };
  try {
    process.env.DATABASE_URL = db.url;
    return { preview: await previewImport(doc, { replace: opts.replace }), database: null };
  } catch (error) {
    return { preview: await previewImport(doc, { db: null }), database: `the database cannot be read (${(error as Error).message.split("\n")[0]})` };
  } finally {
    await disconnectDb();
    await db.stop();
  }
}

/** Writes the document, printing a line per review as each one commits. Null when a review failed part-way. */
async function write(doc: ParsedDocument, opts: Options): Promise<ImportResult | null> {
  const db = await openDatabase();
  let plans: ReviewPlan[] = [];
  const done: ReviewOutcome[] = [];
  try {
    await migrate(db.url, { quiet: opts.json });
    process.env.DATABASE_URL = db.url;
    return await applyImport(doc, {
      replace: opts.replace,
      onEvent: (event) => {
        if (event.type === "preview") plans = event.preview.reviews;
        if (event.type === "review" && event.phase === "done" && event.outcome) done.push(event.outcome);
        if (opts.json) return;
        if (event.type === "preview") out(summaryLines(event.preview));
        if (event.type === "review" && event.phase === "done" && event.outcome) out(outcomeLine(event.outcome, plans[event.index]));
        if (event.type === "error") err(`upr: ${event.message}`);
      },
    });
  } catch (error) {
    // Rejected as a whole (nothing written), or stopped part-way (the reviews before it are committed).
    const issues = error instanceof ImportRejectedError ? error.issues : null;
    if (opts.json) out(JSON.stringify({ error: (error as Error).message, errors: issues ?? [], outcomes: done }));
    else if (issues) err(issueLines(doc.fileName, issues));
    else if (done.length > 0) out(totalsLine(done));
    return null;
  } finally {
    await disconnectDb();
    await db.stop();
  }
}

export async function importCommand(args: string[]): Promise<number> {
  const opts = options(args);
  const fileName = path.basename(opts.file);
  const buffer = await fsp.readFile(opts.file).catch((error: NodeJS.ErrnoException) => {
    err(`${opts.file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
    return null;
  });
  if (!buffer) return 2;
  const progress = createProgress(`Reading ${fileName}`, !opts.json);
  const doc = await parseImportFile(buffer, { fileName, stateUnderReview: opts.state, cycle: opts.cycle, onProgress: progress.update });
  progress.done();

  // A file with errors writes nothing; a dry run plans against what is loaded, when it can see it.
  if (doc.errors.length > 0 || opts.dryRun) {
    const { preview, database } = opts.dryRun ? await dryRun(doc, opts) : { preview: await previewImport(doc, { db: null }), database: null };
    const read = opts.dryRun ? { database: database === null ? { read: true } : { read: false, reason: database } } : {};
    if (opts.json) out(JSON.stringify({ ...preview, dryRun: opts.dryRun, ...read, written: null }));
    else if (doc.recommendations.length + (doc.findings?.length ?? 0) > 0) {
      out([...summaryLines(preview), ...preview.reviews.map((plan) => `  ${planLine(plan, database === null)}`)]);
      if (database) out(`No database was read: ${database}; the plan does not know what is loaded.`);
      if (opts.dryRun && doc.errors.length === 0) out("Dry run: nothing was written.");
    }
    if (doc.errors.length === 0) return 0;
    err(issueLines(fileName, doc.errors));
    return 1;
  }

  const result = await write(doc, opts);
  if (!result) return 1;
  if (opts.json) out(JSON.stringify({ ...result, dryRun: false, written: written(result) }));
  else {
    if (result.outcomes.length > 0 || result.findingOutcome === null) out(totalsLine(result.outcomes));
    if (result.findingOutcome) out(findingsLine(result.findingOutcome));
  }
  return 0;
}
