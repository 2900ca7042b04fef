/**
 * `upr classify`: reads one recommendation text per line on stdin and prints its action category (1-5) per line, in
 * order. An empty (or blank) line prints an empty line, so the output always lines up with the input. No database.
 * `upr classify --evaluate <UPR Info CSV>` prints how the rule agrees with UPR Info's own categories in an export.
 */
import fs from "node:fs/promises";
import readline from "node:readline";
import { parse } from "csv-parse/sync";
import { classifyActionCategory, type ActionCategory } from "@/lib/action-category";
import { evaluateActionCategories, formatEvaluation, type LabelledText } from "@/lib/action-category-evaluation";
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

/** The rows of a UPR Info export that carry a category (Action 1-5), grouped by State under review and cycle. */
async function labelledRows(file: string): Promise<{ rows: LabelledText[]; skipped: number }> {
  const buffer = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  let records: Record<string, string>[];
  try {
    records = parse(buffer, { bom: true, columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true });
  } catch {
    throw new UsageError(`${file}: not a readable CSV file`);
  }
  if (records.length > 0 && !("text" in records[0]! && "action" in records[0]!)) throw new UsageError(`${file}: not a UPR Info export (it needs the columns Text and Action)`);
  const rows: LabelledText[] = [];
  for (const record of records) {
    const action = (record.action ?? "").trim();
    if (!/^[1-5]$/.test(action)) continue;
    const session = Number(record.session);
    const cycle = /^\d$/.test((record.cycle ?? "").trim()) ? Number(record.cycle) : session >= 1 ? cycleOfSession(session) : null;
    const group = [record.to?.trim(), cycle === null ? null : `cycle ${cycle}`].filter(Boolean).join(", ");
    rows.push({ text: record.text ?? "", category: Number(action) as ActionCategory, ...(group ? { group } : {}) });
  }
  return { rows, skipped: records.length - rows.length };
}

async function evaluateCommand(file: string): Promise<number> {
  const { rows, skipped } = await labelledRows(file);
  if (rows.length === 0) throw new UsageError(`${file}: no rows with an Action category (1-5)`);
  const report = formatEvaluation(evaluateActionCategories(rows));
  await write(skipped > 0 ? `${report}(${skipped} rows without a category skipped)\n` : report);
  return 0;
}

export async function classifyCommand(args: string[]): Promise<number> {
  if (args[0] === "--evaluate") {
    if (args.length !== 2) throw new UsageError("classify --evaluate takes exactly one UPR Info CSV file");
    return evaluateCommand(args[1]!);
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
