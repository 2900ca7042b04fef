import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { freePort } from "@/lib/database/embedded";
import { createDatabaseProbe, holdServerErrors } from "./outage";
import { createPageCache } from "./page-cache";

type Handle = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = null;
});

/** A real HTTP server whose answers go through holdServerErrors, optionally under the page cache's recorder. */
async function serve(handle: Handle, isOutage: () => Promise<boolean>, options: { cache?: boolean } = {}): Promise<string> {
  const cache = createPageCache({ ttlMs: 60_000, maxBytes: 2 ** 20, isCacheablePath: (path) => path.startsWith("/en"), createNonce: () => "n" });
  cache.setEnabled(true);
  server = createServer((request, response) => {
    holdServerErrors(request, response, isOutage);
    if (options.cache) void cache.serve(request, response, handle);
    else handle(request, response);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** What Next does for a page whose render failed: a 500 with its error page, written in pieces. */
const failingPage: Handle = (_request, response) => {
  response.statusCode = 500;
  response.setHeader("content-type", "text/html; charset=utf-8");
  response.setHeader("x-content-type-options", "nosniff");
  response.write("<html>");
  setTimeout(() => response.end("Something went wrong</html>"), 5);
};

describe("holdServerErrors", () => {
  it("turns a 500 into a 503 with Retry-After and a short page in the page's language when it was an outage", async () => {
    const base = await serve(failingPage, async () => true);
    for (const [path, lang, text] of [
      ["/en/recommendations", "en", "The tracker is briefly unavailable"],
      ["/zh/states", "zh-Hans", "追踪系统暂时无法使用"],
    ]) {
      const response = await fetch(base + path!);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("cache-control")).toBe("no-store");
      // Headers that are not about the body stay (the security headers).
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(text);
      expect(html).not.toContain("Something went wrong");
    }
    // Off the pages, the reader's language decides; the API gets the JSON error.
    expect(await (await fetch(`${base}/`, { headers: { "accept-language": "zh-CN,zh;q=0.9" } })).text()).toContain('lang="zh-Hans"');
    const api = await fetch(`${base}/api/recommendations`);
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: "database_unavailable" });
  });

  it("sends a real 500 as it was written when the database is fine", async () => {
    const base = await serve(failingPage, async () => false);
    const response = await fetch(`${base}/en`);
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.text()).toBe("<html>Something went wrong</html>");
  });

  it("never asks about answers below 500, nor about a 503 the handler chose", async () => {
    const isOutage = vi.fn(async () => true);
    const base = await serve((request, response) => {
      if (request.url === "/busy") response.writeHead(503, { "retry-after": "30" }).end("busy");
      else response.writeHead(200, { "content-type": "text/plain" }).end("fine");
    }, isOutage);
    expect(await (await fetch(`${base}/en`)).text()).toBe("fine");
    const busy = await fetch(`${base}/busy`);
    expect([busy.status, busy.headers.get("retry-after"), await busy.text()]).toEqual([503, "30", "busy"]);
    expect(isOutage).not.toHaveBeenCalled();
  });

  it("holds a 500 that went through the page cache's recorder (an anonymous page) too", async () => {
    const base = await serve(failingPage, async () => true, { cache: true });
    const response = await fetch(`${base}/en/recommendations`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("The tracker is briefly unavailable");
  });
});

describe("createDatabaseProbe", () => {
  it("says no at once for a port nothing listens on, and asks once for a burst", async () => {
    const probe = createDatabaseProbe(`postgresql://postgres@127.0.0.1:${await freePort()}/x`, { timeoutMs: 1000, cacheMs: 5000 });
    const started = Date.now();
    const answers = await Promise.all([probe(), probe(), probe()]);
    expect(answers).toEqual([false, false, false]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
