import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { ImportEvent } from "@/lib/import/plan";

/**
 * The import's child process and the NDJSON stream relayed from it. The child runs scripts/import-job.ts the way the
 * CLI runs (node with tsx and the react-server condition), with a V8 heap limit: whatever a file does to the parser,
 * it happens in that process, and the worst outcome is an "error" line, never a stalled or exhausted web server.
 */

/** The child's heap limit. A 100 MB upload parses well within it; a file crafted to exhaust it stops at it. */
export const CHILD_MEMORY_MB = 1024;

/** Variables the child needs (the database, the auth secret, where temp files and binaries are), nothing else. */
const PASSED_ENV = ["PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "LC_ALL", "TZ", "SystemRoot", "DATABASE_URL", "BETTER_AUTH_SECRET", "BETTER_AUTH_URL", "EMBEDDED_DB_DIR"];

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: process.env.NODE_ENV };
  for (const [name, value] of Object.entries(process.env)) {
    // PG*: libpq's connection settings (PGPASSWORD, PGSSLMODE…), which `pg` reads too.
    if (value !== undefined && (PASSED_ENV.includes(name) || name.startsWith("PG"))) env[name] = value;
  }
  // One review's transaction at a time: two connections are plenty, and leave the server's pool its share.
  env.DATABASE_POOL_SIZE = "2";
  return env;
}

export type ChildJob = {
  /** Arguments of scripts/import-job.ts. */
  args: string[];
  /** The event types that end the job normally: "preview" for a preview, "result" for an apply (and "error" always). */
  finalEvent: "preview" | "result";
  timeoutMs: number;
  /** Called once the child is gone, whatever the reason (done, crashed, killed). */
  onExit: () => void;
  onStart?: (child: ChildProcess) => void;
};

const encoder = new TextEncoder();

function line(event: ImportEvent): Uint8Array {
  return encoder.encode(`${JSON.stringify(event)}\n`);
}

/** Only well-formed event lines reach the browser; anything else the child prints goes to the server's log. */
function eventType(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && "type" in value && typeof value.type === "string" ? value.type : null;
  } catch {
    return null;
  }
}

/** Why the child ended without a last event, in words an administrator can act on. */
function crashMessage(job: ChildJob, code: number | null, signal: NodeJS.Signals | null, stderr: string, timedOut: boolean): string {
  const after = job.finalEvent === "result" ? "Reviews already reported done are saved; the one in progress was rolled back." : "Nothing was written.";
  if (timedOut) return `The import took longer than ${Math.round(job.timeoutMs / 60_000)} minutes and was stopped. ${after}`;
  if (/heap out of memory|Reached heap limit/i.test(stderr)) {
    return `The import ran out of memory (its limit is ${CHILD_MEMORY_MB} MB) and was stopped. ${after} Import this file from the command line, or split it.`;
  }
  return `The import process stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}). ${after}`;
}

/**
 * Starts the child and answers its events as a stream of NDJSON lines. The child is killed when the stream is
 * cancelled (the browser went away), when `signal` aborts, or after `timeoutMs`. A child that ends without its last
 * event (a crash, out of memory, a kill) ends the stream with an "error" event saying so.
 */
export function startChildJob(job: ChildJob, signal?: AbortSignal): ReadableStream<Uint8Array> {
  let child: ChildProcess;
  let closed = false;
  let finished = false;
  let timedOut = false;
  let stderr = "";
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: Uint8Array): void => {
        if (!closed) controller.enqueue(chunk);
      };
      const close = (): void => {
        if (closed) return;
        closed = true;
        controller.close();
      };
      child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", `--max-old-space-size=${CHILD_MEMORY_MB}`, path.resolve("scripts", "import-job.ts"), ...job.args], {
        cwd: process.cwd(),
        env: childEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      });
      job.onStart?.(child);
      const timer = setTimeout(() => {
        timedOut = true;
        kill();
      }, job.timeoutMs);
      const onAbort = (): void => kill();
      signal?.addEventListener("abort", onAbort, { once: true });

      let pending = "";
      const relay = (text: string): void => {
        const type = eventType(text);
        if (type === null) {
          if (text.trim()) console.error(`import job: ignored output: ${text.slice(0, 200)}`);
          return;
        }
        if (type === job.finalEvent || type === "error") finished = true;
        send(encoder.encode(`${text}\n`));
      };
      child.stdout!.setEncoding("utf8");
      child.stdout!.on("data", (chunk: string) => {
        pending += chunk;
        const lines = pending.split("\n");
        pending = lines.pop()!;
        for (const text of lines) relay(text);
      });
      child.stderr!.setEncoding("utf8");
      child.stderr!.on("data", (chunk: string) => {
        stderr = (stderr + chunk).slice(-8192);
      });
      let ended = false;
      const end = (code: number | null, exitSignal: NodeJS.Signals | null, startError?: Error): void => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (pending) relay(pending);
        // What went wrong, in full, for the server's log (the browser got an "error" line without a stack).
        if (startError || (code !== 0 && stderr.trim())) console.error(`import job failed (${startError?.message ?? `code ${code}, signal ${exitSignal}`}):\n${stderr}`);
        if (!finished) {
          const message = startError ? "The import process could not be started." : crashMessage(job, code, exitSignal, stderr, timedOut);
          send(line({ type: "error", message }));
        }
        close();
        job.onExit();
      };
      // "close" comes after stdout is drained, so no line of the child is lost.
      child.on("close", (code, exitSignal) => end(code, exitSignal));
      child.on("error", (error) => end(null, null, error));
    },
    cancel() {
      closed = true;
      kill();
    },
  });
}
