import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import { requestSnapshot, serveSnapshots, takeSnapshot } from "./snapshot";
import { keepExchangesWhole, socketQueueOf } from "./socket-queue";

/**
 * The embedded PostgreSQL (PGlite, PostgreSQL 18 in WASM) served over the wire protocol on loopback, so the
 * app, migrations, the CLI and tests all use the same `pg` code path as a real server.
 *
 * PGlite must never open the same data directory twice. The process that opens it writes `server.json`
 * (pid and port) into the directory; any other process (the CLI while the app runs) connects to that
 * port instead of opening the files, and asks the owner for snapshots (./snapshot.ts) instead of reading them.
 */

export type EmbeddedServer = {
  url: string;
  port: number;
  dataDir: string;
  /** True when this process opened the data directory and must close it. */
  owned: boolean;
  stop: () => Promise<void>;
};

type LockInfo = { pid: number; port: number; startedAt: string; snapshotPort?: number; snapshotToken?: string };

/** Data directories this process serves: asking again returns the same server, never a second PGlite. */
const openedHere = new Map<string, EmbeddedServer>();
/** How to take a snapshot of each data directory this process serves. */
const snapshotsHere = new Map<string, () => Promise<Buffer>>();

export function embeddedDataDir(): string {
  return path.resolve(process.env.EMBEDDED_DB_DIR || ".upr-data");
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, "server.json");
}

function urlFor(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/** A free loopback port, for the embedded server and the tests' private PostgreSQL. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Connects to the embedded server that another process runs on this data directory, if any. */
export async function findRunningEmbeddedServer(dataDir = embeddedDataDir()): Promise<EmbeddedServer | null> {
  const lock = readLock(dataDir);
  if (!lock || lock.pid === process.pid || !isAlive(lock.pid) || !(await canConnect(lock.port))) return null;
  return { url: urlFor(lock.port), port: lock.port, dataDir, owned: false, stop: async () => {} };
}

/**
 * Attaches to the running embedded server of `dataDir`, or opens the directory and serves it.
 * `port` 0 (the default) picks a free loopback port.
 */
export async function startEmbeddedServer(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir ?? embeddedDataDir());
  const mine = openedHere.get(dataDir);
  if (mine) return { ...mine, owned: false, stop: async () => {} };
  const running = await findRunningEmbeddedServer(dataDir);
  if (running) return running;

  fs.mkdirSync(dataDir, { recursive: true });
  const stale = readLock(dataDir);
  if (stale && stale.pid !== process.pid && isAlive(stale.pid)) {
    throw new Error(
      `The embedded database in ${dataDir} is held by process ${stale.pid}, which does not answer on port ${stale.port}. ` +
        `Stop that process, or remove ${lockPath(dataDir)} if it is gone.`,
    );
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  // pg_trgm serves the text similarity of recurring recommendations (lib/server/recurrence.ts), and btree_gin lets
  // its GIN index hold the State under review too; PGlite ships each as an extension bundle that must be loaded here
  // before a migration can CREATE EXTENSION it.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { btree_gin } = await import("@electric-sql/pglite/contrib/btree_gin");
  const db = await PGlite.create({ dataDir: path.join(dataDir, "pgdata"), extensions: { pg_trgm, btree_gin } });
  const port = options.port || (await freePort());
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 20 });
  // One connection's Parse, Bind and Execute must not be split by another's (./socket-queue.ts).
  keepExchangesWhole(socketQueueOf(server));
  await server.start();
  const control = await serveSnapshots(db);
  const lock: LockInfo = { pid: process.pid, port, startedAt: new Date().toISOString(), snapshotPort: control.port, snapshotToken: control.token };
  fs.writeFileSync(lockPath(dataDir), JSON.stringify(lock), { mode: 0o600 });
  snapshotsHere.set(dataDir, () => takeSnapshot(db));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    openedHere.delete(dataDir);
    snapshotsHere.delete(dataDir);
    await control.close();
    await server.stop();
    await db.close();
    if (readLock(dataDir)?.pid === process.pid) fs.rmSync(lockPath(dataDir), { force: true });
  };
  const opened: EmbeddedServer = { url: urlFor(port), port, dataDir, owned: true, stop };
  openedHere.set(dataDir, opened);
  return opened;
}

/** True when a process (this one or another) holds `dataDir` open. */
export function isEmbeddedDatabaseOpen(dataDir = embeddedDataDir()): boolean {
  const dir = path.resolve(dataDir);
  const lock = readLock(dir);
  return openedHere.has(dir) || (lock !== null && lock.pid !== process.pid && isAlive(lock.pid));
}

/**
 * A consistent snapshot of the embedded database in `dataDir` (PGlite's gzipped tarball of its data directory): from
 * this process when it serves the directory, from the running app through its snapshot port, else by opening the
 * directory here for the time of the dump.
 */
export async function snapshotEmbeddedDatabase(dataDir = embeddedDataDir()): Promise<Buffer> {
  const dir = path.resolve(dataDir);
  const here = snapshotsHere.get(dir);
  if (here) return here();
  const lock = readLock(dir);
  if (lock && lock.pid !== process.pid && isAlive(lock.pid)) {
    if (!lock.snapshotPort || !lock.snapshotToken) {
      throw new Error(`The app that holds ${dir} (process ${lock.pid}) predates snapshots: restart it, then back up again.`);
    }
    return requestSnapshot(lock.snapshotPort, lock.snapshotToken);
  }
  if (!fs.existsSync(path.join(dir, "pgdata", "PG_VERSION"))) throw new Error(`There is no embedded database in ${dir}.`);
  const server = await startEmbeddedServer({ dataDir: dir });
  try {
    return await (snapshotsHere.get(dir) ?? (() => Promise.reject(new Error(`${dir} is held by another process.`))))();
  } finally {
    await server.stop();
  }
}
