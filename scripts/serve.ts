/**
 * The app's HTTP server in production (`npm start` runs it once the build is ready): Next.js's own request handler
 * behind a plain Node server that knows the TCP peer. Before Next sees a request, it sets the client-address header
 * (lib/http/client-address.ts) from the peer, or from X-Forwarded-For when the peer is a proxy listed in
 * TRUSTED_PROXIES, replacing any value the client sent. better-auth's rate limit keys on that header.
 * In front of Next, the cache of anonymous pages (lib/http/page-cache.ts), emptied whenever the database notifies a
 * change (lib/http/data-changes.ts); UPR_PAGE_CACHE=off turns it off.
 * Runs without the react-server condition: Next loads its own layers.
 */
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies, SERVER_SETS_CLIENT_ADDRESS } from "@/lib/http/client-address";
import { listenForDataChanges, type DataChangeListener } from "@/lib/http/data-changes";
import { createPageCache } from "@/lib/http/page-cache";
import { clearPublicCaches } from "@/lib/http/public-caches";
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
  const server = createServer((request, response) => {
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], proxies);
    void cache.serve(request, response, handle).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.listen(port, hostname, () => {
    const trusted = proxies.entries.length > 0 ? `; X-Forwarded-For believed from ${proxies.entries.join(", ")}` : "";
    log(`Ready on port ${port}${trusted}`);
  });
  const stop = (): void => {
    void listener?.stop();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
