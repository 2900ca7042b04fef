/**
 * The build's static files (`/_next/static/…`: scripts, stylesheets, fonts) sent brotli-compressed at its best quality
 * to readers who accept it. Next.js itself compresses them with gzip on every request; its file names carry a hash of
 * the content, so each one is compressed here once, kept, and sent to every later reader as it is.
 *
 * Next still answers each request (its headers, the security headers the proxy sets, 304s and ranges are untouched):
 * the file is asked for uncompressed and the compressed copy replaces the body of a whole 200. Kept copies are
 * bounded (`maxBytes`); past that, a file is compressed for its reader and not kept.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptsCoding, compress } from "./compression";
import { recordResponse } from "./record-response";

type Handle = (request: IncomingMessage, response: ServerResponse) => unknown;

const STATIC_PREFIX = "/_next/static/";
/** Smaller than this, compression saves less than the round trip's headers. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|manifest\+json)|image\/svg\+xml)/;

export function createStaticCompression({ maxBytes }: { maxBytes: number }) {
  const kept = new Map<string, Promise<Buffer>>();
  let keptBytes = 0;
  const stats = { compressed: 0, reused: 0 };

  function wants(request: IncomingMessage): boolean {
    return (request.method === "GET" || request.method === "HEAD") && (request.url ?? "").startsWith(STATIC_PREFIX) && acceptsCoding(request.headers["accept-encoding"], "br");
  }

  /** The kept copy of a file's body (by address and ETag), or a new one. */
  function compressed(key: string, body: Buffer): Promise<Buffer> {
    const existing = kept.get(key);
    if (existing) {
      stats.reused++;
      return existing;
    }
    stats.compressed++;
    const made = compress(body, "br", "static");
    if (keptBytes + body.length <= maxBytes) {
      keptBytes += body.length;
      kept.set(key, made);
      made.catch(() => {
        kept.delete(key);
        keptBytes -= body.length;
      });
    }
    return made;
  }

  return {
    stats,
    /** Serves a static file brotli-compressed and returns true, or returns false for the caller to serve the request. */
    async serve(request: IncomingMessage, response: ServerResponse, handle: Handle): Promise<boolean> {
      if (!wants(request)) return false;
      delete request.headers["accept-encoding"];
      const recording = await recordResponse(request, response, handle);
      if (!recording) return true;
      const { status, headers, body } = recording;
      const type = String(headers["content-type"] ?? "");
      response.statusCode = status;
      if (status !== 200 || headers["content-encoding"] || body.length < MIN_BYTES || !COMPRESSIBLE.test(type)) {
        response.end(request.method === "HEAD" ? undefined : body);
        return true;
      }
      const key = `${request.url} ${String(headers.etag ?? body.length)}`;
      const coded = await compressed(key, body);
      if (response.destroyed) return true;
      response.setHeader("content-encoding", "br");
      response.setHeader("content-length", coded.length);
      const vary = String(headers.vary ?? "");
      if (!/accept-encoding/i.test(vary)) response.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      response.end(request.method === "HEAD" ? undefined : coded);
      return true;
    },
  };
}
