/**
 * The browser import's worker (lib/server/import-jobs starts it; not a command for people): reads one uploaded file,
 * previews or applies it through the same functions as `npm run upr -- import`, and writes one ImportEvent per line
 * on stdout. It runs in a process of its own, with a memory limit, so a large or hostile file never slows or exhausts
 * the web server, and killing it rolls back the review it was writing.
 *
 *   node --conditions=react-server --import tsx scripts/import-job.ts --file <path> --name <file name>
 *        --mode preview|apply [--state ISO3] [--cycle N] [--replace] [--actor <user id>]
 */
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import type { ImportEvent } from "@/lib/import/plan";
import { disconnectDb } from "@/lib/server/db";
import { runImport } from "@/lib/server/import-jobs/run-import";

/** Lines go out in order, and the process ends only once the last one is written (stdout is a pipe). */
let written: Promise<void> = Promise.resolve();
function emit(event: ImportEvent): void {
  const line = `${JSON.stringify(event)}\n`;
  written = written.then(() => new Promise<void>((resolve) => process.stdout.write(line, () => resolve())));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      file: { type: "string" },
      name: { type: "string" },
      mode: { type: "string" },
      state: { type: "string" },
      cycle: { type: "string" },
      replace: { type: "boolean" },
      actor: { type: "string" },
    },
  });
  if (!values.file || !values.name || (values.mode !== "preview" && values.mode !== "apply")) throw new Error("usage: --file <path> --name <name> --mode preview|apply");
  const buffer = await fs.readFile(values.file);
  const ok = await runImport(
    buffer,
    {
      mode: values.mode,
      fileName: values.name,
      stateUnderReview: values.state,
      cycle: values.cycle === undefined ? undefined : Number(values.cycle),
      replace: values.replace === true,
      actorUserId: values.actor ?? null,
    },
    emit,
  );
  return ok ? 0 : 1;
}

main()
  .catch((error: unknown) => {
    // The full error goes to stderr (the server's log); the page gets its first line only, never a stack.
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    emit({ type: "error", message: `The import failed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}` });
    return 1;
  })
  .then(async (code) => {
    await written;
    await disconnectDb().catch(() => {});
    process.exit(code);
  });
