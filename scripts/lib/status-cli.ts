/**
 * `upr status export --org <name> --review <id> [-o file]` and
 * `upr status import <file> --org <name> --review <id> [--dry-run] [--as <email>]`: an organisation's status sheet
 * (lib/server/status-sheet.ts) from the command line. Export and dry runs act as the operator; an import records the
 * new assessments as the member named by --as, who must be an editor or owner of the organisation.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatSheetIssue, type SheetChange, type StatusSheetPreview } from "@/lib/schemas/status-sheet";
import { decodeSheet } from "@/lib/status-sheet/csv";
import type { Actor } from "@/lib/server/accounts";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/http-errors";
import { getViewerByEmail } from "@/lib/server/permissions";
import { applyStatusSheet, exportStatusSheet, previewStatusSheet, StatusSheetRejectedError, type SheetTarget } from "@/lib/server/status-sheet";
import { UsageError, withDatabase } from "./accounts-cli";
import { createProgress } from "./progress";

const OPERATOR = { kind: "operator" } as const;
const LISTED_CHANGES = 20;

function target(values: { org?: string; review?: string }, command: string): SheetTarget {
  if (!values.org || !values.review) throw new UsageError(`status ${command} needs --org <name> and --review <id>`);
  const reviewId = Number(values.review);
  if (!(Number.isInteger(reviewId) && reviewId > 0 && reviewId <= 2_147_483_647)) throw new UsageError(`--review must be a review id such as 3, not "${values.review}"`);
  return { reviewId, organization: values.org };
}

/** A refusal the operator can fix (unknown organisation or review, not an editor, a conflict): one line, exit 1. */
function refusal(error: unknown, who: string | undefined, organization: string | undefined): number {
  if (error instanceof NotFoundError) process.stderr.write(`upr: ${error.message}\n`);
  else if (error instanceof ForbiddenError) process.stderr.write(`upr: ${who} is not an editor or owner of "${organization}"\n`);
  else if (error instanceof ConflictError) process.stderr.write(`upr: nothing was imported: ${error.message}\n`);
  else throw error;
  return 1;
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { org: { type: "string" }, review: { type: "string" }, output: { type: "string", short: "o" } } });
  if (positionals.length > 0) throw new UsageError("status export takes no file: use -o <file>");
  const sheetTarget = target(values, "export");
  return withDatabase(async () => {
    try {
      const sheet = await exportStatusSheet(OPERATOR, sheetTarget);
      if (values.output) await fs.writeFile(values.output, sheet.csv);
      else process.stdout.write(sheet.csv);
      process.stderr.write(`${sheet.rows} rows of ${sheet.review.label} for ${sheet.organization.name}${values.output ? ` written to ${values.output}` : ""}.\n`);
      return 0;
    } catch (error) {
      return refusal(error, undefined, values.org);
    }
  });
}

function describeChange(change: SheetChange): string {
  const where = change.paragraph ? `paragraph ${change.paragraph}` : `recommendation ${change.recommendationId}`;
  const status = change.before ? `${change.before.status} -> ${change.after.status}` : `new: ${change.after.status}`;
  return `  row ${change.row}, ${where}: ${status} (${change.fields.join(", ")})`;
}

/** Every problem as `file: row 7, status: …`, then the count; true when there was any. */
function printProblems(fileName: string, preview: StatusSheetPreview): boolean {
  const problems = [...preview.errors.map(formatSheetIssue), ...preview.conflicts.map((c) => `row ${c.row}: ${c.message}`)];
  for (const problem of problems) process.stderr.write(`${fileName}: ${problem}\n`);
  if (problems.length > 0) process.stderr.write(`${fileName}: ${problems.length} problem(s); nothing was imported.\n`);
  return problems.length > 0;
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: "string" }, review: { type: "string" }, "dry-run": { type: "boolean" }, as: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError("status import takes exactly one file");
  const sheetTarget = target(values, "import");
  const dryRun = values["dry-run"] === true;
  if (!dryRun && !values.as) throw new UsageError("status import records the assessments as a member: add --as <email> (or --dry-run)");

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
      const preview = await previewStatusSheet(actor, sheetTarget, decoded.text);
      if (printProblems(fileName, preview)) return 1;

      process.stdout.write(`${fileName}: ${preview.rows} rows for ${preview.organization.name}, ${preview.review.label}: ${preview.changes.length} to record, ${preview.unchanged} unchanged\n`);
      for (const change of preview.changes.slice(0, LISTED_CHANGES)) process.stdout.write(`${describeChange(change)}\n`);
      if (preview.changes.length > LISTED_CHANGES) process.stdout.write(`  … and ${preview.changes.length - LISTED_CHANGES} more\n`);
      if (dryRun || !viewer || preview.changes.length === 0) {
        process.stdout.write(preview.changes.length === 0 ? "Nothing to record.\n" : "Dry run: nothing was written.\n");
        return 0;
      }

      const progress = createProgress("Recording assessments", true, { lines: true });
      const result = await applyStatusSheet(viewer, sheetTarget, decoded.text, { onProgress: progress.update, expectedChanges: preview.changes.length });
      progress.done();
      process.stdout.write(`Recorded ${result.applied} new assessment version(s) as ${viewer.user.name} <${viewer.user.email}>.\n`);
      return 0;
    } catch (error) {
      if (error instanceof StatusSheetRejectedError) {
        printProblems(fileName, error.preview);
        return 1;
      }
      return refusal(error, values.as, values.org);
    }
  });
}

export async function statusCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "export") return exportCommand(rest);
  if (sub === "import") return importCommand(rest);
  throw new UsageError(`unknown status command "${sub ?? ""}"`);
}
