import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { totpSecretOf } from "@/lib/account/totp";
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorAction, type TwoFactorState } from "@/lib/actions/account";
import { addUser } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { sessionCookie, useBrowser } from "../helpers/action-browser";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

vi.mock("next/headers", async () => (await import("../helpers/action-browser")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

/**
 * Two-factor sign-in end to end on real PostgreSQL: enrolment through the account page's own server actions (the
 * code computed with otplib, as an authenticator app would), then sign-in over HTTP through better-auth's routes with
 * a code and with a recovery code, which is then used up. Each step runs from an address of its own, below the limits,
 * except where the limit itself is the point.
 */
const OPERATOR = { kind: "operator" } as const;
const EMAIL = "kestrel@example.org";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let addresses = 0;
const nextAddress = () => `10.20.${Math.floor(++addresses / 250)}.${addresses % 250}`;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  await addUser(OPERATOR, { email: EMAIL, password: PASSWORD, name: "Kestrel" });
});
afterAll(async () => {
  await database.drop();
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A code the app would not show now (nor in the window either side). */
async function wrongCode(secret: string): Promise<string> {
  const now = Date.now();
  const valid = new Set(await Promise.all([-30_000, 0, 30_000].map((offset) => generate({ secret, epoch: Math.floor((now + offset) / 1000) }))));
  return ["000000", "111111", "222222", "333333"].find((code) => !valid.has(code))!;
}

const post = (path: string, body: unknown, cookie: string | null, address: string) =>
  authPost(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": address, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );

/** Every cookie an answer sets, as a Cookie header. */
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!).filter((c) => !c.endsWith("=")).join("; ");

async function sessionsOf(email: string): Promise<{ id: string; secondFactor: string | null }[]> {
  return getDb().session.findMany({ where: { user: { email } }, select: { id: true, secondFactor: true } });
}

let secret = "";
let recoveryCodes: string[] = [];

/** Ends the per-account slow-down's wait (lib/server/auth/throttle.ts), which these tests are not about. */
async function endTheWait(): Promise<void> {
  await getDb().signInThrottle.updateMany({ data: { blockedUntil: new Date(Date.now() - 1000) } });
}

describe("two-factor sign-in", () => {
  it("is enrolled from the account page: password, QR code and secret, then a code from the app; recovery codes shown once", async () => {
    useBrowser(await signIn(EMAIL, nextAddress()), nextAddress());
    const wrongPassword = await startTwoFactorAction({ ok: true }, form({ password: "not my password at all" }));
    expect(wrongPassword).toMatchObject({ ok: false, fieldErrors: { password: ["That password is wrong."] } });
    expect(JSON.stringify(wrongPassword)).not.toContain("not my password");

    const started = await startTwoFactorAction({ ok: true }, form({ password: PASSWORD }));
    expect(started.ok).toBe(true);
    const uri = started.enrolment!.uri;
    expect(uri).toMatch(/^otpauth:\/\/totp\/UPR%20tracker:kestrel%40example\.org\?secret=/);
    secret = totpSecretOf(uri)!;
    expect(started.enrolment!.secretGroups.replaceAll(" ", "")).toBe(secret);
    expect(started.enrolment!.qr.path).toMatch(/^M4 4h7v1h-7z/);
    // Nothing is in force yet: no codes handed over, sign-in still by password alone.
    expect(started.recoveryCodes).toBeUndefined();
    expect((await getDb().user.findUniqueOrThrow({ where: { email: EMAIL } })).twoFactorEnabled).toBe(false);

    const oldSession = sessionCookie();
    const mistyped: TwoFactorState = await confirmTwoFactorAction(started, form({ code: await wrongCode(secret), uri }));
    expect(mistyped).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining("That code is wrong")] } });
    expect(mistyped.enrolment?.uri).toBe(uri);

    const confirmed = await confirmTwoFactorAction(mistyped, form({ code: await generate({ secret }), uri }));
    expect(confirmed).toMatchObject({ ok: true, message: "Two-factor sign-in is on." });
    recoveryCodes = confirmed.recoveryCodes!;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await getDb().user.findUniqueOrThrow({ where: { email: EMAIL } })).twoFactorEnabled).toBe(true);
    // better-auth replaced the session: the action handed the browser the new cookie, and the new session counts as TOTP.
    expect(sessionCookie()).not.toBe(oldSession);
    expect(await sessionsOf(EMAIL)).toEqual([expect.objectContaining({ secondFactor: "totp" })]);

    // Confirming again shows nothing: the codes are shown once.
    const again = await confirmTwoFactorAction({ ok: true }, form({ code: await generate({ secret }), uri }));
    expect(again).toMatchObject({ ok: false, message: "Two-factor sign-in is already on." });
    expect(again.recoveryCodes).toBeUndefined();
  });

  it("then a password alone opens no session: sign-in asks for a code over HTTP, and a wrong code is refused", async () => {
    const address = nextAddress();
    const before = (await sessionsOf(EMAIL)).length;
    const passwordOnly = await post("/sign-in/email", { email: EMAIL, password: PASSWORD }, null, address);
    expect(passwordOnly.status).toBe(200);
    expect(await passwordOnly.json()).toEqual({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    const challenge = cookiesOf(passwordOnly);
    expect(challenge).toContain("better-auth.two_factor=");
    expect(challenge).not.toContain("better-auth.session_token=");
    expect(await sessionsOf(EMAIL)).toHaveLength(before);

    const wrong = await post("/two-factor/verify-totp", { code: await wrongCode(secret) }, challenge, address);
    expect(wrong.status).toBe(401);
    expect(await sessionsOf(EMAIL)).toHaveLength(before);

    const right = await post("/two-factor/verify-totp", { code: await generate({ secret }) }, challenge, address);
    expect(right.status).toBe(200);
    expect(cookiesOf(right)).toContain("better-auth.session_token=");
    expect(JSON.stringify(await right.json())).not.toContain("token");
    expect((await sessionsOf(EMAIL)).filter((s) => s.secondFactor === "totp")).toHaveLength(before + 1);
  });

  it("signs in with a recovery code once; the same code is then used up", async () => {
    const address = nextAddress();
    const first = cookiesOf(await post("/sign-in/email", { email: EMAIL, password: PASSWORD }, null, address));
    const used = await post("/two-factor/verify-backup-code", { code: recoveryCodes[0] }, first, address);
    expect(used.status).toBe(200);
    expect(cookiesOf(used)).toContain("better-auth.session_token=");
    expect((await sessionsOf(EMAIL)).some((s) => s.secondFactor === "backup-code")).toBe(true);

    const second = cookiesOf(await post("/sign-in/email", { email: EMAIL, password: PASSWORD }, null, nextAddress()));
    const reused = await post("/two-factor/verify-backup-code", { code: recoveryCodes[0] }, second, nextAddress());
    expect(reused.status).toBe(401);
  });

  it("makes new recovery codes with the password; the old ones stop working", async () => {
    useBrowser(sessionCookie(), nextAddress());
    expect(await regenerateRecoveryCodesAction({ ok: true }, form({ password: "wrong wrong wrong" }))).toMatchObject({ fieldErrors: { password: ["That password is wrong."] } });
    const fresh = await regenerateRecoveryCodesAction({ ok: true }, form({ password: PASSWORD }));
    expect(fresh.recoveryCodes).toHaveLength(10);
    const challenge = cookiesOf(await post("/sign-in/email", { email: EMAIL, password: PASSWORD }, null, nextAddress()));
    expect((await post("/two-factor/verify-backup-code", { code: recoveryCodes[1] }, challenge, nextAddress())).status).toBe(401);
    recoveryCodes = fresh.recoveryCodes!;
  });

  it("the account page's code check shares the HTTP route's per-address limit", async () => {
    useBrowser(sessionCookie(), nextAddress());
    const answers: TwoFactorState[] = [];
    for (let i = 0; i < 6; i++) {
      // Each try waits out the per-account slow-down, so what refuses the sixth is the per-address limit.
      await endTheWait();
      answers.push(await disableTwoFactorAction({ ok: true }, form({ password: PASSWORD, code: await wrongCode(secret) })));
    }
    expect(answers.slice(0, 5).map((a) => a.fieldErrors?.code?.[0])).toEqual(Array(5).fill(expect.stringContaining("That code is wrong")));
    expect(answers[5]).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many attempts: wait \d+ seconds/) });
    expect((await getDb().user.findUniqueOrThrow({ where: { email: EMAIL } })).twoFactorEnabled).toBe(true);
  });

  it("is turned off only with the password and a current code", async () => {
    useBrowser(sessionCookie(), nextAddress());
    const noCode = await disableTwoFactorAction({ ok: true }, form({ password: PASSWORD, code: "" }));
    expect(noCode.fieldErrors?.code).toEqual(["Fill this in."]);
    await endTheWait();
    const wrongPassword = await disableTwoFactorAction({ ok: true }, form({ password: "wrong wrong wrong", code: await generate({ secret }) }));
    expect(wrongPassword).toMatchObject({ ok: false, fieldErrors: { password: ["That password is wrong."] } });
    expect((await getDb().user.findUniqueOrThrow({ where: { email: EMAIL } })).twoFactorEnabled).toBe(true);
    // Over HTTP too: better-auth's route alone would take the password only.
    const cookie = sessionCookie();
    await endTheWait();
    const passwordOnly = await post("/two-factor/disable", { password: PASSWORD }, cookie, nextAddress());
    expect([passwordOnly.status, ((await passwordOnly.json()) as { code: string }).code]).toEqual([400, "CODE_REQUIRED"]);
    await endTheWait();
    expect((await post("/two-factor/disable", { password: PASSWORD, code: await wrongCode(secret) }, cookie, nextAddress())).status).toBe(401);
    await endTheWait();
    expect((await post("/two-factor/disable", { password: PASSWORD, code: "zzzzz-zzzzz" }, cookie, nextAddress())).status).toBe(401);
    expect((await getDb().user.findUniqueOrThrow({ where: { email: EMAIL } })).twoFactorEnabled).toBe(true);

    // A recovery code serves as the current code (the app may be what was lost).
    await endTheWait();
    const off = await disableTwoFactorAction({ ok: true }, form({ password: PASSWORD, code: recoveryCodes[2]! }));
    expect(off).toMatchObject({ ok: true });
    expect((await getDb().user.findUniqueOrThrow({ where: { email: EMAIL } })).twoFactorEnabled).toBe(false);
    expect(await getDb().twoFactor.count({ where: { user: { email: EMAIL } } })).toBe(0);
    // A password alone opens a session again.
    expect(await signIn(EMAIL, nextAddress())).toMatch(/^better-auth\.session_token=/);
  });

  it("refuses every step to a visitor without a session", async () => {
    useBrowser("", nextAddress());
    for (const answer of [
      await startTwoFactorAction({ ok: true }, form({ password: PASSWORD })),
      await confirmTwoFactorAction({ ok: true }, form({ code: "123456", uri: "" })),
      await regenerateRecoveryCodesAction({ ok: true }, form({ password: PASSWORD })),
      await disableTwoFactorAction({ ok: true }, form({ password: PASSWORD, code: "123456" })),
    ]) {
      expect(answer).toMatchObject({ ok: false, code: "unauthenticated" });
    }
  });
});
