/**
 * Tells a database outage apart from a bug: the server is unreachable, starting up, shutting down, dropped the
 * connection, or the pool timed out waiting for one. Such a failure is the operator's to fix, not the caller's, and
 * goes away on its own: the app answers 503 with Retry-After (lib/server/http-errors.ts, scripts/serve.ts) instead of
 * 500, and an idempotent read is tried once more (lib/server/db.ts).
 *
 * Errors are told apart by code: Prisma's (P1001…), the driver adapter's error kind, PostgreSQL's SQLSTATE and Node's
 * socket codes, along the chain of causes. The one exception is pg's own "Connection terminated…" errors, which carry
 * no code at all.
 */

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

/** Prisma: can't reach the server, timed out, closed connection, pool timeout, too many connections. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** The driver adapter's kinds of failure that mean "no usable connection" (@prisma/adapter-pg). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, in recovery),
 * too_many_connections, and class 08 (connection exceptions).
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006"]);
/** Node's socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/**
 * Prisma's interactive transaction that could not get a connection within its wait (P2028 "Unable to start a
 * transaction in the given time"): the pool is exhausted, as with P2024, so the server is overloaded for now. P2028's
 * other cases (a transaction that expired or was closed) stay errors.
 */
const TRANSACTION_NOT_STARTED = /Unable to start a transaction in the given time/;
/** Failures where the connection went away under a query: the same read on a fresh connection may well succeed. */
const DROPPED = new Set(["P1017", "ConnectionClosed", "57P01", "57P02", "08003", "08006", "ECONNRESET", "EPIPE"]);
/** pg's code-less errors: a connection that ended under a query, or a pool that could not get one in time. */
const PG_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /^Client has encountered a connection error and is not queryable/];
const PG_DROPPED = [/^Connection terminated/, /^Client has encountered a connection error/];

type Fields = { code?: unknown; errorCode?: unknown; message?: unknown; meta?: unknown; cause?: unknown; driverAdapterError?: unknown };

function asFields(value: unknown): Fields | null {
  return value !== null && typeof value === "object" ? (value as Fields) : null;
}

/** The error, its causes, and the driver adapter error Prisma keeps in `meta`, outermost first (bounded, cycle-safe). */
function chain(error: unknown): Fields[] {
  const seen = new Set<unknown>();
  const out: Fields[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 12) {
    const current = queue.shift();
    const fields = asFields(current);
    if (!fields || seen.has(current)) continue;
    seen.add(current);
    out.push(fields);
    queue.push(fields.cause);
    const meta = asFields(fields.meta);
    if (meta) queue.push(meta.driverAdapterError);
  }
  return out;
}

/** Every code the chain carries: Prisma's, the adapter kind, the original SQLSTATE, the socket code. */
function codesOf(error: unknown): { codes: Set<string>; messages: string[] } {
  const codes = new Set<string>();
  const messages: string[] = [];
  for (const link of chain(error)) {
    for (const value of [link.code, link.errorCode]) if (typeof value === "string") codes.add(value);
    if (typeof link.message === "string") messages.push(link.message);
    const kind = asFields(link.cause);
    if (kind && typeof (kind as { kind?: unknown }).kind === "string") {
      const adapter = kind as { kind: string; code?: unknown; originalCode?: unknown };
      codes.add(adapter.kind);
      for (const value of [adapter.code, adapter.originalCode]) if (typeof value === "string") codes.add(value);
    }
  }
  return { codes, messages };
}

/** True when the error means the database cannot be used right now (answer 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { codes, messages } = codesOf(error);
  for (const code of codes) {
    if (PRISMA_CODES.has(code) || ADAPTER_KINDS.has(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code)) return true;
  }
  if (codes.has("P2028") && messages.some((message) => TRANSACTION_NOT_STARTED.test(message))) return true;
  return messages.some((message) => PG_MESSAGES.some((pattern) => pattern.test(message)));
}

/** True when a connection was lost under the query (not when the server could not be reached at all). */
export function isDroppedConnection(error: unknown): boolean {
  const { codes, messages } = codesOf(error);
  for (const code of codes) if (DROPPED.has(code)) return true;
  return messages.some((message) => PG_DROPPED.some((pattern) => pattern.test(message)));
}
