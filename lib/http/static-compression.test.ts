import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createStaticCompression } from "./static-compression";

const SCRIPT = `self.chunk=function(){return ${JSON.stringify("recommendation ".repeat(300))}};`;

/** A stand-in for Next serving the build's files: plain bodies, its own headers, a 304 for a matching ETag. */
function fakeNext() {
  const calls: IncomingMessage[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    calls.push(request);
    if (request.headers["if-none-match"] === '"v1"') {
      response.statusCode = 304;
      response.end();
      return;
    }
    const small = request.url?.endsWith("small.js");
    const image = request.url?.endsWith(".png");
    response.setHeader("Content-Type", image ? "image/png" : "application/javascript; charset=UTF-8");
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setHeader("ETag", '"v1"');
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.end(small ? "1" : image ? Buffer.alloc(4000, 7) : SCRIPT);
  };
  return { calls, handle };
}

let server: Server | null = null;

async function serve(maxBytes = 2 ** 20) {
  const next = fakeNext();
  const statics = createStaticCompression({ maxBytes });
  server = createServer((request, response) => {
    void statics.serve(request, response, next.handle).then((served) => {
      if (!served) next.handle(request, response);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, next, statics };
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

/** The raw answer (fetch would decode it): status, headers and the bytes on the wire. */
async function raw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers as Record<string, string>, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("static file compression", () => {
  it("sends a build file brotli-compressed, compressed once, with Next's headers kept", async () => {
    const { origin, next, statics } = await serve();
    for (let i = 0; i < 3; i++) {
      const answer = await raw(`${origin}/_next/static/chunks/a.js`, { "accept-encoding": "gzip, deflate, br" });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBe("br");
      expect(answer.headers.vary).toBe("Accept-Encoding");
      expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
      expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    }
    expect(statics.stats).toEqual({ compressed: 1, reused: 2 });
    // Next was asked for the plain file.
    expect(next.calls.every((call) => call.headers["accept-encoding"] === undefined)).toBe(true);
  });

  it("leaves alone readers without brotli, other paths, 304s, tiny files and images", async () => {
    const { origin, statics } = await serve();
    const gzipOnly = await raw(`${origin}/_next/static/chunks/a.js`, { "accept-encoding": "gzip" });
    expect(gzipOnly.headers["content-encoding"]).toBeUndefined();
    expect(gzipOnly.body.toString()).toBe(SCRIPT);
    const page = await raw(`${origin}/en/recommendations`, { "accept-encoding": "br" });
    expect(page.headers["content-encoding"]).toBeUndefined();
    const notModified = await raw(`${origin}/_next/static/chunks/a.js`, { "accept-encoding": "br", "if-none-match": '"v1"' });
    expect([notModified.status, notModified.body.length]).toEqual([304, 0]);
    const small = await raw(`${origin}/_next/static/chunks/small.js`, { "accept-encoding": "br" });
    expect([small.headers["content-encoding"], small.body.toString()]).toEqual([undefined, "1"]);
    const image = await raw(`${origin}/_next/static/media/a.png`, { "accept-encoding": "br" });
    expect([image.headers["content-encoding"], image.body.length]).toEqual([undefined, 4000]);
    expect(statics.stats.compressed).toBe(0);
  });

  it("keeps no more than its bound, and still compresses past it", async () => {
    const { origin, statics } = await serve(100);
    for (let i = 0; i < 2; i++) {
      const answer = await raw(`${origin}/_next/static/chunks/a.js`, { "accept-encoding": "br" });
      expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    }
    expect(statics.stats).toEqual({ compressed: 2, reused: 0 });
  });
});
