import { AsyncLocalStorage } from "node:async_hooks";
import { Readable } from "node:stream";
import { disconnectDb } from "@/lib/server/db";
import { upr } from "../../scripts/lib/upr";
import type { CliResult } from "./run-cli";

/**
 * `npm run upr -- <args>` in the test's own process: the CLI's entry function (scripts/lib/upr.ts, which
 * scripts/upr.ts runs and exits with) on the same arguments, with its exit code, stdout and stderr captured. A process
 * of its own (helpers/run-cli.ts) spends seconds starting tsx and loading the app's modules; each suite keeps a test
 * that runs the real process.
 */

/** The output and input of the in-process run that the current async context belongs to. */
type Capture = { stdout: string; stderr: string; stdin: Readable };
const capture = new AsyncLocalStorage<Capture>();
let installed = false;

/**
 * Routes what a run writes to process.stdout and process.stderr, and what it reads from process.stdin, to that run;
 * everything else (the test runner's own output) goes where it went.
 */
function install(): void {
  if (installed) return;
  installed = true;
  for (const name of ["stdout", "stderr"] as const) {
    const stream = process[name];
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const current = capture.getStore();
      if (!current) return write(chunk, ...rest);
      current[name] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return true;
    }) as typeof stream.write;
  }
  const stdin = Object.getOwnPropertyDescriptor(process, "stdin")!;
  Object.defineProperty(process, "stdin", { configurable: true, enumerable: true, get: () => capture.getStore()?.stdin ?? stdin.get!.call(process) });
}

function setEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/**
 * Runs the CLI with `env` over this process's environment for the call, `stdin` as its input (empty when not given,
 * as the ignored stdin of a process reads), and answers as the process would: exit code, stdout, stderr. Like a new
 * process it opens its own database client and closes it at the end; afterwards the environment is as it was. One run
 * at a time: the environment is the process's.
 */
export async function runCli(args: string[], env: Record<string, string | undefined>, stdin?: string): Promise<CliResult> {
  install();
  const saved = Object.fromEntries([...new Set([...Object.keys(env), "DATABASE_URL"])].map((key) => [key, process.env[key]]));
  setEnv(env);
  const current: Capture = { stdout: "", stderr: "", stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)], { objectMode: false }) };
  try {
    await disconnectDb();
    const code = await capture.run(current, () => upr(args));
    return { code, stdout: current.stdout, stderr: current.stderr };
  } finally {
    await disconnectDb();
    setEnv(saved);
  }
}
