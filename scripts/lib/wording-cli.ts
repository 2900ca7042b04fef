/**
 * `upr wording export --review <id> [-o file]` and
 * `upr wording import <file> --review <id> [--source-symbol <symbol>] [--dry-run] [--as <admin email>]`: the State's own
 * response wording per recommendation (lib/server/response-wording.ts) from the command line. The operator acts on
 * their own (the audit names no user) unless --as names an instance administrator to record the import as.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatSheetIssue } from "@/lib/csv-sheet/issues";
import { decodeSheet } from "@/lib/csv-sheet/read";
import { documentSymbolSchema, type ResponseWordingPreview, type WordingChange } from "@/lib/schemas/response-wording";
import type { Actor } from "@/lib/server/accounts";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/http-errors";
import { getViewerByEmail } from "@/lib/server/permissions";
import { applyResponseWording, exportResponseWordingTemplate, previewResponseWording, ResponseWordingRejectedError } from "@/lib/server/response-wording";
import { UsageError, withDatabase } from "./accounts-cli";
import { createProgress } from "./progress";

const OPERATOR = { kind: "operator" } as const;
const LISTED_CHANGES = 20;

function reviewIdOf(value: string | undefined, command: string): number {
  if (!value) throw new UsageError(`wording ${command} needs --review <id>`);
  const reviewId = Number(value);
  if (!(Number.isInteger(reviewId) && reviewId > 0 && reviewId <= 2_147_483_647)) throw new UsageError(`--review must be a review id such as 3, not "${value}"`);
  return reviewId;
}

/** A refusal the operator can fix (unknown review, not an administrator, a changed sheet): one line, exit 1. */
function refusal(error: unknown, who: string | undefined): number {
  if (error instanceof NotFoundError) process.stderr.write(`upr: ${error.message}\n`);
  else if (error instanceof ForbiddenError) process.stderr.write(`upr: ${who} is not an instance administrator\n`);
  else if (error instanceof ConflictError) process.stderr.write(`upr: nothing was imported: ${error.message}\n`);
  else throw error;
  return 1;
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { review: { type: "string" }, output: { type: "string", short: "o" } } });
  if (positionals.length > 0) throw new UsageError("wording export takes no file: use -o <file>");
  const reviewId = reviewIdOf(values.review, "export");
  return withDatabase(async () => {
    try {
      const template = await exportResponseWordingTemplate(OPERATOR, reviewId);
      if (values.output) await fs.writeFile(values.output, template.csv);
      else process.stdout.write(template.csv);
      process.stderr.write(`${template.rows} rows of ${template.review.label}${values.output ? ` written to ${values.output}` : ""}.\n`);
      return 0;
    } catch (error) {
      return refusal(error, undefined);
    }
  });
}

function describeChange(change: WordingChange): string {
  const known = change.impliedPosition ? "" : " (words the position table does not know)";
  return `  row ${change.row}, paragraph ${change.paragraph}: ${change.before.wording ?? "(none)"} -> ${change.after.wording}, ${change.after.source}${known}`;
}

/** Every problem as `file: row 7, wording: …`, then the count; true when there was any. */
function printProblems(fileName: string, preview: ResponseWordingPreview): boolean {
  for (const problem of preview.errors) process.stderr.write(`${fileName}: ${formatSheetIssue(problem)}\n`);
  if (preview.errors.length > 0) process.stderr.write(`${fileName}: ${preview.errors.length} problem(s); nothing was imported.\n`);
  return preview.errors.length > 0;
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { review: { type: "string" }, "source-symbol": { type: "string" }, "dry-run": { type: "boolean" }, as: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError("wording import takes exactly one file");
  const reviewId = reviewIdOf(values.review, "import");
  const symbol = values["source-symbol"] === undefined ? undefined : documentSymbolSchema.safeParse(values["source-symbol"]);
  if (symbol && !symbol.success) throw new UsageError(`--source-symbol must be a document symbol such as A/HRC/40/6/Add.1, not "${values["source-symbol"]}"`);
  const target = { reviewId, sourceSymbol: symbol?.data };
  const dryRun = values["dry-run"] === true;

  // Read and decode the file before opening the database.
  const file = positionals[0]!;
  const fileName = path.basename(file);
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  const decoded = decodeSheet(bytes);
  if ("error" in decoded) {
    process.stderr.write(`${fileName}: ${decoded.error.message}\n${fileName}: nothing was imported.\n`);
    return 1;
  }

  return withDatabase(async () => {
    try {
      const viewer = values.as ? await getViewerByEmail(values.as) : null;
      if (values.as && !viewer) {
        process.stderr.write(`upr: no user with the email ${values.as}\n`);
        return 1;
      }
      const actor: Actor = viewer ? { kind: "user", viewer } : OPERATOR;
      const preview = await previewResponseWording(actor, target, decoded.text);
      if (printProblems(fileName, preview)) return 1;

      process.stdout.write(`${fileName}: ${preview.rows} rows for ${preview.review.label}, from ${preview.sourceSymbol}: ${preview.changes.length} to set, ${preview.unchanged} unchanged\n`);
      for (const change of preview.changes.slice(0, LISTED_CHANGES)) process.stdout.write(`${describeChange(change)}\n`);
      if (preview.changes.length > LISTED_CHANGES) process.stdout.write(`  … and ${preview.changes.length - LISTED_CHANGES} more\n`);
      if (dryRun || preview.changes.length === 0) {
        process.stdout.write(preview.changes.length === 0 ? "Nothing to set.\n" : "Dry run: nothing was written.\n");
        return 0;
      }

      const progress = createProgress("Setting wordings", true, { lines: true });
      const result = await applyResponseWording(actor, target, decoded.text, { onProgress: progress.update, expectedChanges: preview.changes.length });
      progress.done();
      process.stdout.write(`Set the wording of ${result.applied} recommendation(s)${viewer ? ` as ${viewer.user.name} <${viewer.user.email}>` : ""}.\n`);
      return 0;
    } catch (error) {
      if (error instanceof ResponseWordingRejectedError) {
        printProblems(fileName, error.preview);
        return 1;
      }
      return refusal(error, values.as);
    }
  });
}

export async function wordingCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "export") return exportCommand(rest);
  if (sub === "import") return importCommand(rest);
  throw new UsageError(`unknown wording command "${sub ?? ""}"`);
}
