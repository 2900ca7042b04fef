/**
 * `upr status export --org <name> --review <id> [-o file]` and
 * `upr status import <file> --org <name> --review <id> [--dry-run] [--as <email>]`: an organisation's status sheet
 * (lib/server/status-sheet/) from the command line. Export and dry runs act as the operator; an import records the
 * new assessments as the member named by --as, who must be an editor or owner of the organisation.
 */
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatSheetIssue, type SheetChange, type StatusSheetPreview } from "@/lib/schemas/status-sheet";
import { applyStatusSheet, exportStatusSheet, previewStatusSheet, StatusSheetRejectedError, type SheetTarget } from "@/lib/server/status-sheet";
import { UsageError, withDatabase } from "./accounts-cli";
import { createProgress } from "./progress";
import { OPERATOR, printChanges, printProblems, refusal, reviewIdOption, withSheetAndActor } from "./sheet-cli";

function target(values: { org?: string; review?: string }, command: string): SheetTarget {
  const missing = `status ${command} needs --org <name> and --review <id>`;
  if (!values.org) throw new UsageError(missing);
  return { reviewId: reviewIdOption(values.review, missing), organization: values.org };
}

/** The line for an --as user (or the operator, on export) who may not write this organisation's assessments. */
function notAnEditor(who: string | undefined, organization: string | undefined): string {
  return `${who} is not an editor or owner of "${organization}"`;
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
      return refusal(error, notAnEditor(undefined, values.org));
    }
  });
}

function describeChange(change: SheetChange): string {
  const where = change.paragraph ? `paragraph ${change.paragraph}` : `recommendation ${change.recommendationId}`;
  const status = change.before ? `${change.before.status} -> ${change.after.status}` : `new: ${change.after.status}`;
  return `  row ${change.row}, ${where}: ${status} (${change.fields.join(", ")})`;
}

/** Every problem of the sheet: its own (`row 7, status: …`) and rows whose assessment changed since the export. */
function problemsOf(preview: StatusSheetPreview): string[] {
  return [...preview.errors.map(formatSheetIssue), ...preview.conflicts.map((c) => `row ${c.row}: ${c.message}`)];
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

  return withSheetAndActor(positionals[0]!, values.as, async ({ fileName, text }, { actor, viewer }) => {
    try {
      const preview = await previewStatusSheet(actor, sheetTarget, text);
      if (printProblems(fileName, problemsOf(preview))) return 1;

      printChanges(`${fileName}: ${preview.rows} rows for ${preview.organization.name}, ${preview.review.label}: ${preview.changes.length} to record, ${preview.unchanged} unchanged`, preview.changes, describeChange);
      if (dryRun || !viewer || preview.changes.length === 0) {
        process.stdout.write(preview.changes.length === 0 ? "Nothing to record.\n" : "Dry run: nothing was written.\n");
        return 0;
      }

      const progress = createProgress("Recording assessments", true, { lines: true });
      const result = await applyStatusSheet(viewer, sheetTarget, text, { onProgress: progress.update, expectedChanges: preview.changes.length });
      progress.done();
      process.stdout.write(`Recorded ${result.applied} new assessment version(s) as ${viewer.user.name} <${viewer.user.email}>.\n`);
      return 0;
    } catch (error) {
      if (error instanceof StatusSheetRejectedError) {
        printProblems(fileName, problemsOf(error.preview));
        return 1;
      }
      return refusal(error, notAnEditor(values.as, values.org));
    }
  });
}

export async function statusCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "export") return exportCommand(rest);
  if (sub === "import") return importCommand(rest);
  throw new UsageError(`unknown status command "${sub ?? ""}"`);
}
