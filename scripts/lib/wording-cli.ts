/**
 * `upr wording export --review <id> [-o file]` and
 * `upr wording import <file> --review <id> [--source-symbol <symbol>] [--dry-run] [--as <admin email>]`: the State's own
 * response wording per recommendation (lib/server/response-wording.ts) from the command line. The operator acts on
 * their own (the audit names no user) unless --as names an instance administrator to record the import as.
 */
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatSheetIssue } from "@/lib/csv-sheet/issues";
import { documentSymbolSchema, type WordingChange } from "@/lib/schemas/response-wording";
import { applyResponseWording, exportResponseWordingTemplate, previewResponseWording, ResponseWordingRejectedError } from "@/lib/server/response-wording";
import { UsageError, withDatabase } from "./accounts-cli";
import { createProgress } from "./progress";
import { OPERATOR, printChanges, printProblems, refusal, reviewIdOption, withSheetAndActor } from "./sheet-cli";

function reviewIdOf(value: string | undefined, command: string): number {
  return reviewIdOption(value, `wording ${command} needs --review <id>`);
}

/** The line for an --as user (or the operator, on export) who may not set the wording: only administrators may. */
function notAnAdministrator(who: string | undefined): string {
  return `${who} is not an instance administrator`;
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
      return refusal(error, notAnAdministrator(undefined));
    }
  });
}

function describeChange(change: WordingChange): string {
  const known = change.impliedPosition ? "" : " (words the position table does not know)";
  return `  row ${change.row}, paragraph ${change.paragraph}: ${change.before.wording ?? "(none)"} -> ${change.after.wording}, ${change.after.source}${known}`;
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

  return withSheetAndActor(positionals[0]!, values.as, async ({ fileName, text }, { actor, viewer }) => {
    try {
      const preview = await previewResponseWording(actor, target, text);
      if (printProblems(fileName, preview.errors.map(formatSheetIssue))) return 1;

      printChanges(`${fileName}: ${preview.rows} rows for ${preview.review.label}, from ${preview.sourceSymbol}: ${preview.changes.length} to set, ${preview.unchanged} unchanged`, preview.changes, describeChange);
      if (dryRun || preview.changes.length === 0) {
        process.stdout.write(preview.changes.length === 0 ? "Nothing to set.\n" : "Dry run: nothing was written.\n");
        return 0;
      }

      const progress = createProgress("Setting wordings", true, { lines: true });
      const result = await applyResponseWording(actor, target, text, { onProgress: progress.update, expectedChanges: preview.changes.length });
      progress.done();
      process.stdout.write(`Set the wording of ${result.applied} recommendation(s)${viewer ? ` as ${viewer.user.name} <${viewer.user.email}>` : ""}.\n`);
      return 0;
    } catch (error) {
      if (error instanceof ResponseWordingRejectedError) {
        printProblems(fileName, error.preview.errors.map(formatSheetIssue));
        return 1;
      }
      return refusal(error, notAnAdministrator(values.as));
    }
  });
}

export async function wordingCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "export") return exportCommand(rest);
  if (sub === "import") return importCommand(rest);
  throw new UsageError(`unknown wording command "${sub ?? ""}"`);
}
