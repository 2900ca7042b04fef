/**
 * The app's HTTP server in production (`npm start` runs it once the build is ready): Next.js's own request handler
 * behind a plain Node server that knows the TCP peer. Before Next sees a request, it sets the client-address header
 * (lib/http/client-address.ts) from the peer, or from X-Forwarded-For when the peer is a proxy listed in
 * TRUSTED_PROXIES, replacing any value the client sent. better-auth's rate limit keys on that header.
 * Runs without the react-server condition: Next loads its own layers.
 */
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies, SERVER_SETS_CLIENT_ADDRESS } from "@/lib/http/client-address";

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
  const server = createServer((request, response) => {
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], proxies);
    void handle(request, response);
  });
  server.listen(port, hostname, () => {
    const trusted = proxies.entries.length > 0 ? `; X-Forwarded-For believed from ${proxies.entries.join(", ")}` : "";
    process.stdout.write(`[upr] Ready on port ${port}${trusted}\n`);
  });
  const stop = (): void => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
