import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as healthGet } from "@/app/api/health/route";
import { GET as readyGet } from "@/app/api/ready/route";
import { GET as listGet } from "@/app/api/recommendations/route";
import { waitForDatabase } from "@/lib/database/postgres";
import { isDatabaseUnavailable } from "@/lib/database/unavailable";
import { disconnectDb, getDb } from "@/lib/server/db";
import { toHttpError } from "@/lib/server/http-errors";
import type { PrivateCluster } from "../helpers/postgres-server";
import { startMigratedCluster } from "../helpers/private-app";

/**
 * Database outages in-process, on a private PostgreSQL cluster that the tests stop and start (never the shared
 * server): route handlers answer 503 with Retry-After and recover, a read whose connection is cut under it is tried
 * again while a write is not, and `npm start`'s wait for a server that is not up yet. The real server's pages, several
 * instances and SIGTERM are in tests/e2e/outage.spec.ts (they need the production build).
 */
let cluster: PrivateCluster;
let url: string;

beforeAll(async () => {
  ({ cluster, url } = await startMigratedCluster());
  await disconnectDb();
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await disconnectDb();
  await cluster?.stop();
});

/** Terminates the backend running a query that contains `marker`, once it runs (an operator's restart, a proxy's cut). */
async function cutWhenRunning(marker: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query<{ cut: boolean }>(
        "SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid() AND query NOT LIKE '%pg_stat_activity%'",
        [`%${marker}%`],
      );
      if (rows.some((row) => row.cut)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no running query with ${marker}`);
  } finally {
    await admin.end();
  }
}

const request = (path: string): Request => new Request(`http://localhost:3000${path}`);

describe("a dropped connection", () => {
  it("is tried once more for a read, which then succeeds", async () => {
    const db = getDb();
    // A Prisma query runs once awaited: `then` sends it now.
    const read = db.$queryRaw<{ one: number }[]>`SELECT 1 AS one, pg_sleep(0.5)::text AS retried_read`.then((rows) => rows);
    await cutWhenRunning("retried_read");
    expect((await read)[0]!.one).toBe(1);
  });

  it("is not tried again for a write: the caller gets a 503", async () => {
    const db = getDb();
    const write = db.$queryRaw`SELECT pg_notify('upr_outage_test', 'x'), pg_sleep(0.5)::text AS unretried_write`;
    const failed = write.then(() => null, (error: unknown) => error);
    await cutWhenRunning("unretried_write");
    const error = await failed;
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = toHttpError(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });
});

describe("while PostgreSQL is down", () => {
  it("route handlers answer 503 with Retry-After, liveness stays up, and both recover when it is back", async () => {
    expect((await readyGet()).status).toBe(200);
    cluster.halt();
    try {
      const list = await listGet(request("/api/recommendations?pageSize=1"));
      expect(list.status).toBe(503);
      expect(list.headers.get("retry-after")).toBe("5");
      expect(await list.json()).toEqual({ error: "database_unavailable" });
      const ready = await readyGet();
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", ready: false, reason: "database_unreachable" });
      expect(healthGet().status).toBe(200);
    } finally {
      cluster.resume();
    }
    expect((await listGet(request("/api/recommendations?pageSize=1"))).status).toBe(200);
    expect((await readyGet()).status).toBe(200);
  });

  it("npm start's wait says so on each attempt and goes on once the server is up", async () => {
    cluster.halt();
    const lines: string[] = [];
    let resumed = false;
    try {
      const waiting = waitForDatabase(url, { log: (line) => lines.push(line), pauseMs: 100 });
      while (lines.length < 2) await new Promise((r) => setTimeout(r, 20));
      cluster.resume();
      resumed = true;
      await waiting;
    } finally {
      if (!resumed) cluster.resume();
    }
    const host = new URL(url).host;
    expect(lines[0]).toMatch(new RegExp(`^Waiting for PostgreSQL at ${host.replace(".", "\\.")}… \\(attempt 1: .*ECONNREFUSED`));
    expect(lines[1]).toMatch(/\(attempt 2: /);
    expect(lines.at(-1)).toBe(`PostgreSQL at ${host} is up.`);
  });
});
