import "server-only";

/**
 * Reading an upload from a route handler, shared by the sheets people upload (the status sheet, the response-wording
 * sheet: the raw body `text/csv` or the form field `file` of a multipart upload) and the browser import (its file
 * streamed to disk): refused past a limit without reading it all, so a huge or endless body costs the server nothing.
 */

/** The body was larger than the route accepts: the route answers 413. */
export class PayloadTooLargeError extends Error {
  constructor(message = "payload too large") {
    super(message);
    this.name = "PayloadTooLargeError";
  }
}

/**
 * The body's chunks as they arrive, refused past the limit without reading it all: by Content-Length first, then
 * while streaming (the upload is cancelled). The browser import streams its file (up to 100 MB) to disk this way.
 */
export async function* boundedChunks(request: Request, limit: number): AsyncGenerator<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw new PayloadTooLargeError();
  const reader = request.body?.getReader();
  if (!reader) return;
  let size = 0;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw new PayloadTooLargeError();
      }
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The whole body in memory, for small uploads (the sheets people edit), refused past the limit as above. */
export async function readBoundedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of boundedChunks(request, limit)) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Room for the multipart envelope (boundaries, part headers) around a file of the maximum size. */
const MULTIPART_ENVELOPE = 64 * 1024;

/** The sheet's bytes: the raw body (text/csv), or the form field `file` of a multipart upload; null when there is none. */
export async function uploadedSheetBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const body = await readBoundedBody(request, maxBytes + MULTIPART_ENVELOPE);
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) return body;
  const form = await new Response(body, { headers: { "content-type": type } }).formData().catch(() => null);
  const file = form?.get("file");
  return file instanceof File ? new Uint8Array(await file.arrayBuffer()) : null;
}
