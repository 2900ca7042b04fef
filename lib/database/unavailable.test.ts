import pg from "pg";
import { describe, expect, it } from "vitest";
import { freePort } from "./embedded";
import { isDatabaseUnavailable, isDroppedConnection } from "./unavailable";

/** The shapes Prisma's driver adapter gives (P-code, and the adapter's error kind kept in `meta`). */
const prismaError = (code: string, cause: Record<string, unknown>): Error =>
  Object.assign(new Error("Invalid `prisma.x.findMany()` invocation"), { code, meta: { driverAdapterError: Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause }) } });

describe("isDatabaseUnavailable", () => {
  it("knows a real refused connection from pg", async () => {
    const port = await freePort();
    const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/x`, connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDroppedConnection(error)).toBe(false);
  });

  it.each([
    ["P1001 (not reachable)", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }), true, false],
    ["P1017 (connection closed)", prismaError("P1017", { kind: "ConnectionClosed" }), true, true],
    ["P2024 (pool timeout)", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" }), true, false],
    ["a raw query's admin_shutdown", prismaError("P2010", { kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }), true, true],
    ["starting up (57P03)", prismaError("P2010", { kind: "postgres", code: "57P03", message: "the database system is starting up" }), true, false],
    ["shutting down (57P03) from pg", Object.assign(new Error("the database system is shutting down"), { code: "57P03", severity: "FATAL" }), true, false],
    ["a transaction that found no connection in time (P2028)", Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }), true, false],
    ["pg's connection terminated", new Error("Connection terminated unexpectedly"), true, true],
    ["pg's pool timeout", new Error("timeout exceeded when trying to connect"), true, false],
    ["a reset socket, wrapped as a cause", new Error("session lookup failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }), true, true],
  ])("%s: unavailable, dropped = %s", (_name, error, unavailable, dropped) => {
    expect(isDatabaseUnavailable(error)).toBe(unavailable);
    expect(isDroppedConnection(error)).toBe(dropped);
  });

  it.each([
    ["a unique violation", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["a syntax error", prismaError("P2010", { kind: "postgres", code: "42601", message: "syntax error" })],
    ["a plain error", new Error("boom")],
    ["a transaction that expired (P2028)", Object.assign(new Error("Transaction API error: Transaction already closed: the timeout for this transaction was 5000 ms"), { code: "P2028" })],
    ["a message that merely mentions a connection", new Error("user said: Connection terminated")],
    ["null", null],
    ["a string", "ECONNREFUSED"],
  ])("%s is not an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDroppedConnection(error)).toBe(false);
  });

  it("follows causes without looping forever", () => {
    const a: { message: string; cause?: unknown } = { message: "a" };
    a.cause = { message: "b", cause: a };
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
