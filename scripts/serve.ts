/**
 * The app's HTTP server in production (`npm start` runs it once the build is ready): Next.js's own request handler
 * behind a plain Node server that knows the TCP peer. Before Next sees a request, it sets the client-address header
 * (lib/http/client-address.ts) from the peer, or from X-Forwarded-For when the peer is a proxy listed in
 * TRUSTED_PROXIES, replacing any value the client sent. better-auth's rate limit keys on that header.
 * In front of Next, the cache of anonymous pages (lib/http/page-cache.ts), emptied whenever the database notifies a
 * change (lib/http/data-changes.ts); UPR_PAGE_CACHE=off turns it off. The build's static files go out
 * brotli-compressed, each compressed once (lib/http/static-compression.ts).
 * While the database is unavailable, an answer Next would send as a 500 goes out as 503 with Retry-After
 * (lib/http/outage.ts). On SIGTERM (or SIGINT) it stops accepting connections, answers 503 to requests that still
 * arrive on open ones, lets those in flight finish (up to SHUTDOWN_TIMEOUT_MS, 10 s by default), then closes the
 * change listener and the database pool and exits.
 * Runs without the react-server condition: Next loads its own layers.
 */
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies, SERVER_SETS_CLIENT_ADDRESS } from "@/lib/http/client-address";
import { listenForDataChanges, type DataChangeListener } from "@/lib/http/data-changes";
import { createDatabaseProbe, holdServerErrors, sendUnavailable } from "@/lib/http/outage";
import { createPageCache } from "@/lib/http/page-cache";
import { clearPublicCaches } from "@/lib/http/public-caches";
import { REQUEST_ID_HEADER, takeDatabaseFailure } from "@/lib/http/request-marks";
import { createStaticCompression } from "@/lib/http/static-compression";
import { isPagePath, routing } from "@/lib/i18n/routing";
import { createNonce } from "@/lib/security-headers";

const log = (message: string): void => void process.stdout.write(`[upr] ${message}\n`);

/** Pages under a locale: `/en`, `/zh/recommendations?…` (the bare `/` redirects by language, so it is never kept). */
function isLocalePage(pathname: string): boolean {
  const locale = pathname.split("/")[1] ?? "";
  return (routing.locales as readonly string[]).includes(locale) && isPagePath(pathname);
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || undefined;
  let proxies;
  try {
    proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  } catch (error) {
    process.stderr.write(`[upr] ${(error as Error).message}\n`);
    process.exit(1);
  }
  // Next runs in this process: the app believes the client-address header only because this server sets it.
  process.env[SERVER_SETS_CLIENT_ADDRESS] = "1";
  const app = next({ dev: false, port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const cache = createPageCache({
    ttlMs: 60_000,
    maxBytes: 64 * 2 ** 20,
    isCacheablePath: isLocalePage,
    createNonce,
    // next-intl's remembered locale: it only decides where the bare `/` redirects.
    harmlessCookies: ["NEXT_LOCALE"],
  });
  const statics = createStaticCompression({ maxBytes: 32 * 2 ** 20 });
  let listener: DataChangeListener | null = null;
  if (process.env.UPR_PAGE_CACHE !== "off" && process.env.DATABASE_URL) {
    listener = listenForDataChanges(process.env.DATABASE_URL, {
      onChange: () => {
        cache.clear();
        clearPublicCaches();
      },
      onState: (listening) => cache.setEnabled(listening),
      log,
    });
  }
  const probe = createDatabaseProbe(process.env.DATABASE_URL);
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let drained: () => void = () => {};
  let requests = 0;
  const server = createServer((request, response) => {
    if (draining) {
      // A request on a connection opened before the stop: refused, and the connection closed after the answer.
      response.shouldKeepAlive = false;
      sendUnavailable(request, response, (status, headers, body) => response.writeHead(status, headers).end(body), "shutting_down");
      return;
    }
    const id = `${process.pid}-${++requests}`;
    inFlight.add(response);
    response.on("close", () => {
      inFlight.delete(response);
      takeDatabaseFailure(id);
      if (draining && inFlight.size === 0) drained();
    });
    request.headers[REQUEST_ID_HEADER] = id;
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], proxies);
    // Next reported the failure as a database outage, or the database does not answer a probe now.
    const isOutage = async (): Promise<boolean> => takeDatabaseFailure(id) || !(await probe());
    holdServerErrors(request, response, isOutage);
    const serve = async (): Promise<void> => {
      if (!(await statics.serve(request, response, handle))) await cache.serve(request, response, handle);
    };
    void serve().catch(() => {
      if (response.headersSent) return void response.end();
      response.statusCode = 500;
      response.end();
    });
  });
  server.listen(port, hostname, () => {
    const trusted = proxies.entries.length > 0 ? `; X-Forwarded-For believed from ${proxies.entries.join(", ")}` : "";
    log(`Ready on port ${port}${trusted}`);
  });
  const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);
  const stop = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    log(`Stopping: finishing ${inFlight.size} request(s) in flight (at most ${timeoutMs / 1000} s)…`);
    server.close();
    server.closeIdleConnections();
    // Answers still to come close their connection behind them.
    for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    if (inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, timeoutMs).unref();
      });
    }
    if (inFlight.size > 0) log(`Stopped waiting: ${inFlight.size} request(s) cut off.`);
    server.closeAllConnections();
    await listener?.stop();
    // The app's Prisma client lives in this process (lib/server/db.ts keeps it on globalThis).
    await (globalThis as { uprPrisma?: { $disconnect: () => Promise<void> } }).uprPrisma?.$disconnect().catch(() => {});
    log("Stopped.");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

void main();
