import "server-only";

/**
 * Request bodies with a size limit, refused past it without reading them all: by Content-Length first, then while
 * streaming, so a client that lies about the length (or sends none) is cut off at the limit. The status sheet reads
 * its small CSV into memory; the browser import streams its file (up to 100 MB) to disk chunk by chunk.
 */

/** The body is larger than the route accepts (413). */
export class PayloadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the request body may be at most ${limit} bytes`);
    this.name = "PayloadTooLargeError";
  }
}

/** Throws when the declared Content-Length is over the limit, before a byte of the body is read. */
export function assertDeclaredLength(request: Request, limit: number): void {
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw new PayloadTooLargeError(limit);
}

/** The body's chunks as they arrive; past the limit the upload is cancelled and PayloadTooLargeError thrown. */
export async function* boundedChunks(request: Request, limit: number): AsyncGenerator<Uint8Array> {
  assertDeclaredLength(request, limit);
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
        throw new PayloadTooLargeError(limit);
      }
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The whole body in memory, for small uploads (the status sheet's CSV). */
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
