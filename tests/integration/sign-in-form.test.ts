import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as signInForm } from "@/app/api/auth-form/sign-in/route";
import { POST as recoveryCodeForm } from "@/app/api/auth-form/two-factor/verify-backup-code/route";
import { POST as totpForm } from "@/app/api/auth-form/two-factor/verify-totp/route";
import { GET as me } from "@/app/api/me/route";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { SECOND_FACTOR_ATTEMPTS_PER_MINUTE, SIGN_IN_ATTEMPTS_PER_MINUTE } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

/**
 * The sign-in pages' plain form posts (app/api/auth-form/*), called as a browser without JavaScript would: a urlencoded
 * body, its own Origin and Fetch Metadata, and the client address the app's server sets. Each test signs in from
 * addresses of its own, so the rate limiter's buckets do not mix, except where the limit is the point. The TOTP account
 * enrols through better-auth's own JSON routes, and its codes are computed here with otplib.
 */
const OPERATOR = { kind: "operator" } as const;
const EMAIL = "kite@example.org";
const TOTP_EMAIL = "osprey@example.org";
const DISABLED_EMAIL = "crane@example.org";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let totpSecret: string;
let recoveryCodes: string[];

type Route = (request: Request) => Promise<Response>;
type PostOptions = { ip: string; cookie?: string; origin?: string | null; site?: string };

/** A form post as Chromium sends it from the sign-in page. */
function post(route: Route, path: string, fields: Record<string, string>, { ip, cookie, origin = ORIGIN, site = "same-origin" }: PostOptions): Promise<Response> {
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    "x-upr-client-address": ip,
    "sec-fetch-site": site,
    "sec-fetch-mode": "navigate",
    "sec-fetch-dest": "document",
  };
  if (origin) headers.origin = origin;
  if (cookie) headers.cookie = cookie;
  return route(new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) }));
}

const passwordStep = (fields: Record<string, string>, options: PostOptions) => post(signInForm, "/api/auth-form/sign-in", fields, options);
const totpStep = (fields: Record<string, string>, options: PostOptions) => post(totpForm, "/api/auth-form/two-factor/verify-totp", fields, options);
const recoveryStep = (fields: Record<string, string>, options: PostOptions) => post(recoveryCodeForm, "/api/auth-form/two-factor/verify-backup-code", fields, options);

/** The cookies an answer sets (name=value), without the ones it clears. */
function setCookies(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const name = pair!.slice(0, pair!.indexOf("="));
    if (!/Max-Age=0\b/i.test(header) && pair!.length > name.length + 1) cookies.set(name, pair!);
  }
  return cookies;
}

function clears(response: Response, name: string): boolean {
  return response.headers.getSetCookie().some((header) => header.startsWith(`${name}=`) && /Max-Age=0\b/i.test(header));
}

const SESSION = "better-auth.session_token";
const TWO_FACTOR = "better-auth.two_factor";

async function whoIs(cookie: string | undefined): Promise<{ email: string; secondFactor: string | null } | null> {
  if (!cookie) return null;
  const response = await me(new Request(`${ORIGIN}/api/me`, { headers: { cookie } }));
  if (response.status !== 200) return null;
  const body = (await response.json()) as { user: { email: string }; secondFactor: string | null };
  return { email: body.user.email, secondFactor: body.secondFactor };
}

/** A current code of the enrolled authenticator, and one that is certainly not accepted now. */
async function currentCode(): Promise<string> {
  return generate({ secret: totpSecret });
}
async function wrongCode(): Promise<string> {
  const accepted = await Promise.all([-30, 0, 30].map((offset) => generate({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) + offset })));
  return ["000000", "111111", "222222", "333333"].find((code) => !accepted.includes(code))!;
}

/** The password step of the TOTP account: the two-factor cookie it sets. */
async function startTwoFactor(ip: string, fields: Record<string, string> = {}): Promise<string> {
  const response = await passwordStep({ email: TOTP_EMAIL, password: PASSWORD, ...fields }, { ip });
  expect(response.status).toBe(303);
  const cookie = setCookies(response).get(TWO_FACTOR);
  expect(cookie, "the two-factor cookie").toBeDefined();
  return cookie!;
}

/** Enrols a TOTP authenticator through better-auth's own routes, as an API client would. */
async function enrolTotp(email: string): Promise<{ secret: string; backupCodes: string[] }> {
  const cookie = await signIn(email, "10.40.0.1");
  const json = (path: string, body: unknown, ip: string) =>
    authPost(
      new Request(`${ORIGIN}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, cookie, "x-upr-client-address": ip },
        body: JSON.stringify(body),
      }),
    );
  const enabled = await json("/two-factor/enable", { password: PASSWORD }, "10.40.0.2");
  expect(enabled.status).toBe(200);
  const { totpURI, backupCodes } = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
  const secret = new URL(totpURI).searchParams.get("secret")!;
  const verified = await json("/two-factor/verify-totp", { code: await generate({ secret }) }, "10.40.0.3");
  expect(verified.status).toBe(200);
  expect(await getDb().user.findUniqueOrThrow({ where: { email }, select: { twoFactorEnabled: true } })).toEqual({ twoFactorEnabled: true });
  return { secret, backupCodes };
}

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  await createOrganization(OPERATOR, "Kite Watch");
  for (const [email, name] of [
    [EMAIL, "Kite"],
    [TOTP_EMAIL, "Osprey"],
    [DISABLED_EMAIL, "Crane"],
  ]) {
    await addUser(OPERATOR, { email: email!, password: PASSWORD, name: name!, organization: { name: "Kite Watch", role: "editor" } });
  }
  await getDb().user.update({ where: { email: DISABLED_EMAIL }, data: { disabledAt: new Date() } });
  ({ secret: totpSecret, backupCodes: recoveryCodes } = await enrolTotp(TOTP_EMAIL));
});

afterAll(async () => {
  await database.drop();
});

describe("POST /api/auth-form/sign-in", () => {
  it("signs in: 303 to the home page of the form's language with the session cookie, or to a safe next page", async () => {
    const response = await passwordStep({ email: EMAIL, password: PASSWORD, locale: "en" }, { ip: "10.41.0.1" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/en");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const cookie = setCookies(response).get(SESSION);
    expect(await whoIs(cookie)).toEqual({ email: EMAIL, secondFactor: null });

    const zh = await passwordStep({ email: EMAIL, password: PASSWORD, locale: "zh", next: "/zh/audit" }, { ip: "10.41.0.2" });
    expect(zh.headers.get("location")).toBe("/zh/audit");
    expect(await whoIs(setCookies(zh).get(SESSION))).toMatchObject({ email: EMAIL });
  });

  it("sends a wrong password back to the form with the error, in the form's language, and sets no session", async () => {
    const response = await passwordStep({ email: EMAIL, password: "not the passphrase", locale: "zh", next: "/zh/status-sheet" }, { ip: "10.41.0.3" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/zh/sign-in?error=wrong&next=%2Fzh%2Fstatus-sheet");
    expect(setCookies(response).has(SESSION)).toBe(false);
    // An unknown address reads the same, so addresses cannot be probed.
    const unknown = await passwordStep({ email: "nobody@example.org", password: PASSWORD }, { ip: "10.41.0.3" });
    expect(unknown.headers.get("location")).toBe("/en/sign-in?error=wrong");
  });

  it(`shares the JSON API's limit: after ${SIGN_IN_ATTEMPTS_PER_MINUTE} attempts from one address, back with the wait, even with the right password`, async () => {
    const ip = "10.41.0.4";
    for (let attempt = 0; attempt < SIGN_IN_ATTEMPTS_PER_MINUTE - 1; attempt++) {
      expect((await passwordStep({ email: EMAIL, password: `wrong ${attempt}` }, { ip })).headers.get("location")).toBe("/en/sign-in?error=wrong");
    }
    // One more through the JSON API uses up the same bucket.
    const json = await authPost(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": ip },
        body: JSON.stringify({ email: EMAIL, password: "wrong again" }),
      }),
    );
    expect(json.status).toBe(401);
    const limited = await passwordStep({ email: EMAIL, password: PASSWORD, locale: "zh" }, { ip });
    expect(limited.status).toBe(303);
    const location = new URL(limited.headers.get("location")!, ORIGIN);
    expect(location.pathname).toBe("/zh/sign-in");
    expect(location.searchParams.get("error")).toBe("too-many");
    const wait = Number(location.searchParams.get("wait"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(setCookies(limited).has(SESSION)).toBe(false);
    // Another address is not affected.
    expect((await passwordStep({ email: EMAIL, password: PASSWORD }, { ip: "10.41.0.5" })).headers.get("location")).toBe("/en");
  });

  it("refuses a post from another site with 403, before it counts or signs anyone in", async () => {
    const ip = "10.41.0.6";
    for (const options of [
      { ip, origin: "https://evil.example", site: "cross-site" },
      { ip, origin: "null", site: "cross-site" },
      { ip, origin: null, site: "cross-site" },
    ]) {
      const response = await passwordStep({ email: EMAIL, password: PASSWORD }, options);
      expect(response.status, JSON.stringify(options)).toBe(403);
      expect(setCookies(response).size).toBe(0);
    }
    expect(await getDb().rateLimit.count({ where: { key: { startsWith: `${ip}|` } } })).toBe(0);
  });

  it("never redirects off the site through `next`", async () => {
    let ip = 20;
    for (const next of ["https://evil.example/", "//evil.example/en", "/\\evil.example", "/api/auth/sign-out", "javascript:alert(1)"]) {
      const response = await passwordStep({ email: EMAIL, password: PASSWORD, next }, { ip: `10.41.0.${ip++}` });
      expect(response.headers.get("location"), next).toBe("/en");
    }
    const wrong = await passwordStep({ email: EMAIL, password: "wrong", next: "//evil.example" }, { ip: `10.41.0.${ip++}` });
    expect(wrong.headers.get("location")).toBe("/en/sign-in?error=wrong");
  });

  it("says that a disabled account is disabled, and gives it no session", async () => {
    const response = await passwordStep({ email: DISABLED_EMAIL, password: PASSWORD }, { ip: "10.41.0.7" });
    expect(response.headers.get("location")).toBe("/en/sign-in?error=disabled");
    expect(setCookies(response).has(SESSION)).toBe(false);
    // The wrong password of a disabled account reads like any wrong password.
    const wrong = await passwordStep({ email: DISABLED_EMAIL, password: "wrong" }, { ip: "10.41.0.7" });
    expect(wrong.headers.get("location")).toBe("/en/sign-in?error=wrong");
  });
});

describe("the second-factor step", () => {
  it("sends a TOTP account from the password to the code, in its language, with the two-factor cookie and no session", async () => {
    const response = await passwordStep({ email: TOTP_EMAIL, password: PASSWORD, locale: "zh", next: "/zh/audit" }, { ip: "10.42.0.1" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/zh/sign-in/two-factor?next=%2Fzh%2Faudit");
    expect(setCookies(response).has(TWO_FACTOR)).toBe(true);
    expect(setCookies(response).has(SESSION)).toBe(false);
  });

  it("signs in with a TOTP code: 303 to next with a session that records the second factor", async () => {
    const twoFactor = await startTwoFactor("10.42.0.2");
    const response = await totpStep({ code: await currentCode(), locale: "zh", next: "/zh/audit" }, { ip: "10.42.0.2", cookie: twoFactor });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/zh/audit");
    expect(clears(response, TWO_FACTOR)).toBe(true);
    expect(await whoIs(setCookies(response).get(SESSION))).toEqual({ email: TOTP_EMAIL, secondFactor: "totp" });
  });

  it("takes a code typed with a space", async () => {
    const twoFactor = await startTwoFactor("10.42.0.3");
    const code = await currentCode();
    const response = await totpStep({ code: `${code.slice(0, 3)} ${code.slice(3)}` }, { ip: "10.42.0.3", cookie: twoFactor });
    expect(response.headers.get("location")).toBe("/en");
    expect(await whoIs(setCookies(response).get(SESSION))).toMatchObject({ secondFactor: "totp" });
  });

  it("signs in with a recovery code, which is then used up", async () => {
    const code = recoveryCodes[0]!;
    const first = await recoveryStep({ code, next: "/en/status-sheet" }, { ip: "10.42.0.4", cookie: await startTwoFactor("10.42.0.4") });
    expect(first.headers.get("location")).toBe("/en/status-sheet");
    expect(await whoIs(setCookies(first).get(SESSION))).toEqual({ email: TOTP_EMAIL, secondFactor: "backup-code" });

    const again = await recoveryStep({ code, locale: "zh" }, { ip: "10.42.0.5", cookie: await startTwoFactor("10.42.0.5") });
    expect(again.headers.get("location")).toBe("/zh/sign-in/two-factor?error=wrong-recovery-code");
    expect(setCookies(again).has(SESSION)).toBe(false);

    // Typed without its dash, the next code still counts.
    const undashed = recoveryCodes[1]!.replace("-", "");
    const second = await recoveryStep({ code: undashed }, { ip: "10.42.0.6", cookie: await startTwoFactor("10.42.0.6") });
    expect(second.headers.get("location")).toBe("/en");
    expect(await whoIs(setCookies(second).get(SESSION))).toMatchObject({ secondFactor: "backup-code" });
  });

  it("refuses a wrong code, counts it toward the limit, and ends the step after too many", async () => {
    const ip = "10.42.0.7";
    const twoFactor = await startTwoFactor(ip, { next: "/en/audit" });
    const wrong = await wrongCode();
    for (let attempt = 0; attempt < SECOND_FACTOR_ATTEMPTS_PER_MINUTE; attempt++) {
      const response = await totpStep({ code: wrong, next: "/en/audit" }, { ip, cookie: twoFactor });
      expect(response.headers.get("location")).toBe("/en/sign-in/two-factor?error=wrong-code&next=%2Fen%2Faudit");
      expect(setCookies(response).has(SESSION)).toBe(false);
    }
    // The address has used its tries for the minute: even the right code waits.
    const limited = await totpStep({ code: await currentCode(), next: "/en/audit" }, { ip, cookie: twoFactor });
    const location = new URL(limited.headers.get("location")!, ORIGIN);
    expect(location.pathname).toBe("/en/sign-in/two-factor");
    expect(location.searchParams.get("error")).toBe("too-many");
    expect(Number(location.searchParams.get("wait"))).toBeGreaterThanOrEqual(1);
    expect(setCookies(limited).has(SESSION)).toBe(false);

    // From another address, this sign-in has used up its codes: back to the password.
    const spent = await totpStep({ code: await currentCode(), next: "/en/audit" }, { ip: "10.42.0.8", cookie: twoFactor });
    expect(spent.headers.get("location")).toBe("/en/sign-in?error=too-many-codes&next=%2Fen%2Faudit");
    expect(clears(spent, TWO_FACTOR)).toBe(true);
    expect(setCookies(spent).has(SESSION)).toBe(false);
  });

  it("sends a code without a pending sign-in back to the password, and refuses another site", async () => {
    const expired = await totpStep({ code: await currentCode(), locale: "zh" }, { ip: "10.42.0.9" });
    expect(expired.headers.get("location")).toBe("/zh/sign-in?error=expired");
    const twoFactor = await startTwoFactor("10.42.0.10");
    for (const route of [totpStep, recoveryStep]) {
      const crossSite = await route({ code: await currentCode() }, { ip: "10.42.0.10", cookie: twoFactor, origin: "https://evil.example", site: "cross-site" });
      expect(crossSite.status).toBe(403);
      expect(setCookies(crossSite).size).toBe(0);
    }
  });
});
