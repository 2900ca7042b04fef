import { timingSafeEqual, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Snapshots of the embedded database while the app runs. Only the process that opened the data directory may read
 * its files (PGlite keeps pages in memory and must never be opened twice), so that process answers snapshot requests
 * on a loopback port of its own. The port and a random token sit in the data directory's server.json (mode 600): who
 * can read the data directory can ask for a snapshot, nobody else.
 *
 * A snapshot is PGlite's own dump of the data directory (`dumpDataDir`, a gzipped tarball) after a CHECKPOINT.
 * PGlite runs one statement at a time, and the dump holds its query lock, so no statement runs while the files are
 * read: the copy is what a crash at that instant would leave. PostgreSQL recovers such a copy from its write-ahead
 * log on the next start, with every committed transaction and none of those still open.
 */

export type SnapshotControl = { port: number; token: string; close: () => Promise<void> };

/** The snapshot of an open PGlite, as gzipped tarball bytes. */
export async function takeSnapshot(db: PGlite): Promise<Buffer> {
  await db.exec("CHECKPOINT");
  const dump = await db.dumpDataDir("gzip");
  return Buffer.from(await dump.arrayBuffer());
}

function sameToken(given: string | undefined, token: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(`Bearer ${token}`);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Serves `POST /snapshot` on a free loopback port for the process that holds `db`. */
export async function serveSnapshots(db: PGlite): Promise<SnapshotControl> {
  const token = randomBytes(24).toString("base64url");
  const server = http.createServer((request, response) => {
    if (request.method !== "POST" || request.url !== "/snapshot" || !sameToken(request.headers.authorization, token)) {
      response.writeHead(404).end();
      return;
    }
    takeSnapshot(db).then(
      (bytes) => response.writeHead(200, { "content-type": "application/gzip", "content-length": bytes.length }).end(bytes),
      (error: Error) => response.writeHead(500, { "content-type": "text/plain" }).end(error.message),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  server.unref();
  return {
    port: (server.address() as AddressInfo).port,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Asks the process that holds a data directory for a snapshot (see serveSnapshots). */
export async function requestSnapshot(port: number, token: string): Promise<Buffer> {
  const response = await fetch(`http://127.0.0.1:${port}/snapshot`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`The running app could not take a snapshot (HTTP ${response.status}): ${body.toString("utf8")}`);
  return body;
}
