import "server-only";
import fs from "node:fs";
import path from "node:path";
import { isEmbeddedDatabaseOpen, snapshotEmbeddedDatabase } from "@/lib/database/embedded";
import { BackupRefused } from "./errors";

/**
 * Backups of the embedded database (PGlite): its own dump of the data directory (lib/database/snapshot.ts), behind
 * one header line that names the format and one JSON line that carries the generated session secret
 * (auth-secret), which also encrypts the members' authenticator-app secrets: restored without it, nobody's
 * two-factor sign-in would work.
 */

export const EMBEDDED_MAGIC = "UPR embedded backup 1\n";

type Header = { createdAt: string; authSecret?: string };

export async function backupEmbedded(dataDir: string): Promise<Buffer> {
  const tarball = await snapshotEmbeddedDatabase(dataDir);
  let authSecret: string | undefined;
  try {
    authSecret = fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim() || undefined;
  } catch {
    authSecret = undefined;
  }
  const header: Header = { createdAt: new Date().toISOString(), authSecret };
  return Buffer.concat([Buffer.from(EMBEDDED_MAGIC), Buffer.from(`${JSON.stringify(header)}\n`), tarball]);
}

function parse(bytes: Buffer): { header: Header; tarball: Buffer } {
  const start = EMBEDDED_MAGIC.length;
  const end = bytes.indexOf(0x0a, start);
  if (end < 0) throw new BackupRefused("The backup file is cut short: its header is incomplete.");
  return { header: JSON.parse(bytes.subarray(start, end).toString("utf8")) as Header, tarball: bytes.subarray(end + 1) };
}

function isEmpty(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/**
 * Unpacks an embedded backup into `dataDir`'s database (pgdata). Refused while an app holds the directory, and when it
 * already has a database unless `force`. The database is unpacked and opened beside the old one first, so a damaged
 * file leaves the old one as it was.
 */
export async function restoreEmbedded(dataDir: string, bytes: Buffer, options: { force: boolean }): Promise<void> {
  const dir = path.resolve(dataDir);
  const pgdata = path.join(dir, "pgdata");
  if (isEmbeddedDatabaseOpen(dir)) throw new BackupRefused(`The app is running on ${dir}: stop it, then restore.`);
  if (!isEmpty(pgdata) && !options.force) {
    throw new BackupRefused(`${dir} already holds a database. Restore into an empty data directory, or add --force to replace it.`);
  }
  const { header, tarball } = parse(bytes);

  // Unpack and open it beside the old database: PGlite recovers it from its write-ahead log and checks it opens.
  const staging = path.join(dir, `pgdata.restoring-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { btree_gin } = await import("@electric-sql/pglite/contrib/btree_gin");
  try {
    const db = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([new Uint8Array(tarball)]), extensions: { pg_trgm, btree_gin } });
    await db.query("SELECT 1");
    await db.close();
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`The backup could not be opened: ${(error as Error).message}`);
  }

  // Swap it in, then drop the old one.
  const old = path.join(dir, `pgdata.replaced-${process.pid}`);
  if (fs.existsSync(pgdata)) fs.renameSync(pgdata, old);
  fs.renameSync(staging, pgdata);
  fs.rmSync(old, { recursive: true, force: true });
  if (header.authSecret) fs.writeFileSync(path.join(dir, "auth-secret"), `${header.authSecret}\n`, { mode: 0o600 });
}
