import "server-only";
import { parseImportFile } from "@/lib/import";
import type { ImportEvent } from "@/lib/import/plan";
import { applyImport, ImportRejectedError, previewImport } from "../imports";

export type ImportJobOptions = {
  mode: "preview" | "apply";
  fileName: string;
  stateUnderReview?: string;
  cycle?: number;
  replace: boolean;
  /** The administrator the import's audit events name. */
  actorUserId: string | null;
};

/** Parse progress at most this often: enough for a progress bar, not a flood of lines. */
const PARSE_EVENT_MS = 250;

/**
 * One import, as the browser import's child process runs it (scripts/import-job.ts): the file through
 * parseImportFile, then previewImport or applyImport, which the CLI calls too. Every step is an ImportEvent; the last
 * one is "preview" (preview mode), "result" (apply) or "error"; true when it is not "error". Never throws for a bad
 * file: that is an "error" event with the file's problems.
 */
export async function runImport(buffer: Buffer, options: ImportJobOptions, emit: (event: ImportEvent) => void): Promise<boolean> {
  let lastParseEvent = 0;
  const doc = await parseImportFile(buffer, {
    fileName: options.fileName,
    stateUnderReview: options.stateUnderReview,
    cycle: options.cycle,
    onProgress: (done, total) => {
      const now = Date.now();
      if (now - lastParseEvent < PARSE_EVENT_MS && done < total) return;
      lastParseEvent = now;
      emit({ type: "parse", done, total });
    },
  });
  if (options.mode === "preview") {
    emit({ type: "preview", preview: await previewImport(doc, { replace: options.replace }) });
    return true;
  }
  if (doc.errors.length > 0) {
    emit({ type: "error", message: `${doc.fileName}: ${doc.errors.length} problem(s); nothing was imported.`, errors: doc.errors });
    return false;
  }
  // applyImport reports a review that failed as an "error" event itself before it throws: one such line is enough.
  let finished = false;
  let failed = false;
  try {
    const result = await applyImport(doc, {
      replace: options.replace,
      actorUserId: options.actorUserId,
      onEvent: (event) => {
        if (event.type === "result") finished = true;
        if (event.type === "error") failed = true;
        emit(event);
      },
    });
    if (!finished) emit({ type: "result", result });
    return true;
  } catch (error) {
    if (error instanceof ImportRejectedError) emit({ type: "error", message: error.message, errors: error.issues });
    else if (failed) console.error(error);
    else throw error;
    return false;
  }
}
