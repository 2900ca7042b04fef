import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { freePort } from "../../lib/database/embedded";
import { holdAssessmentVersion, lockWaiters, type HeldAssessment } from "../helpers/held-assessment";
import { clientAddress, E2E_PASSWORD, memberOf } from "./data";

/**
 * kill -9 of the server in the middle of a status sheet import: the import runs in a second production server of the
 * same build and database, which is killed while its transaction holds 300 of the 346 new assessments. The database
 * must hold none of them afterwards; the same sheet imported again holds all of them.
 */
const STAMP = Date.now();
const ORG = `Kite Watch ${STAMP}`;
const EDITOR = `kite-${STAMP}@example.org`;
const SECRET = "kill-test-secret-kill-test-secret-kill-test";

/** `next start` of the build the suite already made, in a process group of its own so the kill reaches all of it. */
async function startServer(port: number): Promise<{ child: ChildProcess; exited: Promise<NodeJS.Signals | null> }> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, PORT: String(port), BETTER_AUTH_SECRET: SECRET, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/openapi.json`).then((r) => r.ok, () => false);
    if (up) return { child, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-child.pid!, "SIGKILL");
  throw new Error("the second server did not start");
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "x-forwarded-for": clientAddress() },
    body: JSON.stringify({ email: EDITOR, password: E2E_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="))!.split(";")[0]!;
}

test("kill -9 of the server during a status sheet import leaves none of its rows; the same import finished leaves all", async ({ baseURL }) => {
  test.setTimeout(180_000);
  await memberOf(ORG, EDITOR, "editor", "Kite");
  const url = process.env.E2E_DATABASE_URL!;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  let blocker: HeldAssessment | undefined;
  const port = await freePort();
  const server = await startServer(port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const { rows: [ids] } = await db.query<{ review: number; org: string; author: string; last: number }>(
      `SELECT v."id" AS review, o."id" AS org, u."id" AS author,
              (SELECT r."id" FROM "Recommendation" r WHERE r."reviewId" = v."id" ORDER BY r."ordinal" DESC, r."id" DESC LIMIT 1) AS last
       FROM "Review" v, "Organization" o, "User" u
       WHERE v."stateUnderReviewIso3" = 'CHN' AND v."cycle" = 3 AND o."name" = $1 AND u."email" = $2`,
      [ORG, EDITOR],
    );
    const count = async () => Number((await db.query(`SELECT count(*) FROM "Assessment" WHERE "organizationId" = $1`, [ids!.org])).rows[0].count);

    // The organisation's sheet, every one of its 346 statuses changed.
    const cookie = await signIn(base);
    const exported = await fetch(`${base}/api/status-sheet?review=${ids!.review}&organization=${ids!.org}`, { headers: { cookie } });
    expect(exported.status).toBe(200);
    const [header, ...rows] = parse((await exported.text()).replace(/^\uFEFF/, ""), { record_delimiter: "\r\n" }) as string[][];
    expect(rows).toHaveLength(346);
    for (const row of rows) row[header!.indexOf("status")] = "not_implemented";
    const sheet = "\uFEFF" + stringify([header!, ...rows], { record_delimiter: "\r\n" });

    // Hold the last row's new version in an open transaction, so the import blocks in its last batch, uncommitted.
    blocker = await holdAssessmentVersion(url, { recommendationId: ids!.last, organizationId: ids!.org, authorUserId: ids!.author, version: 1, rationale: "blocker" });
    const importing = fetch(`${base}/api/status-sheet?review=${ids!.review}&organization=${ids!.org}&mode=apply`, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": "text/csv" },
      body: sheet,
    }).then(async (r) => `${r.status} ${await r.text()}`.slice(0, 500), (error: Error) => error.message);

    // Wait until the server's transaction is stuck on that key: its other rows are written, inside the transaction.
    if ((await lockWaiters(url, (count) => count > 0, 15_000)) !== 1) throw new Error(`the import did not block: it answered ${await importing}`);

    process.kill(-server.child.pid!, "SIGKILL");
    expect(await server.exited).toBe("SIGKILL");
    expect(await importing).not.toMatch(/^200/);
    await blocker.rollback();
    blocker = undefined;

    // PostgreSQL ends the dead server's backend and rolls its transaction back: none of the 346 rows remain.
    await lockWaiters(url, (count) => count === 0);
    expect(await count()).toBe(0);
    expect(Number((await db.query(`SELECT count(*) FROM "AuditEvent" WHERE "organizationId" = $1 AND action = 'assessment.create'`, [ids!.org])).rows[0].count)).toBe(0);

    // The same sheet through the app's own server, undisturbed: all 346.
    const appCookie = await signIn(baseURL!);
    const applied = await fetch(`${baseURL}/api/status-sheet?review=${ids!.review}&organization=${ids!.org}&mode=apply`, {
      method: "POST",
      headers: { cookie: appCookie, origin: baseURL!, "content-type": "text/csv" },
      body: sheet,
    });
    expect(applied.status).toBe(200);
    expect(await count()).toBe(346);
  } finally {
    try {
      process.kill(-server.child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await blocker?.rollback().catch(() => {});
    await db.end();
  }
});
