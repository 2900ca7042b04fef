import { generateSync } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { addUser } from "@/lib/server/accounts";
import { getAuth } from "@/lib/server/auth";
import { MAX_WAIT_SECONDS, passwordThrottleKey, secondFactorThrottleKey } from "@/lib/server/auth/throttle";
import { getDb } from "@/lib/server/db";
import { createTestDatabase } from "../helpers/test-database";
import { createSoftwarePasskey } from "../helpers/webauthn";

/**
 * The per-account slow-down (lib/server/auth/throttle.ts) and the audit of sign-ins and account changes
 * (lib/server/auth/hooks.ts), through better-auth's own route handlers. Every request comes from a new address, so
 * better-auth's per-address limit never answers: what is refused here is refused per account, whatever the address.
 */
const OPERATOR = { kind: "operator" } as const;
const PASSWORD = "a long enough passphrase";
const WRONG = "not the right passphrase";
const ORIGIN = "http://localhost:3000";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

let addresses = 0;
/** A new client address for each request, as if every guess came from a different machine. */
const anyAddress = (): string => `10.77.${Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`;

/** The cookies a browser would send next: the jar's, updated by the answer's Set-Cookie (Max-Age=0 removes). */
function withCookies(jar: string, response: Response): string {
  const cookies = new Map(jar ? jar.split("; ").map((c) => c.split("=", 2) as [string, string]) : []);
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const [name, value] = [pair!.slice(0, pair!.indexOf("=")), pair!.slice(pair!.indexOf("=") + 1)];
    if (/max-age=0/i.test(header) || value === "") cookies.delete(name);
    else cookies.set(name, value);
  }
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

function post(path: string, body: unknown, cookie = ""): Promise<Response> {
  return authPost(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": anyAddress(), ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

function get(path: string, cookie: string): Promise<Response> {
  return authGet(new Request(`${ORIGIN}/api/auth${path}`, { headers: { origin: ORIGIN, "x-upr-client-address": anyAddress(), cookie } }));
}

const signIn = (email: string, password: string, cookie = ""): Promise<Response> => post("/sign-in/email", { email, password }, cookie);

async function newUser(name: string): Promise<{ id: string; email: string }> {
  const email = `${name}@example.org`;
  const { userId } = await addUser(OPERATOR, { email, password: PASSWORD, name });
  return { id: userId, email };
}

async function signedIn(email: string): Promise<string> {
  const response = await signIn(email, PASSWORD);
  expect(response.status).toBe(200);
  return withCookies("", response);
}

/** The account's wait ends now, as if the seconds had passed. */
async function endWait(key: string): Promise<void> {
  await getDb().signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1000) } });
}

/** The account waits a minute more, so a test on a busy machine still meets the wait. */
async function holdWait(key: string): Promise<void> {
  await getDb().signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() + 60_000) } });
}

/** The account's count and the wait it set after its last failure, in seconds. */
async function throttleOf(key: string): Promise<{ failures: number; wait: number }> {
  const row = await getDb().signInThrottle.findUniqueOrThrow({ where: { key } });
  return { failures: row.failures, wait: (row.blockedUntil.getTime() - row.lastFailureAt.getTime()) / 1000 };
}

function retryAfter(response: Response): number {
  expect(response.status).toBe(429);
  return Number(response.headers.get("retry-after"));
}

const events = (actorUserId: string, action: string) => getDb().auditEvent.findMany({ where: { actorUserId, action }, orderBy: { id: "asc" } });

describe("password sign-in slows down per account", () => {
  it("lets 3 failures through, then makes each further attempt wait 1, 2, 4, 8 s — the right password included, from any address", async () => {
    const user = await newUser("heron");
    const key = passwordThrottleKey(user.email);
    for (let i = 0; i < 3; i++) expect((await signIn(user.email, WRONG)).status).toBe(401);
    expect(await throttleOf(key)).toEqual({ failures: 3, wait: 1 });
    for (const [failures, seconds] of [[4, 2], [5, 4], [6, 8]] as const) {
      await endWait(key);
      expect((await signIn(user.email, WRONG)).status).toBe(401);
      expect(await throttleOf(key)).toEqual({ failures, wait: seconds });
    }
    // Waiting: even the right password is refused, with the wait to come, and no session.
    const refused = await signIn(user.email, PASSWORD);
    expect(retryAfter(refused)).toBeGreaterThan(4);
    expect(retryAfter(refused)).toBeLessThanOrEqual(8);
    expect(await refused.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS", retryAfter: retryAfter(refused) });
    expect(refused.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=") && !/max-age=0/i.test(c))).toBe(false);
    // A refused attempt does not add to the count.
    expect(retryAfter(await signIn(user.email, WRONG))).toBeLessThanOrEqual(8);
    expect(await throttleOf(key)).toEqual({ failures: 6, wait: 8 });

    // After the wait the right password works, and the count is gone: three more failures are free again.
    await endWait(key);
    expect((await signIn(user.email, PASSWORD)).status).toBe(200);
    expect(await getDb().signInThrottle.count({ where: { key } })).toBe(0);
    for (let i = 0; i < 2; i++) expect((await signIn(user.email, WRONG)).status).toBe(401);
    expect(await throttleOf(key)).toEqual({ failures: 2, wait: 0 });
  });

  it("treats an unknown email the same way, so the answers reveal nothing", async () => {
    // Three free failures, then an attempt while the account waits (held, so a busy machine cannot outlast the wait):
    // the same statuses, codes and wait (in whole seconds, which may tick over between the two) for both emails.
    const answers = async (email: string): Promise<{ answer: string; wait: number | null }[]> => {
      const seen: { answer: string; wait: number | null }[] = [];
      for (let i = 0; i < 4; i++) {
        if (i === 3) await holdWait(passwordThrottleKey(email));
        const response = await signIn(email, WRONG);
        const wait = response.headers.get("retry-after");
        seen.push({ answer: `${response.status} ${(await response.json()).code}`, wait: wait === null ? null : Number(wait) });
      }
      return seen;
    };
    const known = await newUser("egret");
    const [unknown, existing] = [await answers("nobody-here@example.org"), await answers(known.email)];
    expect(unknown.map((a) => a.answer)).toEqual(["401 INVALID_EMAIL_OR_PASSWORD", "401 INVALID_EMAIL_OR_PASSWORD", "401 INVALID_EMAIL_OR_PASSWORD", "429 TOO_MANY_ATTEMPTS"]);
    expect(existing.map((a) => a.answer)).toEqual(unknown.map((a) => a.answer));
    expect(await throttleOf(passwordThrottleKey(known.email))).toMatchObject({ failures: 3 });
    unknown.forEach(({ wait }, i) => {
      const other = existing[i]!.wait;
      if (wait === null || other === null) expect(wait).toBe(other);
      else expect(Math.abs(wait - other)).toBeLessThanOrEqual(1);
    });
    expect(await getDb().signInThrottle.count({ where: { key: passwordThrottleKey("nobody-here@example.org") } })).toBe(1);
  });

  it("counts one account under any spelling of its email", async () => {
    const user = await newUser("ibis");
    const statuses = [];
    for (const spelling of ["IBIS@example.org", "Ibis@EXAMPLE.ORG", " ibis@example.org "]) statuses.push((await signIn(spelling, WRONG)).status);
    // better-auth refuses the spaced one as malformed, yet it was an attempt on the account.
    expect(statuses).toEqual([401, 401, 400]);
    expect(await throttleOf(passwordThrottleKey(user.email))).toEqual({ failures: 3, wait: 1 });
  });

  it(`never waits more than ${MAX_WAIT_SECONDS / 60} minutes, and forgets failures a day old`, async () => {
    const user = await newUser("crane");
    const key = passwordThrottleKey(user.email);
    expect((await signIn(user.email, WRONG)).status).toBe(401);
    await getDb().signInThrottle.update({ where: { key }, data: { failures: 40, blockedUntil: new Date(Date.now() - 1000) } });
    expect((await signIn(user.email, WRONG)).status).toBe(401);
    expect(await throttleOf(key)).toEqual({ failures: 41, wait: MAX_WAIT_SECONDS });
    expect(retryAfter(await signIn(user.email, PASSWORD))).toBeGreaterThan(MAX_WAIT_SECONDS - 60);
    // Never a lockout: once the wait is over, the right password signs in.
    await endWait(key);
    expect((await signIn(user.email, PASSWORD)).status).toBe(200);

    expect((await signIn(user.email, WRONG)).status).toBe(401);
    await getDb().signInThrottle.update({ where: { key }, data: { failures: 40, lastFailureAt: new Date(Date.now() - 25 * 3600_000), blockedUntil: new Date(Date.now() - 24 * 3600_000) } });
    expect((await signIn(user.email, WRONG)).status).toBe(401);
    expect(await getDb().signInThrottle.findUniqueOrThrow({ where: { key } })).toMatchObject({ failures: 1 });
  });

  it("lets no burst slip through: of 8 guesses sent at once by an account already failing, 1 reaches the password check", async () => {
    const user = await newUser("stork");
    const key = passwordThrottleKey(user.email);
    await getDb().signInThrottle.create({ data: { key, failures: 5, lastFailureAt: new Date(Date.now() - 10_000), blockedUntil: new Date(Date.now() - 6000) } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => signIn(user.email, WRONG)));
    expect(answers.map((r) => r.status).sort()).toEqual([401, 429, 429, 429, 429, 429, 429, 429]);
    expect(await throttleOf(key)).toEqual({ failures: 6, wait: 8 });
  });

  it("holds for server-side auth.api calls too: better-auth runs its hooks for them", async () => {
    const user = await newUser("bittern");
    const headers = new Headers({ "x-upr-client-address": anyAddress() });
    for (let i = 0; i < 3; i++) await expect(getAuth().api.signInEmail({ body: { email: user.email, password: WRONG }, headers })).rejects.toMatchObject({ statusCode: 401 });
    expect(await throttleOf(passwordThrottleKey(user.email))).toEqual({ failures: 3, wait: 1 });
    await holdWait(passwordThrottleKey(user.email));
    await expect(getAuth().api.signInEmail({ body: { email: user.email, password: PASSWORD }, headers })).rejects.toMatchObject({ statusCode: 429, body: { code: "TOO_MANY_ATTEMPTS" } });
    await expect.poll(() => events(user.id, "auth.sign-in-failed")).toHaveLength(3);
  });

  it("covers the routes that check a signed-in user's password, so a stolen session is no password oracle", async () => {
    const user = await newUser("shag");
    const cookie = await signedIn(user.email);
    expect((await post("/verify-password", { password: WRONG }, cookie)).status).toBe(400);
    expect((await post("/change-password", { currentPassword: WRONG, newPassword: "another long passphrase" }, cookie)).status).toBe(400);
    expect((await post("/two-factor/enable", { password: WRONG }, cookie)).status).toBe(400);
    // The same count as the account's sign-in.
    const key = passwordThrottleKey(user.email);
    expect(await throttleOf(key)).toEqual({ failures: 3, wait: 1 });
    await holdWait(key);
    expect(retryAfter(await post("/change-password", { currentPassword: PASSWORD, newPassword: "another long passphrase" }, cookie))).toBeGreaterThan(50);
    expect(retryAfter(await post("/verify-password", { password: PASSWORD }, cookie))).toBeGreaterThan(50);
    expect(retryAfter(await signIn(user.email, PASSWORD))).toBeGreaterThan(50);
  });
});

/** Enrols the user in TOTP from a session; answers the secret and the recovery codes. */
async function enrolTotp(user: { id: string; email: string }): Promise<{ secret: string; backupCodes: string[]; cookie: string }> {
  let cookie = await signedIn(user.email);
  const enabled = await post("/two-factor/enable", { password: PASSWORD }, cookie);
  expect(enabled.status).toBe(200);
  const { totpURI, backupCodes } = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
  const secret = new URL(totpURI).searchParams.get("secret")!;
  const confirmed = await post("/two-factor/verify-totp", { code: generateSync({ secret }) }, cookie);
  expect(confirmed.status).toBe(200);
  cookie = withCookies(cookie, confirmed);
  return { secret, backupCodes, cookie };
}

/** A password sign-in of a two-factor account: the cookie of the pending second step. */
async function pendingSecondFactor(email: string): Promise<string> {
  const response = await signIn(email, PASSWORD);
  expect(await response.json()).toMatchObject({ twoFactorRedirect: true });
  return withCookies("", response);
}

const wrongCode = (secret: string): string => String((Number(generateSync({ secret })) + 500_000) % 1_000_000).padStart(6, "0");

describe("the second factor slows down per account", () => {
  it("counts wrong TOTP codes across sign-in attempts, waits after 3, and a right code clears the count", async () => {
    const user = await newUser("plover");
    const { secret } = await enrolTotp(user);
    expect(await events(user.id, "auth.two-factor.enable")).toHaveLength(1);
    const key = secondFactorThrottleKey(user.id);

    // Two wrong codes on one pending sign-in, a third on another: the account's count, not the challenge's.
    let pending = await pendingSecondFactor(user.email);
    for (let i = 0; i < 2; i++) expect((await post("/two-factor/verify-totp", { code: wrongCode(secret) }, pending)).status).toBe(401);
    pending = await pendingSecondFactor(user.email);
    expect((await post("/two-factor/verify-totp", { code: wrongCode(secret) }, pending)).status).toBe(401);
    // The right password does not clear the second factor's count.
    expect(await throttleOf(key)).toEqual({ failures: 3, wait: 1 });
    await holdWait(key);
    expect(retryAfter(await post("/two-factor/verify-totp", { code: generateSync({ secret }) }, pending))).toBeGreaterThan(50);

    await endWait(key);
    const accepted = await post("/two-factor/verify-totp", { code: generateSync({ secret }) }, pending);
    expect(accepted.status).toBe(200);
    expect(withCookies(pending, accepted)).toContain("better-auth.session_token=");
    expect(await getDb().signInThrottle.count({ where: { key } })).toBe(0);

    // Refusals are written without holding the answer.
    await expect.poll(async () => (await events(user.id, "auth.sign-in-failed")).map((e) => e.changes)).toEqual(Array(3).fill({ method: "totp", code: "INVALID_CODE" }));
    const signIns = await events(user.id, "auth.sign-in");
    expect(signIns.map((e) => e.changes)).toEqual([{ method: "password" }, { method: "totp" }]);
  });

  it("counts wrong recovery codes the same way; a right one signs in once and is then used up", async () => {
    const user = await newUser("curlew");
    const { backupCodes } = await enrolTotp(user);
    let pending = await pendingSecondFactor(user.email);
    expect((await post("/two-factor/verify-backup-code", { code: "not-a-code" }, pending)).status).toBe(401);
    expect(await getDb().signInThrottle.findUniqueOrThrow({ where: { key: secondFactorThrottleKey(user.id) } })).toMatchObject({ failures: 1 });
    expect((await post("/two-factor/verify-backup-code", { code: backupCodes[0] }, pending)).status).toBe(200);

    pending = await pendingSecondFactor(user.email);
    expect((await post("/two-factor/verify-backup-code", { code: backupCodes[0] }, pending)).status).toBe(401);
    expect((await events(user.id, "auth.sign-in")).map((e) => e.changes)).toEqual([{ method: "password" }, { method: "backup-code" }]);
    await expect.poll(async () => (await events(user.id, "auth.sign-in-failed")).map((e) => e.changes)).toEqual([
      { method: "backup-code", code: "INVALID_BACKUP_CODE" },
      { method: "backup-code", code: "INVALID_BACKUP_CODE" },
    ]);
  });
});

describe("the audit of sign-ins and account changes", () => {
  it("records a password sign-in and a refused one for the account, with no password and no email of unknown accounts", async () => {
    const user = await newUser("avocet");
    await signedIn(user.email);
    expect((await signIn(user.email, WRONG)).status).toBe(401);
    expect((await signIn("avocet-unknown@example.org", WRONG)).status).toBe(401);
    await expect.poll(() => events(user.id, "auth.sign-in-failed")).toHaveLength(1);
    const [signInEvent] = await events(user.id, "auth.sign-in");
    expect(signInEvent).toMatchObject({ organizationId: null, subjectType: "user", subjectId: user.id, changes: { method: "password" } });
    const [failure] = await events(user.id, "auth.sign-in-failed");
    expect(failure).toMatchObject({ organizationId: null, subjectId: user.id, changes: { method: "password", code: "INVALID_EMAIL_OR_PASSWORD" } });
    const everything = JSON.stringify(await getDb().auditEvent.findMany({ where: { action: { startsWith: "auth." } } }));
    expect(everything).not.toContain(WRONG);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain("avocet-unknown");
  });

  it("records the right password of a disabled account as a refused sign-in", async () => {
    const user = await newUser("sanderling");
    await getDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const refused = await signIn(user.email, PASSWORD);
    expect([401, 403]).toContain(refused.status);
    expect(withCookies("", refused)).not.toContain("better-auth.session_token=");
    await expect.poll(() => events(user.id, "auth.sign-in-failed")).toEqual([expect.objectContaining({ changes: { method: "password", code: expect.any(String) } })]);
    expect(await events(user.id, "auth.sign-in")).toEqual([]);
  });

  it("records two-factor disable and recovery codes regenerated", async () => {
    const user = await newUser("godwit");
    const { cookie, secret } = await enrolTotp(user);
    expect((await post("/two-factor/generate-backup-codes", { password: PASSWORD }, cookie)).status).toBe(200);
    const disabled = await post("/two-factor/disable", { password: PASSWORD, code: generateSync({ secret }) }, cookie);
    expect(disabled.status).toBe(200);
    expect(await events(user.id, "auth.recovery-codes.regenerate")).toHaveLength(1);
    expect((await events(user.id, "auth.two-factor.disable"))[0]).toMatchObject({ subjectId: user.id, changes: {} });
    // A refused attempt changes nothing and records nothing.
    expect((await post("/two-factor/generate-backup-codes", { password: WRONG }, withCookies(cookie, disabled))).status).toBe(400);
    expect(await events(user.id, "auth.recovery-codes.regenerate")).toHaveLength(1);
  });

  it("records a password change, and ended sessions with how many", async () => {
    const user = await newUser("knot");
    const cookies = [await signedIn(user.email), await signedIn(user.email), await signedIn(user.email), await signedIn(user.email)];
    const changed = await post("/change-password", { currentPassword: PASSWORD, newPassword: "a new long passphrase", revokeOtherSessions: false }, cookies[0]);
    expect(changed.status).toBe(200);
    expect((await events(user.id, "auth.password.change"))[0]).toMatchObject({ changes: { otherSessionsEnded: false } });

    expect((await post("/revoke-other-sessions", {}, cookies[0])).status).toBe(200);
    expect((await events(user.id, "session.revoke"))[0]).toMatchObject({ changes: { scope: "others", count: 3 } });
    await signIn(user.email, "a new long passphrase");
    expect((await post("/revoke-sessions", {}, cookies[0])).status).toBe(200);
    expect((await events(user.id, "session.revoke"))[1]).toMatchObject({ changes: { scope: "all", count: 2 } });
  });

  it("records a passkey added, a sign-in with it, and its removal", async () => {
    const user = await newUser("dunlin");
    const cookie = await signedIn(user.email);
    const authenticator = createSoftwarePasskey();

    const options = await get("/passkey/generate-register-options", cookie);
    expect(options.status).toBe(200);
    const registration = authenticator.registration(((await options.json()) as { challenge: string }).challenge, ORIGIN, "localhost");
    const registered = await post("/passkey/verify-registration", { ...registration, name: "Laptop" }, withCookies(cookie, options));
    expect(registered.status).toBe(200);
    const passkey = await getDb().passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect((await events(user.id, "auth.passkey.add"))[0]).toMatchObject({ subjectType: "passkey", subjectId: passkey.id, changes: { passkeyName: "Laptop" } });

    const challenge = await get("/passkey/generate-authenticate-options", "");
    const assertion = authenticator.assertion(((await challenge.json()) as { challenge: string }).challenge, ORIGIN, "localhost");
    const passkeySignIn = await post("/passkey/verify-authentication", assertion, withCookies("", challenge));
    expect(passkeySignIn.status).toBe(200);
    expect((await events(user.id, "auth.sign-in")).map((e) => e.changes)).toEqual([{ method: "password" }, { method: "passkey" }]);

    // A signature that does not verify is a refused passkey sign-in of the account the credential belongs to.
    const again = await get("/passkey/generate-authenticate-options", "");
    const againChallenge = ((await again.json()) as { challenge: string }).challenge;
    const forged = authenticator.assertion(againChallenge, ORIGIN, "localhost");
    // Signed by another key: well formed, but not this credential's.
    const otherKey = createSoftwarePasskey().assertion(againChallenge, ORIGIN, "localhost");
    (forged.response.response as { signature: string }).signature = (otherKey.response.response as { signature: string }).signature;
    expect((await post("/passkey/verify-authentication", forged, withCookies("", again))).status).toBe(401);
    await expect.poll(async () => (await events(user.id, "auth.sign-in-failed")).map((e) => (e.changes as { method: string }).method)).toEqual(["passkey"]);

    expect((await post("/passkey/delete-passkey", { id: passkey.id }, cookie)).status).toBe(200);
    expect((await events(user.id, "auth.passkey.delete"))[0]).toMatchObject({ subjectType: "passkey", subjectId: passkey.id });
  });
});
