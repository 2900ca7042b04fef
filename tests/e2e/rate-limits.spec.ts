import { expect, test } from "@playwright/test";
import { startFreshApp, type FreshApp } from "../helpers/fresh-app";

/**
 * The sign-in limits over real HTTP, against the production server (scripts/serve.ts) as `npm start` runs it: the
 * per-address limit (5 a minute, better-auth's, kept in PostgreSQL) keyed on the TCP peer unless TRUSTED_PROXIES
 * lists the proxy, shared by every instance on the database and kept across a restart; and the per-account
 * slow-down, whatever the address. No browser: plain requests, as a script guessing passwords would send them.
 */
const WRONG = "not the right passphrase";
let guesses = 0;
/** An email no account has, new for each guess, so only the per-address limit can answer. */
const anyEmail = (): string => `guess-${process.pid}-${Date.now()}-${++guesses}@example.org`;
/**
 * Documentation-range client addresses of this run (other specs use 198.51.x.x), each in a /64 of its own: better-auth
 * counts an IPv6 client per /64 network, as one household or machine usually holds a whole /64.
 */
const client = (n: number): string => `2001:db8:${process.pid.toString(16)}:${n.toString(16)}::1`;

function signIn(base: string, email: string, forwardedFor?: string): Promise<Response> {
  return fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: JSON.stringify({ email, password: WRONG }),
  });
}

function expectRetryAfter(response: Response, atMost: number): void {
  expect(response.status).toBe(429);
  const seconds = Number(response.headers.get("retry-after"));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(atMost);
}

test.describe("a server that trusts no proxy (TRUSTED_PROXIES empty)", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let app: FreshApp;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    app = await startFreshApp({ env: { TRUSTED_PROXIES: "" } });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("a new X-Forwarded-For on every try changes nothing: the 6th sign-in in a minute is 429 with Retry-After", async () => {
    for (let i = 1; i <= 5; i++) expect((await signIn(app.base, anyEmail(), `203.0.113.${i}`)).status).toBe(401);
    const refused = await signIn(app.base, anyEmail(), "203.0.113.6");
    expectRetryAfter(refused, 60);
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });

  test("a restart does not reset the limit", async () => {
    await app.restart();
    expectRetryAfter(await signIn(app.base, anyEmail(), "203.0.113.7"), 60);
  });
});

test.describe("the e2e server, behind its trusted loopback proxy (TRUSTED_PROXIES=127.0.0.1,::1)", () => {
  const base = (): string => test.info().project.use.baseURL!;

  test("two clients behind the proxy are limited separately", async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(base(), anyEmail(), client(1))).status).toBe(401);
    expectRetryAfter(await signIn(base(), anyEmail(), client(1)), 60);
    // The proxy appended client 2's address; what client 2 wrote before it does not count.
    expect((await signIn(base(), anyEmail(), `${client(1)}, ${client(2)}`)).status).toBe(401);
    expect((await signIn(base(), anyEmail(), client(2))).status).toBe(401);
  });

  test("one account is slowed down whatever the client: of 6 guesses at once from 6 clients, 3 are checked", async () => {
    const email = anyEmail();
    const answers = await Promise.all([10, 11, 12, 13, 14, 15].map((n) => signIn(base(), email, client(n))));
    expect(answers.map((r) => r.status).sort()).toEqual([401, 401, 401, 429, 429, 429]);
    const refused = answers.find((r) => r.status === 429)!;
    expect(await refused.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    expectRetryAfter(refused, 1);
  });
});

test.describe("two instances on one database", () => {
  test.describe.configure({ timeout: 180_000 });
  let app: FreshApp;
  let other: { base: string };
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    app = await startFreshApp();
    other = await app.startInstance();
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("share the per-address limit: 3 tries on one and 2 on the other, then 429 on either", async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(app.base, anyEmail(), client(20))).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await signIn(other.base, anyEmail(), client(20))).status).toBe(401);
    expectRetryAfter(await signIn(other.base, anyEmail(), client(20)), 60);
    expectRetryAfter(await signIn(app.base, anyEmail(), client(20)), 60);
  });

  test("share the per-account slow-down: guesses at one account through both, 3 are checked", async () => {
    const email = anyEmail();
    const answers = await Promise.all([21, 22, 23, 24, 25, 26].map((n, i) => signIn(i % 2 ? other.base : app.base, email, client(n))));
    expect(answers.map((r) => r.status).sort()).toEqual([401, 401, 401, 429, 429, 429]);
  });
});
