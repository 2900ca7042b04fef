/**
 * `upr classify`: reads one recommendation text per line on stdin and prints its action category (1-5) per line, in
 * order. An empty (or blank) line prints an empty line, so the output always lines up with the input. No database.
 */
import readline from "node:readline";
import { classifyActionCategory } from "@/lib/action-category";
import { UsageError } from "./accounts-cli";

/** Lines are written in batches; waiting for "drain" keeps memory flat when stdout is a slow pipe. */
const BATCH = 2000;

function write(chunk: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(chunk)) resolve();
    else process.stdout.once("drain", resolve);
  });
}

export async function classifyCommand(args: string[]): Promise<number> {
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
