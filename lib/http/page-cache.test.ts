import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createNonce } from "@/lib/security-headers";
import { createPageCache, nonceOf, type PageCache } from "./page-cache";

/**
 * A stand-in for Next's handler, writing as Next does: headers with setHeader, a CSP with a fresh nonce that the body
 * repeats, flushHeaders before the first chunk, then the body in several chunks. `answer` varies the rest per test.
 */
type Answer = { status?: number; type?: string; setCookie?: string; delayMs?: number; body?: (nonce: string, count: number) => string };

function fakeNext(answer: Answer = {}) {
  const calls: IncomingMessage[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    calls.push(request);
    const nonce = createNonce();
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    response.statusCode = answer.status ?? 200;
    response.setHeader("Content-Type", answer.type ?? "text/html; charset=utf-8");
    response.setHeader("Content-Security-Policy", `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    response.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
    response.setHeader("Link", `</x.css>; rel=preload; as="style"; nonce="${nonce}"`);
    if (answer.setCookie) response.setHeader("Set-Cookie", answer.setCookie);
    response.flushHeaders();
    const body = answer.body?.(nonce, calls.length) ?? `<html><script nonce="${nonce}">1</script><p>render ${calls.length} ${"x".repeat(2000)}</p><script nonce="${nonce}">2</script></html>`;
    const middle = Math.floor(body.length / 2);
    response.write(body.slice(0, middle));
    response.write(Buffer.from(body.slice(middle)));
    response.end();
  };
  return { calls, handle };
}

let server: Server | null = null;

async function serve(cache: PageCache, handle: (request: IncomingMessage, response: ServerResponse) => unknown): Promise<string> {
  server = createServer((request, response) => void cache.serve(request, response, handle));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

function newCache(options: { ttlMs?: number; maxBytes?: number } = {}): PageCache {
  const cache = createPageCache({
    ttlMs: options.ttlMs ?? 60_000,
    maxBytes: options.maxBytes ?? 2 ** 20,
    isCacheablePath: (pathname) => /^\/(en|zh)(\/|$)/.test(pathname),
    createNonce,
    harmlessCookies: ["NEXT_LOCALE"],
  });
  cache.setEnabled(true);
  return cache;
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers: { "accept-encoding": "identity", ...headers } });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe("page cache", () => {
  it("renders an anonymous page once, then serves it with a fresh nonce in the body and the CSP each time", async () => {
    const next = fakeNext();
    const origin = await serve(newCache(), next.handle);
    const first = await get(`${origin}/en/recommendations?theme=a`);
    const second = await get(`${origin}/en/recommendations?theme=a`);
    const third = await get(`${origin}/en/recommendations?theme=a`);
    expect(next.calls).toHaveLength(1);
    expect([first, second, third].map((r) => r.headers.get("x-upr-cache"))).toEqual(["miss", "hit", "hit"]);
    const nonces = [first, second, third].map((r) => nonceOf(r.headers.get("content-security-policy")!));
    expect(new Set(nonces).size).toBe(3);
    for (const [index, response] of [first, second, third].entries()) {
      expect(response.status).toBe(200);
      expect(response.body).toContain("render 1");
      // Every script of the body carries this response's own nonce, and no other.
      expect(response.body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonces[index]}"`, `nonce="${nonces[index]}"`]);
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect(response.headers.get("link")).toBe(`</x.css>; rel=preload; as="style"; nonce="${nonces[index]}"`);
    }
    // Another query string is another page.
    await get(`${origin}/en/recommendations?theme=b`);
    expect(next.calls).toHaveLength(2);
  });

  it("compresses for readers who accept gzip, and the content is the same", async () => {
    const next = fakeNext({ body: (nonce) => `<p nonce="${nonce}">${"café ".repeat(500)}</p>` });
    const origin = await serve(newCache(), next.handle);
    const miss = await fetch(`${origin}/en`, { headers: { "accept-encoding": "gzip" } });
    expect([miss.headers.get("x-upr-cache"), miss.headers.get("content-encoding")]).toEqual(["miss", "gzip"]);
    expect(await miss.text()).toContain("café café");
    const response = await fetch(`${origin}/en`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("x-upr-cache")).toBe("hit");
    // fetch decompresses; the length on the wire is the compressed one.
    expect(Number(response.headers.get("content-length"))).toBeLessThan(1000);
    const nonce = nonceOf(response.headers.get("content-security-policy")!);
    expect(await response.text()).toBe(`<p nonce="${nonce}">${"café ".repeat(500)}</p>`);
    // Next itself never compressed: the cache asked it for the plain body.
    expect(next.calls[0]!.headers["accept-encoding"]).toBeUndefined();
  });

  it("prefers brotli when the reader accepts it, for the first reader and the cached ones alike", async () => {
    const next = fakeNext({ body: (nonce) => `<p nonce="${nonce}">${"café ".repeat(500)}</p>` });
    const origin = await serve(newCache(), next.handle);
    for (const state of ["miss", "hit"]) {
      const response = await fetch(`${origin}/en`, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
      expect([response.headers.get("x-upr-cache"), response.headers.get("content-encoding")]).toEqual([state, "br"]);
      expect(Number(response.headers.get("content-length"))).toBeLessThan(1000);
      const nonce = nonceOf(response.headers.get("content-security-policy")!);
      expect(await response.text()).toBe(`<p nonce="${nonce}">${"café ".repeat(500)}</p>`);
    }
    expect(next.calls).toHaveLength(1);
  });

  it("never serves or keeps what a signed-in reader, a client navigation, a write or a non-page asks for", async () => {
    const next = fakeNext();
    const origin = await serve(newCache(), next.handle);
    const asks: [string, RequestInit][] = [
      [`${origin}/en`, { headers: { cookie: "better-auth.session_token=abc" } }],
      [`${origin}/en`, { headers: { cookie: "NEXT_LOCALE=en; better-auth.two_factor=x" } }],
      [`${origin}/en`, { headers: { authorization: "Bearer x" } }],
      [`${origin}/en`, { headers: { rsc: "1" } }],
      [`${origin}/en`, { headers: { "next-router-prefetch": "1" } }],
      [`${origin}/en?_rsc=abc`, {}],
      [`${origin}/en`, { method: "POST", body: "x" }],
      [`${origin}/api/stats`, {}],
      [`${origin}/`, {}],
    ];
    for (const [url, init] of asks) {
      for (let round = 0; round < 2; round++) {
        const response = await fetch(url, init);
        await response.arrayBuffer();
        expect(response.headers.get("x-upr-cache")).toBeNull();
      }
    }
    expect(next.calls).toHaveLength(asks.length * 2);
    // The locale cookie alone changes nothing a page shows.
    await get(`${origin}/en`, { cookie: "NEXT_LOCALE=zh" });
    expect((await get(`${origin}/en`)).headers.get("x-upr-cache")).toBe("hit");
  });

  it("keeps only 200 HTML answers without cookies", async () => {
    for (const answer of [{ status: 404 }, { status: 500 }, { type: "application/json" }, { setCookie: "a=b; Path=/" }] satisfies Answer[]) {
      const next = fakeNext(answer);
      const origin = await serve(newCache(), next.handle);
      const first = await get(`${origin}/en/x`);
      const compressed = await fetch(`${origin}/en/x`, { headers: { "accept-encoding": "gzip" } });
      expect(compressed.headers.get("content-encoding")).toBe("gzip");
      expect(await compressed.text()).toContain("render 2");
      const second = await get(`${origin}/en/x`);
      expect(first.status).toBe(answer.status ?? 200);
      expect(second.body).toContain("render 3");
      expect(next.calls).toHaveLength(3);
      await new Promise((resolve) => server!.close(resolve));
      server = null;
    }
  });

  it("keeps a page whose only cookie is the locale's, and passes that cookie on", async () => {
    const next = fakeNext({ setCookie: "NEXT_LOCALE=en; Path=/; SameSite=lax" });
    const origin = await serve(newCache(), next.handle);
    await get(`${origin}/en`);
    const hit = await get(`${origin}/en`);
    expect(hit.headers.get("x-upr-cache")).toBe("hit");
    expect(hit.headers.get("set-cookie")).toBe("NEXT_LOCALE=en; Path=/; SameSite=lax");
    expect(next.calls).toHaveLength(1);
  });

  it("forgets everything when the data changes, including a render that started before the change", async () => {
    const cache = newCache();
    const next = fakeNext({ delayMs: 100 });
    const origin = await serve(cache, next.handle);
    await get(`${origin}/en`);
    cache.clear();
    const during = get(`${origin}/en`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    cache.clear();
    expect((await during).body).toContain("render 2");
    // The render that overlapped the change was not kept.
    expect((await get(`${origin}/en`)).body).toContain("render 3");
    expect((await get(`${origin}/en`)).body).toContain("render 3");
    expect(next.calls).toHaveLength(3);
  });

  it("forgets everything once a write through this server has answered, before anyone can ask again", async () => {
    const next = fakeNext();
    const origin = await serve(newCache(), next.handle);
    await get(`${origin}/en`);
    expect((await get(`${origin}/en`)).headers.get("x-upr-cache")).toBe("hit");
    await fetch(`${origin}/en`, { method: "POST", body: "x" }).then((response) => response.arrayBuffer());
    expect((await get(`${origin}/en`)).headers.get("x-upr-cache")).toBe("miss");
  });

  it("shares one render between readers who arrive while it runs", async () => {
    const next = fakeNext({ delayMs: 100 });
    const origin = await serve(newCache(), next.handle);
    const responses = await Promise.all(Array.from({ length: 6 }, () => get(`${origin}/zh/states`)));
    expect(next.calls).toHaveLength(1);
    expect(responses.every((response) => response.body.includes("render 1"))).toBe(true);
    expect(new Set(responses.map((response) => nonceOf(response.headers.get("content-security-policy")!))).size).toBe(6);
  });

  it("renders again for a reader who asks for a fresh copy, and keeps that copy", async () => {
    const next = fakeNext();
    const origin = await serve(newCache(), next.handle);
    await get(`${origin}/en`);
    expect((await get(`${origin}/en`, { "cache-control": "no-cache" })).body).toContain("render 2");
    expect((await get(`${origin}/en`)).body).toContain("render 2");
    expect(next.calls).toHaveLength(2);
  });

  it("caches nothing while disabled (no change listener), and starts empty when enabled again", async () => {
    const cache = newCache();
    const next = fakeNext();
    const origin = await serve(cache, next.handle);
    await get(`${origin}/en`);
    cache.setEnabled(false);
    expect((await get(`${origin}/en`)).headers.get("x-upr-cache")).toBeNull();
    cache.setEnabled(true);
    expect((await get(`${origin}/en`)).headers.get("x-upr-cache")).toBe("miss");
    expect(next.calls).toHaveLength(3);
  });

  it("lets entries expire and keeps its memory bound, least recently used out first", async () => {
    const expiring = newCache({ ttlMs: 50 });
    let next = fakeNext();
    let origin = await serve(expiring, next.handle);
    await get(`${origin}/en`);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await get(`${origin}/en`)).headers.get("x-upr-cache")).toBe("miss");
    await new Promise((resolve) => server!.close(resolve));

    // Each page is about 1 KB: room for five.
    const small = newCache({ maxBytes: 5_500 });
    next = fakeNext({ body: (nonce, count) => `<p nonce="${nonce}">${count} ${"y".repeat(1000)}</p>` });
    origin = await serve(small, next.handle);
    for (const page of ["a", "b", "c", "d", "e"]) await get(`${origin}/en/${page}`);
    expect(small.stats().entries).toBe(5);
    await get(`${origin}/en/a`);
    await get(`${origin}/en/f`);
    expect(small.stats().entries).toBe(5);
    expect(small.stats().bytes).toBeLessThanOrEqual(5_500);
    expect((await get(`${origin}/en/a`)).headers.get("x-upr-cache")).toBe("hit");
    expect((await get(`${origin}/en/b`)).headers.get("x-upr-cache")).toBe("miss");
  });
});
