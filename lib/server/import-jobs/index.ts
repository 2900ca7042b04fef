import "server-only";
import { MAX_IMPORT_BYTES } from "@/lib/import/upload-limits";
import type { AdminImportQuery, UploadRefusal } from "@/lib/schemas/admin-import";
import { recordAuditEvent } from "../audit";
import { getDb } from "../db";
import { authorize, type Viewer } from "../permissions";
import { startChildJob } from "./child";
import { refuseUpload } from "./file-kind";
import { removeStaleUploads, saveUpload, uploadFileName } from "./upload";

/**
 * The browser import (/admin/import, POST /api/admin/import) for instance administrators: the upload is streamed to
 * a private temporary file, then read and written by a child process (scripts/import-job.ts) running the CLI's code
 * path, whose events are relayed to the browser as they come. Only administrators get this far: every exported
 * function checks it again itself.
 */

export { CHILD_MEMORY_MB } from "./child";
export { refuseUpload } from "./file-kind";

/** An import has this long before it is stopped (its finished reviews stay; the one in progress is rolled back). */
export const IMPORT_TIMEOUT_MS = 30 * 60_000;

/** Each running import may take a child with a 1 GB heap: two at a time (a preview and an apply) is the most. */
const MAX_RUNNING = 2;

export type RunningImportJob = { id: number; pid: number | null; mode: "preview" | "apply"; fileName: string; userId: string; startedAt: Date };

const running = new Map<number, RunningImportJob>();
let nextId = 1;

/** The imports running now (for operators, and for the test that kills one midway). */
export function runningImportJobs(): RunningImportJob[] {
  return [...running.values()];
}

/** Too many imports are running; the caller should try again when one has finished (429). */
export class ImportBusyError extends Error {
  constructor() {
    super(`${MAX_RUNNING} imports are running already; try again when one has finished`);
    this.name = "ImportBusyError";
  }
}

/** The file is not one the importer reads (422), told from its first bytes. */
export class UnsupportedUploadError extends Error {
  constructor(readonly refusal: UploadRefusal) {
    super(refusal.message);
    this.name = "UnsupportedUploadError";
  }
}

/** A multipart form would have to be buffered to be read; the file goes as the body itself (415). */
export class RawBodyRequiredError extends Error {
  constructor() {
    super("send the file itself as the request body, with its name in the X-File-Name header (percent-encoded)");
    this.name = "RawBodyRequiredError";
  }
}

export type ImportJobRequest = { query: AdminImportQuery; timeoutMs?: number };

/**
 * Runs one browser import for an administrator and answers its events, one JSON line each. In order: the admin check
 * (401/403), a raw body (415) and a free slot (429) before a byte of the body is read; the file streamed to disk (413 past 100 MB); its
 * kind (422); an audit event naming the administrator, the file and its hash; then the child. The temporary file is
 * removed when the child is gone, also when the browser leaves or the child crashes.
 */
export async function runImportJob(viewer: Viewer | null, request: Request, job: ImportJobRequest): Promise<ReadableStream<Uint8Array>> {
  const admin = authorize(viewer, "admin.import", {});
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/")) throw new RawBodyRequiredError();
  if (running.size >= MAX_RUNNING) throw new ImportBusyError();
  const id = nextId++;
  const entry: RunningImportJob = { id, pid: null, mode: job.query.mode, fileName: uploadFileName(request.headers.get("x-file-name")), userId: admin.user.id, startedAt: new Date() };
  running.set(id, entry);
  let upload: Awaited<ReturnType<typeof saveUpload>> | null = null;
  const release = (): void => {
    running.delete(id);
    void upload?.remove();
  };
  try {
    await removeStaleUploads(2 * (job.timeoutMs ?? IMPORT_TIMEOUT_MS) + 60_000);
    upload = await saveUpload(request, entry.fileName, MAX_IMPORT_BYTES);
    const refusal = refuseUpload(upload.head, upload.size, upload.fileName);
    if (refusal) throw new UnsupportedUploadError(refusal);
    const { mode, state, cycle, replace } = job.query;
    await recordAuditEvent(getDb(), {
      actorUserId: admin.user.id,
      action: "import.upload",
      subjectType: "file",
      subjectId: upload.sha256,
      changes: { fileName: upload.fileName, bytes: upload.size, sha256: upload.sha256, mode, state: state ?? null, cycle: cycle ?? null, replace },
    });
    const args = ["--file", upload.path, "--name", upload.fileName, "--mode", mode, "--actor", admin.user.id];
    if (state) args.push("--state", state);
    if (cycle !== undefined) args.push("--cycle", String(cycle));
    if (replace) args.push("--replace");
    return startChildJob(
      {
        args,
        finalEvent: mode === "preview" ? "preview" : "result",
        timeoutMs: job.timeoutMs ?? IMPORT_TIMEOUT_MS,
        onStart: (child) => (entry.pid = child.pid ?? null),
        onExit: release,
      },
      request.signal,
    );
  } catch (error) {
    release();
    throw error;
  }
}
