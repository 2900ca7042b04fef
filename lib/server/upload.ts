import "server-only";

/**
 * Reading an uploaded sheet from a route handler, shared by the sheets people upload (the status sheet, the
 * response-wording sheet): the raw body (`text/csv`) or the form field `file` of a multipart upload, refused past a
 * limit without reading it all, so a huge or endless body costs the server nothing.
 */

/** The body was larger than the route accepts: the route answers 413. */
export class PayloadTooLargeError extends Error {
  constructor(message = "payload too large") {
    super(message);
    this.name = "PayloadTooLargeError";
  }
}

/** The body, refused past the limit without reading it all: by Content-Length first, then while streaming. */
export async function readBoundedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw new PayloadTooLargeError();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError();
    }
    chunks.push(value);
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
