import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { isDroppedConnection } from "@/lib/database/unavailable";
import { PrismaClient } from "./generated/prisma/client";

/**
 * The one Prisma client of the app, scripts and tests. Created lazily (so importing this module never
 * needs a database) and cached on globalThis so Next's hot reload does not open a pool per edit.
 */
const globalForDb = globalThis as unknown as { uprPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 5), allowExitOnIdle: true });
  // The extension changes no type (it only repeats a call), so the client keeps its own.
  return new PrismaClient({ adapter }).$extends({
    query: {
      $allModels: Object.fromEntries(READ_OPERATIONS.map((operation) => [operation, retryRead])),
      $queryRaw: (params) => (isReadOnlySql(params.args) ? retryRead(params) : params.query(params.args)),
    },
  }) as unknown as PrismaClient;
}

/** Operations that change nothing, so running one twice is harmless. */
const READ_OPERATIONS = ["findMany", "findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "count", "aggregate", "groupBy"] as const;
/** A pause before the second try, so a pool that just lost its connections opens a fresh one. */
const RETRY_PAUSE_MS = 200;

type QueryParams = { args: unknown; query: (args: never) => Promise<unknown> };

/**
 * An idempotent read whose connection dropped under it (the server restarted, a proxy cut it) is tried once more on
 * a fresh connection. Never inside a transaction (the transaction is gone with its connection), never a write. When
 * the second try fails too, the first error is the one reported, so it is still classified as an outage.
 */
async function retryRead(params: QueryParams): Promise<unknown> {
  const args = params.args as never;
  try {
    return await params.query(args);
  } catch (error) {
    const internal = (params as { __internalParams?: { transaction?: unknown } }).__internalParams;
    if (internal?.transaction || !isDroppedConnection(error)) throw error;
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    try {
      return await params.query(args);
    } catch {
      throw error;
    }
  }
}

/** A raw query that only reads: one SELECT (or WITH … SELECT) statement naming no writing keyword or function. */
export function isReadOnlySql(args: unknown): boolean {
  const sql = sqlText(args);
  return sql !== null && /^\s*(SELECT|WITH)\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|pg_notify|nextval|setval|set_config)\b/i.test(sql) && !sql.includes(";");
}

function sqlText(args: unknown): string | null {
  if (Array.isArray(args)) return sqlText(args[0]);
  if (args && typeof args === "object") {
    const value = args as { sql?: unknown; strings?: unknown; raw?: unknown };
    if (typeof value.sql === "string") return value.sql;
    if (Array.isArray(value.strings)) return value.strings.join("?");
    if (Array.isArray(value.raw)) return value.raw.join("?");
  }
  return typeof args === "string" ? args : null;
}

export function getDb(): PrismaClient {
  globalForDb.uprPrisma ??= createClient();
  return globalForDb.uprPrisma;
}

/** For scripts and tests that must let the process exit. */
/** Work started outside any request (a background refresh of the stats summaries) that the pool must outlive. */
const backgroundWork = new Set<Promise<unknown>>();

/** Runs `work` on the shared client after the request that started it; `disconnectDb` waits for it to end. */
export function runInBackground(work: Promise<unknown>): void {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  backgroundWork.add(settled);
  void settled.then(() => backgroundWork.delete(settled));
}

/**
 * Closes the shared client, once the background work running on it has ended: a refresh cut off halfway would lose
 * its connection under a query (and a test's database could not be dropped cleanly under it).
 */
export async function disconnectDb(): Promise<void> {
  while (backgroundWork.size > 0) await Promise.all(backgroundWork);
  await globalForDb.uprPrisma?.$disconnect();
  globalForDb.uprPrisma = undefined;
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";
