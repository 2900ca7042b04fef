/**
 * 503 instead of 500 while the database is unavailable, for everything the app's HTTP server (scripts/serve.ts)
 * serves. Route handlers already answer 503 themselves (lib/server/http-errors.ts); a page cannot (Next renders
 * app/[locale]/error.tsx with status 500, and an error boundary sets no status), nor can better-auth's routes. So the
 * server holds back any 5xx answer other than 503 until it knows why: when Next reported that the request failed on
 * an unavailable database (instrumentation.ts, lib/http/request-marks.ts), or a short probe finds the database
 * unreachable, the reader gets 503 with Retry-After and a short message in their language instead; otherwise the 500
 * goes out as Next wrote it. The same 503 answers requests that arrive while the server shuts down.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import pg from "pg";
import { RETRY_AFTER_SECONDS } from "@/lib/database/unavailable";
import en from "@/lib/i18n/messages/en/common.json";
import zh from "@/lib/i18n/messages/zh/common.json";
import { LANGUAGE_TAGS, routing, type Locale } from "@/lib/i18n/routing";

const MESSAGES: Record<Locale, { title: string; body: string }> = { en: en.outage, zh: zh.outage };

/** Headers of the held answer that describe its body, dropped when another body replaces it. */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "etag", "cache-control", "vary", "link", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page's locale from its path (`/zh/…`), else the reader's Accept-Language, else English. */
export function localeOf(request: IncomingMessage): Locale {
  const first = (request.url ?? "/").split(/[/?]/)[1] ?? "";
  if ((routing.locales as readonly string[]).includes(first)) return first as Locale;
  return /^\s*zh\b/i.test(String(request.headers["accept-language"] ?? "")) ? "zh" : routing.defaultLocale;
}

export function outagePage(locale: Locale): string {
  const { title, body } = MESSAGES[locale];
  return `<!DOCTYPE html><html lang="${LANGUAGE_TAGS[locale]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></main></body></html>`;
}

/**
 * Writes the 503: JSON for the API (the app's error shape: `database_unavailable`, or `shutting_down` while this
 * server stops), a short page in the reader's language for the rest.
 */
export function sendUnavailable(
  request: IncomingMessage,
  response: ServerResponse,
  write: (status: number, headers: OutgoingHttpHeaders, body: string) => void,
  reason: "database_unavailable" | "shutting_down" = "database_unavailable",
): void {
  for (const name of BODY_HEADERS) response.removeHeader(name);
  const api = (request.url ?? "").startsWith("/api/");
  const body = api ? JSON.stringify({ error: reason }) : outagePage(localeOf(request));
  write(
    503,
    {
      "content-type": api ? "application/json" : "text/html; charset=utf-8",
      "content-length": Buffer.byteLength(body),
      "cache-control": "no-store",
      "retry-after": String(RETRY_AFTER_SECONDS),
    },
    request.method === "HEAD" ? "" : body,
  );
}

/**
 * Whether the database answers, asked at most once per `cacheMs` (a burst of failing requests shares one probe), with
 * a connection of its own that gives up after `timeoutMs`.
 */
export function createDatabaseProbe(url: string | undefined, options: { timeoutMs?: number; cacheMs?: number } = {}): () => Promise<boolean> {
  const timeoutMs = options.timeoutMs ?? 1_000;
  const cacheMs = options.cacheMs ?? 1_000;
  let last: { at: number; answer: Promise<boolean> } | null = null;
  const ask = async (): Promise<boolean> => {
    if (!url) return true;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, application_name: "upr-probe" });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  };
  return () => {
    if (!last || Date.now() - last.at > cacheMs) last = { at: Date.now(), answer: ask() };
    return last.answer;
  };
}

type Chunk = { chunk: unknown; encoding?: unknown };

/**
 * Holds back a 5xx answer (other than 503) that Next starts to write, and once it is complete asks `isOutage`:
 * true sends the 503 instead, false sends the held answer unchanged. Answers below 500 pass through untouched.
 * Works under the page cache's recorder (lib/http/record-response.ts), which restores these methods when done.
 */
export function holdServerErrors(request: IncomingMessage, response: ServerResponse, isOutage: () => Promise<boolean>): void {
  const original = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  let held: { head: unknown[]; chunks: Chunk[] } | null = null;
  const failing = (status: number): boolean => status >= 500 && status !== 503;
  const holdIfFailing = (): boolean => {
    if (!held && !response.headersSent && failing(response.statusCode)) held = { head: [response.statusCode], chunks: [] };
    return held !== null;
  };
  const release = (): void => {
    if (!held) return;
    const { head, chunks } = held;
    Object.assign(response, original);
    void isOutage().then(
      (outage) => {
        if (response.destroyed) return;
        if (outage) {
          sendUnavailable(request, response, (status, headers, body) => {
            response.writeHead(status, headers);
            response.end(body);
          });
          return;
        }
        (response.writeHead as (...args: unknown[]) => ServerResponse)(...head);
        for (const { chunk, encoding } of chunks) (response.write as (...args: unknown[]) => boolean)(chunk, ...(encoding === undefined ? [] : [encoding]));
        response.end();
      },
      () => response.destroy(),
    );
  };
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (held) return response;
    if (failing(status)) {
      held = { head: [status, ...rest], chunks: [] };
      return response;
    }
    return (original.writeHead as (...args: unknown[]) => ServerResponse).call(response, status, ...rest);
  }) as typeof response.writeHead;
  response.flushHeaders = () => {
    if (!holdIfFailing()) original.flushHeaders.call(response);
  };
  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (!holdIfFailing()) return (original.write as (...args: unknown[]) => boolean).call(response, chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") held!.chunks.push({ chunk, encoding: typeof encoding === "string" ? encoding : undefined });
    const done = [encoding, callback].find((value) => typeof value === "function") as (() => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as typeof response.write;
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (!holdIfFailing()) return (original.end as (...args: unknown[]) => ServerResponse).call(response, chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") held!.chunks.push({ chunk, encoding: typeof encoding === "string" ? encoding : undefined });
    const done = [chunk, encoding, callback].find((value) => typeof value === "function") as (() => void) | undefined;
    if (done) response.once("finish", done);
    release();
    return response;
  }) as typeof response.end;
}
