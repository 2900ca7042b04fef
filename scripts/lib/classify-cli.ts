/**
 * `upr classify`: reads one recommendation text per line on stdin and prints its action category (1-5) per line, in
 * order. An empty (or blank) line prints an empty line, so the output always lines up with the input. No database.
 * `upr classify --evaluate <UPR Info CSV>` prints how the rule agrees with UPR Info's own categories in an export;
 * `--paragraphs <OHCHR list.docx>` adds how they agree per State's part of the list's merged paragraphs.
 */
import fs from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { parse } from "csv-parse/sync";
import { classifyActionCategory, type ActionCategory } from "@/lib/action-category";
import { evaluateActionCategories, formatEvaluation, type LabelledText } from "@/lib/action-category/evaluation";
import { evaluatePartCategories, formatPartEvaluation, type StateCodedText } from "@/lib/action-category/part-evaluation";
import { matchStateName } from "@/lib/countries";
import { parseImportFile } from "@/lib/import";
import { cycleOfSession } from "@/lib/import/upr-info-row";
import { UsageError } from "./accounts-cli";

/** Lines are written in batches; waiting for "drain" keeps memory flat when stdout is a slow pipe. */
const BATCH = 2000;

function write(chunk: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(chunk)) resolve();
    else process.stdout.once("drain", resolve);
  });
}

/** A coded row with the ISO3 codes of its State under review and its recommending State, and its cycle. */
type CodedRow = LabelledText & { review: string | null; state: string | null };

async function readInput(file: string): Promise<Buffer> {
  return fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
}

/** The rows of a UPR Info export that carry a category (Action 1-5), grouped by State under review and cycle. */
async function labelledRows(file: string): Promise<{ rows: CodedRow[]; skipped: number }> {
  const buffer = await readInput(file);
  let records: Record<string, string>[];
  try {
    records = parse(buffer, { bom: true, columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true });
  } catch {
    throw new UsageError(`${file}: not a readable CSV file`);
  }
  if (records.length > 0 && !("text" in records[0]! && "action" in records[0]!)) throw new UsageError(`${file}: not a UPR Info export (it needs the columns Text and Action)`);
  const rows: CodedRow[] = [];
  for (const record of records) {
    const action = (record.action ?? "").trim();
    if (!/^[1-5]$/.test(action)) continue;
    const session = Number(record.session);
    const cycle = /^\d$/.test((record.cycle ?? "").trim()) ? Number(record.cycle) : session >= 1 ? cycleOfSession(session) : null;
    const group = [record.to?.trim(), cycle === null ? null : `cycle ${cycle}`].filter(Boolean).join(", ");
    const sur = matchStateName(record.to ?? "");
    const review = sur && cycle !== null ? `${sur}:${cycle}` : null;
    rows.push({ text: record.text ?? "", category: Number(action) as ActionCategory, review, state: matchStateName(record.from ?? ""), ...(group ? { group } : {}) });
  }
  return { rows, skipped: records.length - rows.length };
}

/**
 * The coded rows of the reviews an OHCHR list holds, each paired with its State's part of the list's paragraphs:
 * the paragraph's category against each part's own.
 */
async function partReport(rows: readonly CodedRow[], file: string): Promise<string> {
  const doc = await parseImportFile(await readInput(file), { fileName: path.basename(file) });
  if (doc.errors.length > 0 || doc.recommendations.length === 0) throw new UsageError(`${file}: not a list of recommendations this command can read`);
  const reviews = new Set(doc.recommendations.map((rec) => `${rec.stateUnderReview}:${rec.cycle}`));
  const coded = rows.filter((row): row is CodedRow & { state: string } => row.review !== null && reviews.has(row.review) && row.state !== null);
  const paired: StateCodedText[] = coded.map((row) => ({ text: row.text, category: row.category, state: row.state }));
  const label = [...reviews].map((review) => review.replace(":", ", cycle ")).join("; ");
  return formatPartEvaluation(evaluatePartCategories(paired, doc.recommendations.map((rec) => rec.text)), `${doc.fileName} (${label})`);
}

async function evaluateCommand(file: string, paragraphFiles: string[]): Promise<number> {
  const { rows, skipped } = await labelledRows(file);
  if (rows.length === 0) throw new UsageError(`${file}: no rows with an Action category (1-5)`);
  const report = formatEvaluation(evaluateActionCategories(rows));
  await write(skipped > 0 ? `${report}(${skipped} rows without a category skipped)\n` : report);
  for (const paragraphs of paragraphFiles) await write(`\n${await partReport(rows, paragraphs)}`);
  return 0;
}

export async function classifyCommand(args: string[]): Promise<number> {
  if (args[0] === "--evaluate") {
    const [, file, ...rest] = args;
    const paragraphFiles = rest.filter((_, i) => i % 2 === 1);
    if (!file || file.startsWith("--") || rest.length % 2 !== 0 || rest.some((arg, i) => i % 2 === 0 && arg !== "--paragraphs")) {
      throw new UsageError("classify --evaluate takes one UPR Info CSV file, then optionally --paragraphs <OHCHR list .docx> (once or more)");
    }
    return evaluateCommand(file, paragraphFiles);
  }
  if (args.length > 0) throw new UsageError(`classify takes no arguments (it reads stdin), not "${args.join(" ")}"`);
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let out: string[] = [];
  for await (const line of lines) {
    out.push(line.trim() === "" ? "" : String(classifyActionCategory(line).category));
    if (out.length >= BATCH) {
      await write(`${out.join("\n")}\n`);
      out = [];
    }
  }
  if (out.length > 0) await write(`${out.join("\n")}\n`);
  return 0;
}
