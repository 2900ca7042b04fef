/**
 * The operators' CLI: `npm run upr -- import <file> [--state ISO3] [--cycle N] [--dry-run] [--json]`, plus
 * `org create` and `user add` (scripts/lib/accounts-cli.ts), `status export` and `status import` (scripts/lib/status-cli.ts),
 * `wording export` and `wording import` (scripts/lib/wording-cli.ts), and `classify` (scripts/lib/classify-cli.ts, no database).
 * Exit codes: 0 done, 1 the input was rejected (nothing written), 2 usage or environment problem.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseImportFile, summarise } from "@/lib/import";
import type { ImportIssue } from "@/lib/import/types";
import { migrate, openDatabase } from "@/lib/database/postgres";
import { disconnectDb } from "@/lib/server/db";
import { ImportRejectedError, importParsedDocument, type ImportOutcome } from "@/lib/server/imports";
import { orgCommand, UsageError, userCommand } from "./lib/accounts-cli";
import { classifyCommand } from "./lib/classify-cli";
import { createProgress } from "./lib/progress";
import { statusCommand } from "./lib/status-cli";
import { wordingCommand } from "./lib/wording-cli";

const USAGE = `Usage:
  npm run upr -- import <file> [--state ISO3] [--cycle N] [--dry-run] [--json]

  <file>      an OHCHR "Thematic list of recommendations" (.docx) or a UPR Info export (.csv)
  --state     the State under review (ISO3): fallback for a document whose heading lacks it, filter for an export
  --cycle     the UPR cycle (1-4): fallback for a document, filter for an export
  --dry-run   parse and validate only; no database is touched
  --json      print one JSON object on stdout

  npm run upr -- org create <name>
  npm run upr -- user add <email> --org <name> --role owner|editor|viewer [--name "display name"] [--admin]
  npm run upr -- user add <email> --admin

  user add reads a new user's password (at least 12 characters) from stdin, without echo on a terminal.
  An existing user keeps their password; their membership is added or its role changed.

  npm run upr -- status export --org <name> --review <id> [-o file]
  npm run upr -- status import <file> --org <name> --review <id> [--dry-run] [--as <email>]

  status export writes the organisation's status sheet of a review (CSV, one row per recommendation).
  status import checks an edited sheet row by row and records each changed row as a new assessment, all or
  nothing, as the member --as (an editor or owner of the organisation); --dry-run only shows what would change.

  npm run upr -- wording export --review <id> [-o file]
  npm run upr -- wording import <file> --review <id> [--source-symbol <symbol>] [--dry-run] [--as <admin email>]

  wording export writes a review's response-wording template (CSV: paragraph, wording, addendum_paragraph, then the
  position and text for orientation). wording import sets the State's own words per paragraph, as printed in the
  review's addendum, and cites that addendum (or --source-symbol) with the row's addendum_paragraph; every row is
  checked first (a wording must agree with the recorded position), then all are set in one transaction or none.
  --as records the import as that instance administrator; --dry-run only shows what would change.

  npm run -s upr -- classify < texts.txt

  classify reads one recommendation text per line on stdin and prints its UPR Info action category per line, in order
  (1 minimal, 2 continuing, 3 considering, 4 general, 5 specific action); an empty line gives an empty line.
  It derives the category from the opening verb phrase (lib/action-category.ts) and touches no database.

  npm run -s upr -- classify --evaluate <UPR Info export.csv>

  classify --evaluate prints how the derived category agrees with UPR Info's own (the Action column) in an export:
  overall and per State and cycle, and a confusion matrix (rows UPR Info, columns the rule).`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function printIssues(fileName: string, issues: ImportIssue[]): void {
  for (const issue of issues.slice(0, 50)) {
    process.stderr.write(`${fileName}: ${issue.location === "file" ? "" : `${issue.location}: `}${issue.message}\n`);
  }
  if (issues.length > 50) process.stderr.write(`${fileName}: … and ${issues.length - 50} more\n`);
  process.stderr.write(`${fileName}: ${issues.length} problem(s); nothing was imported.\n`);
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { state: { type: "string" }, cycle: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError("import takes exactly one file");
  const state = values.state?.toUpperCase();
  if (state !== undefined && !/^[A-Z]{3}$/.test(state)) throw new UsageError(`--state must be an ISO3 code such as CHN, not "${values.state}"`);
  const cycle = values.cycle === undefined ? undefined : Number(values.cycle);
  if (cycle !== undefined && !(Number.isInteger(cycle) && cycle >= 1 && cycle <= 9)) throw new UsageError(`--cycle must be a cycle number such as 3, not "${values.cycle}"`);

  const fileName = path.basename(file);
  const buffer = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    fail(`${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`, 2);
  });
  const json = values.json === true;
  const progress = createProgress(`Reading ${fileName}`, !json);
  const doc = await parseImportFile(buffer, { fileName, stateUnderReview: state, cycle, onProgress: progress.update });
  progress.done();
  const summary = summarise(doc);

  let written: ImportOutcome | null = null;
  if (doc.errors.length === 0 && !values["dry-run"]) {
    const db = await openDatabase();
    try {
      await migrate(db.url, { quiet: json });
      process.env.DATABASE_URL = db.url;
      const writing = createProgress(`Writing ${fileName}`, !json);
      written = await importParsedDocument(doc, { onProgress: writing.update });
      writing.done();
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      summary.errors = error.issues;
    } finally {
      await disconnectDb();
      await db.stop();
    }
  }

  if (json) {
    process.stdout.write(`${JSON.stringify({ ...summary, dryRun: values["dry-run"] === true, written })}\n`);
  } else if (summary.recommendations > 0) {
    const p = summary.positions;
    process.stdout.write(
      `${fileName}: ${summary.recommendations} recommendations (${p.supported} supported, ${p.supportedInPart} supported in part, ${p.noted} noted) from ${summary.recommendingStates} recommending States\n`,
    );
    for (const g of summary.groups) {
      process.stdout.write(`  ${g.stateUnderReview} cycle ${g.cycle}${g.session ? `, session ${g.session}` : ""}: ${g.recommendations} recommendations\n`);
    }
    if (written) process.stdout.write(`Imported: ${written.created} new, ${written.updated} updated, ${written.unchanged} unchanged.\n`);
    else if (summary.errors.length === 0) process.stdout.write("Dry run: nothing was written.\n");
  }
  if (summary.errors.length > 0) {
    printIssues(fileName, summary.errors);
    return 1;
  }
  return 0;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === "import") process.exit(await importCommand(rest));
    if (command === "org") process.exit(await orgCommand(rest));
    if (command === "user") process.exit(await userCommand(rest));
    if (command === "status") process.exit(await statusCommand(rest));
    if (command === "wording") process.exit(await wordingCommand(rest));
    if (command === "classify") process.exit(await classifyCommand(rest));
    if (command === undefined || command === "help" || command === "--help") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(command === undefined ? 2 : 0);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      fail(`upr: ${(error as Error).message}\n\n${USAGE}`, 2);
    }
    fail(`upr: ${(error as Error).message}`, 2);
  }
}

void main();
