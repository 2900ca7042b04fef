import { expect, test } from "@playwright/test";
import pg from "pg";
import { runCli } from "../helpers/run-cli";
import type { PrivateCluster } from "../helpers/postgres-server";
import { startAppServer, startMigratedCluster, type AppServer } from "../helpers/private-app";

/**
 * The production server (scripts/serve.ts) on a private PostgreSQL cluster that the test stops and starts: 503 with
 * Retry-After while the database is down (pages in the reader's language, never a 500 or a stack), recovery when it
 * is back; two instances sharing sessions, rate limits and data; SIGTERM finishing the requests in flight. No browser:
 * plain requests, as a proxy, a health checker or a script sends them.
 */
const NEW_PASSWORD = "another long enough passphrase";
let password = "a long enough passphrase";
const EMAIL = `outage-${process.pid}@example.org`;
/** Each test's client addresses, believed from the loopback proxy (TRUSTED_PROXIES), so rate limits do not mix. */
const client = (n: number): string => `2001:db8:${process.pid.toString(16)}:${(0x700 + n).toString(16)}::1`;
const PROXY_ENV = { TRUSTED_PROXIES: "127.0.0.1,::1" };

test.describe.configure({ mode: "serial", timeout: 120_000 });

let cluster: PrivateCluster;
let url: string;
let first: AppServer;
const servers: AppServer[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ cluster, url } = await startMigratedCluster());
  const added = await runCli(["user", "add", EMAIL, "--admin", "--name", "Before"], { DATABASE_URL: url }, `${password}\n`);
  expect(added.stderr).toBe("");
  first = await startAppServer(url, PROXY_ENV);
  servers.push(first);
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.signal("SIGKILL")));
  await cluster?.stop();
});

function signIn(base: string, forwardedFor: string, passphrase = password): Promise<Response> {
  return fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email: EMAIL, password: passphrase }),
  });
}

/** A guess at an account nobody has, so only the per-address limit can answer. */
let guesses = 0;
function guess(base: string, forwardedFor: string): Promise<Response> {
  return fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email: `nobody-${process.pid}-${++guesses}@example.org`, password: "wrong passphrase!" }),
  });
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error(`no session cookie (${response.status})`);
  return cookie.split(";")[0]!;
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query<T>(sql, values)).rows;
  } finally {
    await db.end();
  }
}

test("two instances on one database serve the same sessions, rate limits and data", async () => {
  const second = await startAppServer(url, PROXY_ENV);
  servers.push(second);
  // Sign in through the first; the second knows the session and changes the password; the first checks the new one.
  const cookie = sessionCookie(await signIn(first.base, client(1)));
  const changed = await fetch(`${second.base}/api/auth/change-password`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: second.base, cookie, "x-forwarded-for": client(1) },
    body: JSON.stringify({ currentPassword: password, newPassword: NEW_PASSWORD }),
  });
  expect(changed.status).toBe(200);
  expect((await signIn(first.base, client(1))).status).toBe(401);
  password = NEW_PASSWORD;
  const again = sessionCookie(await signIn(first.base, client(1)));
  const me = await fetch(`${first.base}/api/me`, { headers: { cookie: again } });
  expect(me.status).toBe(200);
  expect((await me.json()).user).toMatchObject({ email: EMAIL });
  // Signing out through the second ends the session for the first too.
  const out = await fetch(`${second.base}/api/auth/sign-out`, { method: "POST", headers: { "content-type": "application/json", origin: second.base, cookie: again, "x-forwarded-for": client(1) }, body: "{}" });
  expect(out.status).toBe(200);
  expect((await fetch(`${first.base}/api/me`, { headers: { cookie: again } })).status).toBe(401);

  // The per-address sign-in limit (5 a minute) counts the tries made through both.
  for (let i = 0; i < 3; i++) expect((await guess(first.base, client(2))).status).toBe(401);
  for (let i = 0; i < 2; i++) expect((await guess(second.base, client(2))).status).toBe(401);
  expect((await guess(first.base, client(2))).status).toBe(429);
  expect((await guess(second.base, client(2))).status).toBe(429);
});

test("while PostgreSQL is down, pages and the API answer 503 with Retry-After, then recover by themselves", async () => {
  const cookie = sessionCookie(await signIn(first.base, client(3)));
  const pages = [
    ["/en", "en", "The tracker is briefly unavailable"],
    ["/zh/recommendations", "zh-Hans", "追踪系统暂时无法使用"],
    ["/en/states", "en", "The tracker is briefly unavailable"],
  ] as const;
  // /api/suggest lets a database failure through to Next (a 500 there): the server turns it into the same 503.
  const api = ["/api/recommendations?pageSize=1", "/api/stats?by=theme", "/api/suggest?q=china", "/api/ready"];
  for (const [path] of pages) expect((await fetch(first.base + path)).status, path).toBe(200);

  cluster.halt();
  try {
    const unavailable = (response: Response, what: string): void => {
      expect(response.status, what).toBe(503);
      expect(response.headers.get("retry-after"), what).toBe("5");
    };
    for (const [path, lang, title] of pages) {
      for (const headers of [{}, { cookie }] as Record<string, string>[]) {
        const response = await fetch(first.base + path, { headers });
        unavailable(response, path);
        const html = await response.text();
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toContain(title);
        expect(html).not.toMatch(/\bat .+:\d+|Error|digest/);
      }
    }
    for (const path of api) {
      const response = await fetch(first.base + path);
      unavailable(response, path);
      expect(await response.json()).toMatchObject(path === "/api/ready" ? { status: "unavailable", reason: "database_unreachable" } : { error: "database_unavailable" });
    }
    unavailable(await fetch(`${first.base}/api/me`, { headers: { cookie } }), "/api/me");
    unavailable(await signIn(first.base, client(4)), "sign-in");
    // Liveness asks nothing of the database.
    expect((await fetch(`${first.base}/api/health`)).status).toBe(200);
  } finally {
    cluster.resume();
  }

  // Back within seconds, without a restart of the app (well under a second on an idle machine; the headroom is for a
  // busy two-core one).
  const resumed = Date.now();
  let status = 0;
  while (Date.now() - resumed < 10_000 && status !== 200) {
    status = (await fetch(`${first.base}/api/ready`)).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 100));
  }
  expect(status).toBe(200);
  for (const [path] of pages) expect((await fetch(first.base + path)).status, path).toBe(200);
  for (const path of api) expect((await fetch(first.base + path)).status, path).toBe(200);
  expect((await fetch(`${first.base}/api/me`, { headers: { cookie } })).status).toBe(200);
});

test("readiness names the migrations that are not applied", async () => {
  const [last] = await query<{ id: string; migration_name: string }>(`SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
  await query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [last!.id]);
  try {
    const response = await fetch(`${first.base}/api/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", ready: false, reason: "migrations_pending", pending: [last!.migration_name] });
  } finally {
    await query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = $1`, [last!.id]);
  }
  expect((await fetch(`${first.base}/api/ready`)).status).toBe(200);
});

test("on SIGTERM, the requests in flight finish, and every acknowledged write is committed", async () => {
  const server = await startAppServer(url, { ...PROXY_ENV, SHUTDOWN_TIMEOUT_MS: "20000" });
  servers.push(server);
  // The account starts with no failed attempt counted: one left by the outage test (a sign-in that reached the
  // database as it came back, then failed) would make the third attempt here wait (429), which is not what this tests.
  await query(`DELETE FROM "SignInThrottle"`);
  // Three sign-ins at once (each writes a session; the per-account slow-down lets three run at once, each hashing the
  // password for a while); SIGTERM as soon as the first is answered, with the others in flight.
  const attempts = Array.from({ length: 3 }, (_, i) => signIn(server.base, client(10 + i)).then((response) => ({ response }), (error: unknown) => ({ error })));
  await Promise.race(attempts);
  const exit = server.signal("SIGTERM");
  const outcomes = await Promise.all(attempts);
  expect(await exit).toBe(0);
  expect(server.output()).toContain("Stopping: finishing");

  const acknowledged = outcomes.flatMap((outcome) => ("response" in outcome && outcome.response.status === 200 ? [sessionCookie(outcome.response)] : []));
  const refused = outcomes.filter((outcome) => "response" in outcome && outcome.response.status !== 200);
  // Nothing but an answer, a refusal with 503 (arrived while stopping), or no answer at all (not acknowledged).
  for (const outcome of refused) expect("response" in outcome && outcome.response.status).toBe(503);
  expect(acknowledged.length).toBeGreaterThanOrEqual(2);
  const tokens = acknowledged.map((cookie) => decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)).split(".")[0]!);
  const stored = await query<{ token: string }>(`SELECT token FROM "Session" WHERE token = ANY($1)`, [tokens]);
  expect(stored.map((row) => row.token).sort()).toEqual([...tokens].sort());
});
