import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { boundedChunks } from "../upload";

/**
 * An uploaded file kept on disk for the import's child process: in a directory of its own (mode 0700) as a file only
 * this user may read (0600), written chunk by chunk so a 100 MB upload never sits in the server's memory. `remove`
 * deletes both; the caller runs it whatever happens (done, error, client gone).
 */
export type SavedUpload = {
  path: string;
  fileName: string;
  size: number;
  sha256: string;
  /** The file's first bytes, to tell its kind without reading it again. */
  head: Uint8Array;
  remove: () => Promise<void>;
};

const HEAD_BYTES = 64 * 1024;
const PREFIX = "upr-import-";

/**
 * Removes uploads older than `maxAgeMs`: what a server killed mid-import (kill -9, a crash) could not remove itself.
 * No import runs that long (each is stopped at its time limit), so nothing in use is touched.
 */
export async function removeStaleUploads(maxAgeMs: number): Promise<void> {
  const root = os.tmpdir();
  const names = await fs.readdir(root).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(PREFIX))) {
    const directory = path.join(root, name);
    const stat = await fs.stat(directory).catch(() => null);
    if (stat?.isDirectory() && Date.now() - stat.mtimeMs > maxAgeMs) await fs.rm(directory, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * The file's name as the browser sent it (percent-encoded in the header, so any script survives), reduced to a plain
 * base name: it is shown on the page and stored with the source document, never used as a path.
 */
export function uploadFileName(encoded: string | null): string {
  let name = encoded ?? "";
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded after all: keep it as sent.
  }
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-200);
  return base || "upload";
}

/** Streams the request body to a private temporary file; PayloadTooLargeError past `limit` (the partial file is removed). */
export async function saveUpload(request: Request, fileName: string, limit: number): Promise<SavedUpload> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), PREFIX));
  const remove = (): Promise<void> => fs.rm(directory, { recursive: true, force: true });
  const file = path.join(directory, "upload");
  try {
    const handle = await fs.open(file, "wx", 0o600);
    const hash = createHash("sha256");
    const head = new Uint8Array(HEAD_BYTES);
    let size = 0;
    try {
      for await (const chunk of boundedChunks(request, limit)) {
        if (size < HEAD_BYTES) head.set(chunk.subarray(0, HEAD_BYTES - size), size);
        hash.update(chunk);
        await handle.write(chunk);
        size += chunk.byteLength;
      }
    } finally {
      await handle.close();
    }
    return { path: file, fileName, size, sha256: hash.digest("hex"), head: head.subarray(0, Math.min(size, HEAD_BYTES)), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
