/**
 * Runs a request handler (Next's) against a response that records instead of sending: headers land on the response
 * untouched (nothing reaches the socket), the body is collected, and the recording resolves when the handler ends the
 * response. The response's own methods are back in place by then, so the caller sends what it decides to.
 * Resolves with null when the reader went away first or the handler threw.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

export type Recording = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

type Handle = (request: IncomingMessage, response: ServerResponse) => unknown;

const callbackOf = (...values: unknown[]): (() => void) | undefined => values.find((value) => typeof value === "function") as (() => void) | undefined;

export function recordResponse(request: IncomingMessage, response: ServerResponse, handle: Handle): Promise<Recording | null> {
  return new Promise<Recording | null>((resolve) => {
    const chunks: Buffer[] = [];
    const originals = { write: response.write, end: response.end, writeHead: response.writeHead, flushHeaders: response.flushHeaders };
    let status = 200;
    let settled = false;
    const finish = (recording: Recording | null): void => {
      if (settled) return;
      settled = true;
      Object.assign(response, originals);
      resolve(recording);
    };
    // Next flushes the headers before its first chunk: nothing reaches the socket until the recording ends.
    response.flushHeaders = () => {};
    response.writeHead = ((code: number, ...rest: unknown[]) => {
      status = code;
      const headers = rest.find((value) => value && typeof value === "object") as OutgoingHttpHeaders | string[] | undefined;
      if (Array.isArray(headers)) {
        // The raw form: name, value, name, value…
        for (let index = 0; index + 1 < headers.length; index += 2) response.appendHeader(String(headers[index]), String(headers[index + 1]));
      } else if (headers) {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
      }
      return response;
    }) as typeof response.writeHead;
    const collect = (chunk: unknown, encoding?: unknown): void => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
    };
    response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      const done = callbackOf(encoding, callback);
      if (done) process.nextTick(done);
      return true;
    }) as typeof response.write;
    response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      if (status === 200 && response.statusCode !== 200) status = response.statusCode;
      finish({ status, headers: response.getHeaders(), body: Buffer.concat(chunks) });
      callbackOf(encoding, callback)?.();
      return response;
    }) as typeof response.end;
    response.on("close", () => finish(null));
    try {
      void Promise.resolve(handle(request, response)).catch(() => finish(null));
    } catch {
      finish(null);
    }
  });
}
