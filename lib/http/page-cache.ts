/**
 * A shared cache of rendered pages for anonymous readers, in front of Next.js's request handler (scripts/serve.ts).
 *
 * Why: the day a report comes out, journalists open the same few pages all at once. Every anonymous reader of a URL
 * gets the same public HTML, so rendering it once per change of the data, instead of once per request, is what lets
 * two cores serve the crowd. Signed-in readers are never served from it.
 *
 * What keeps it right:
 * - **Only anonymous document requests**: GET, no cookie but the locale's, no Authorization header, none of the headers
 *   Next.js uses for client navigations (their answers depend on the router state), a page path under a locale.
 * - **Only answers that are the same for everyone**: status 200, HTML, no cookie set but the locale's (next-intl
 *   remembers the URL's locale, the same for every reader of that URL). The key is the host and the URL as asked, so a
 *   different query string is a different page.
 * - **Fresh data**: every write that could change a public page notifies the app after it commits (the database's
 *   `upr_data_changed` channel, lib/http/data-changes.ts). A notification empties the cache, and a page whose render
 *   started before it is not kept. A successful write through this instance (any POST…) empties it as its answer is
 *   sent, so whoever asks next sees the write without waiting for the notification. Without a working listener nothing is cached. Entries also expire after `ttlMs`,
 *   for what changes with the clock (deadlines counted in days).
 * - **A fresh CSP nonce per response**: the nonce of the render is replaced in the body and in every header (the CSP,
 *   the stylesheet's preload link), so a cached page never hands out a nonce that another response used.
 * - A reader who asks for a fresh copy (`Cache-Control: no-cache`, a browser's hard reload) gets a fresh render.
 *
 * Concurrent readers of a URL that is not cached yet wait for the one render in progress instead of starting their
 * own. Memory is bounded by `maxBytes` (least recently used entries go first).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { chooseCoding, compress } from "./compression";
import { recordResponse } from "./record-response";

export type PageCacheOptions = {
  ttlMs: number;
  maxBytes: number;
  /** Paths that may be cached: pages under a locale prefix. */
  isCacheablePath: (pathname: string) => boolean;
  /** A fresh nonce for each response served from the cache. */
  createNonce: () => string;
  /** Cookies that do not change what a page shows to an anonymous reader (the chosen locale, used only for redirects). */
  harmlessCookies?: readonly string[];
};

export type PageCacheStats = { hits: number; misses: number; stored: number; bypassed: number; entries: number; bytes: number; enabled: boolean };

type Entry = {
  status: number;
  /** Each header's value cut at each occurrence of the render's nonce (the CSP, the stylesheet's preload link). */
  headers: [name: string, values: string[][]][];
  /** The body cut the same way; both are joined again with a fresh nonce for each response. */
  parts: Buffer[];
  bytes: number;
  expires: number;
};

/** The headers that make a request a client navigation or prefetch (Next.js answers those with RSC payloads). */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action"];
/** Hop-by-hop and per-response headers: never stored, set again for each response. */
const NOT_STORED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "etag"]);

function cookieNames(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(";")
    .map((pair) => pair.split("=")[0]!.trim())
    .filter((name) => name.length > 0);
}

function splitOn(text: string, needle: string | null): string[] {
  return needle ? text.split(needle) : [text];
}

export function nonceOf(csp: string): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1] ?? null;
}

export function createPageCache(options: PageCacheOptions) {
  const harmless = new Set(options.harmlessCookies ?? []);
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry | null>>();
  let bytes = 0;
  /** Bumped by every data change: a render that started in an older generation is not kept. */
  let generation = 0;
  let enabled = false;
  const stats = { hits: 0, misses: 0, stored: 0, bypassed: 0 };

  function forget(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function clear(): void {
    generation++;
    entries.clear();
    pending.clear();
    bytes = 0;
  }

  function keep(key: string, entry: Entry): void {
    forget(key);
    if (entry.bytes > options.maxBytes / 4) return;
    entries.set(key, entry);
    bytes += entry.bytes;
    // A Map iterates in insertion order, and a hit re-inserts its entry: the first is the least recently used.
    while (bytes > options.maxBytes) forget(entries.keys().next().value as string);
  }

  /** The cache key, or null when the request must reach the app itself. */
  function keyOf(request: IncomingMessage): string | null {
    if (!enabled || request.method !== "GET") return null;
    if (request.headers.authorization) return null;
    if (ROUTER_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
    if (cookieNames(request.headers.cookie).some((name) => !harmless.has(name))) return null;
    const url = request.url ?? "";
    if (!url.startsWith("/")) return null;
    const pathname = url.split("?")[0]!;
    if (/[?&]_rsc=/.test(url) || !options.isCacheablePath(pathname)) return null;
    const forwarded = [request.headers["x-forwarded-host"], request.headers["x-forwarded-proto"]].map((value) => String(value ?? "")).join(",");
    return `${request.headers.host ?? ""}|${forwarded}|${url}`;
  }

  /** A hard reload (`no-cache`) renders again; a plain reload (`max-age=0`) is served like any other request. */
  function wantsFresh(request: IncomingMessage): boolean {
    const cacheControl = String(request.headers["cache-control"] ?? "").toLowerCase();
    return /\bno-cache\b|\bno-store\b/.test(cacheControl) || /\bno-cache\b/i.test(String(request.headers.pragma ?? ""));
  }

  async function send(acceptEncoding: string | string[] | undefined, response: ServerResponse, entry: Entry, state: "hit" | "miss"): Promise<void> {
    const nonce = options.createNonce();
    const nonceBytes = Buffer.from(nonce);
    const pieces: Buffer[] = [];
    entry.parts.forEach((part, index) => {
      if (index > 0) pieces.push(nonceBytes);
      pieces.push(part);
    });
    let body: Buffer = Buffer.concat(pieces);
    const headers: OutgoingHttpHeaders = { "x-upr-cache": state };
    for (const [name, values] of entry.headers) headers[name] = values.length === 1 ? values[0]!.join(nonce) : values.map((value) => value.join(nonce));
    if (!/accept-encoding/i.test(String(headers.vary ?? ""))) headers.vary = headers.vary ? `${String(headers.vary)}, Accept-Encoding` : "Accept-Encoding";
    const coding = chooseCoding(acceptEncoding);
    if (coding) {
      body = await compress(body, coding, "page");
      headers["content-encoding"] = coding;
    }
    headers["content-length"] = body.length;
    if (response.destroyed) return;
    response.writeHead(entry.status, headers);
    response.end(body);
  }

  /**
   * Renders through `handle` with a response that records what Next writes (lib/http/record-response.ts); resolves
   * with the entry to keep, or null when the answer is not one to share. The reader who caused the render is sent the
   * entry, exactly what the next readers will get.
   */
  async function render(request: IncomingMessage, handle: (request: IncomingMessage, response: ServerResponse) => unknown, response: ServerResponse): Promise<Entry | null> {
    // Uncompressed, so the nonce can be replaced; the cache compresses for each reader.
    const acceptEncoding = request.headers["accept-encoding"];
    delete request.headers["accept-encoding"];
    const recording = await recordResponse(request, response, handle);
    if (!recording) return null;
    const { status, headers, body } = recording;
    const type = String(headers["content-type"] ?? "");
    const setCookies = [headers["set-cookie"] ?? []].flat().map(String);
    const shareable = status === 200 && type.startsWith("text/html") && !headers["content-encoding"] && setCookies.every((cookie) => harmless.has(cookie.split("=")[0]!.trim()));
    if (!shareable) {
      // Not ours to keep: hand the answer over as Next wrote it (compressed here, since Next was asked not to).
      response.removeHeader("content-length");
      response.statusCode = status;
      const coding = body.length > 1024 && !headers["content-encoding"] ? chooseCoding(acceptEncoding) : null;
      if (coding) response.setHeader("content-encoding", coding);
      response.end(coding ? await compress(body, coding, "page") : body);
      return null;
    }
    const csp = headers["content-security-policy"];
    const nonce = typeof csp === "string" ? nonceOf(csp) : null;
    const stored: Entry["headers"] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (NOT_STORED.has(name) || value === undefined) continue;
      stored.push([name, [value].flat().map((one) => splitOn(String(one), nonce))]);
    }
    const entry: Entry = {
      status,
      headers: stored,
      parts: splitOn(body.toString("utf8"), nonce).map((part) => Buffer.from(part, "utf8")),
      bytes: body.length,
      expires: Date.now() + options.ttlMs,
    };
    void send(acceptEncoding, response, entry, "miss").catch(() => response.destroy());
    return entry;
  }

  return {
    /** Serves `request` from the cache, or through `handle` (and keeps the answer when it may be shared). */
    async serve(request: IncomingMessage, response: ServerResponse, handle: (request: IncomingMessage, response: ServerResponse) => unknown): Promise<void> {
      if (request.method !== "GET" && request.method !== "HEAD" && request.method !== "OPTIONS") {
        // A write through this instance (a server action, an API call) is seen by the next request, whoever makes it:
        // the cache is emptied as the answer is sent, after the write committed. Other instances hear it from the
        // database a moment later.
        const end = response.end.bind(response);
        response.end = ((...args: Parameters<typeof response.end>) => {
          if (response.statusCode < 400) clear();
          return end(...args);
        }) as typeof response.end;
      }
      const key = keyOf(request);
      if (key === null) {
        stats.bypassed++;
        await handle(request, response);
        return;
      }
      const fresh = wantsFresh(request);
      const cached = fresh ? undefined : entries.get(key);
      if (cached && cached.expires > Date.now()) {
        // Most recently used last.
        entries.delete(key);
        entries.set(key, cached);
        stats.hits++;
        await send(request.headers["accept-encoding"], response, cached, "hit");
        return;
      }
      if (cached) forget(key);
      const inProgress = fresh ? undefined : pending.get(key);
      if (inProgress) {
        const entry = await inProgress;
        if (entry) {
          stats.hits++;
          await send(request.headers["accept-encoding"], response, entry, "hit");
          return;
        }
      }
      stats.misses++;
      const started = generation;
      const rendering = render(request, handle, response);
      if (!fresh) pending.set(key, rendering);
      const entry = await rendering;
      if (pending.get(key) === rendering) pending.delete(key);
      if (entry && generation === started && enabled) {
        keep(key, entry);
        stats.stored++;
      }
    },
    /** Data changed (or may have): nothing rendered before now is served again. */
    clear,
    /** Caching only while the change listener works; switching either way empties the cache. */
    setEnabled(value: boolean): void {
      if (value !== enabled) clear();
      enabled = value;
    },
    stats(): PageCacheStats {
      return { ...stats, entries: entries.size, bytes, enabled };
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
