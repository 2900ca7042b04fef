import "server-only";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError, type AuthMiddleware } from "better-auth/api";
import { recordAuditEvent, type AuditAction } from "../audit";
import type { Db, Prisma } from "../db";
import { beginAttempt, clearFailures, passwordThrottleKey, secondFactorThrottleKey } from "./throttle";

/**
 * better-auth's `hooks: { before, after }` for the per-account slow-down (throttle.ts) and the audit of sign-ins and
 * account changes. better-auth runs them around every endpoint, whether it is reached over HTTP or called on the
 * server as `auth.api.*` (server actions); its address-keyed rate limit runs over HTTP only.
 *
 * before: finds the account the request is about, and answers 429 with Retry-After when that account must wait,
 * otherwise counts the attempt. after: a success clears the count and is audited; a wrong password or code stays
 * counted, and is audited when the account exists. Audit events are user-level (organizationId null).
 */

/** Routes that check the session user's password: a stolen session must not become a password oracle. */
const PASSWORD_CHECKED = new Set(["/change-password", "/verify-password", "/two-factor/enable", "/two-factor/disable", "/two-factor/get-totp-uri", "/two-factor/generate-backup-codes"]);
const SECOND_FACTOR = new Map([
  ["/two-factor/verify-totp", "totp"],
  ["/two-factor/verify-backup-code", "backup-code"],
] as const);
const SESSION_REVOKES = new Map([
  ["/revoke-sessions", "all"],
  ["/revoke-other-sessions", "others"],
] as const);

/** better-auth's signed cookie of a sign-in waiting for its second factor (the two-factor plugin's TWO_FACTOR_COOKIE_NAME). */
const TWO_FACTOR_COOKIE = "two_factor";

/** What the before hook learnt, for the after hook of the same request. */
type Plan = {
  throttleKey?: string;
  userId?: string;
  /** Second factor: "sign-in" when a password sign-in waits for it, "session" when a signed-in user enrols. */
  mode?: "sign-in" | "session";
  twoFactorWasEnabled?: boolean;
  sessionsBefore?: number;
  subjectId?: string;
};

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

function tooManyAttempts(seconds: number): APIError {
  const retryAfter = String(seconds);
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: "TOO_MANY_ATTEMPTS", message: `Too many failed attempts for this account. Try again in ${seconds} seconds.`, retryAfter: seconds },
    { "Retry-After": retryAfter, "X-Retry-After": retryAfter },
  );
}

/** The account a second-factor step is for: the session's user, else the one the two-factor cookie stands for. */
async function secondFactorUser(ctx: HookContext): Promise<Pick<Plan, "userId" | "mode" | "twoFactorWasEnabled">> {
  const session = await getSessionFromCtx(ctx);
  if (session) return { userId: session.user.id, mode: "session", twoFactorWasEnabled: Boolean((session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled) };
  const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE);
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return {};
  const pending = await ctx.context.internalAdapter.findVerificationValue(identifier);
  return pending ? { userId: pending.value, mode: "sign-in" } : {};
}

async function planFor(db: Db, ctx: HookContext): Promise<Plan | null> {
  const path = ctx.path;
  if (path === "/sign-in/email") {
    const email = (ctx.body as { email?: unknown } | undefined)?.email;
    return typeof email === "string" ? { throttleKey: passwordThrottleKey(email) } : null;
  }
  if (SECOND_FACTOR.has(path as never)) {
    const who = await secondFactorUser(ctx);
    // No session and no pending sign-in: better-auth refuses the code without checking it, so nothing is guessed.
    return who.userId ? { ...who, throttleKey: secondFactorThrottleKey(who.userId) } : null;
  }
  if (PASSWORD_CHECKED.has(path) || SESSION_REVOKES.has(path as never) || path === "/passkey/delete-passkey") {
    const session = await getSessionFromCtx(ctx);
    if (!session) return null;
    const plan: Plan = { userId: session.user.id, twoFactorWasEnabled: Boolean((session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled) };
    if (PASSWORD_CHECKED.has(path)) plan.throttleKey = passwordThrottleKey(session.user.email);
    if (SESSION_REVOKES.has(path as never)) plan.sessionsBefore = await db.session.count({ where: { userId: session.user.id, expiresAt: { gt: new Date() } } });
    if (path === "/passkey/delete-passkey") plan.subjectId = String((ctx.body as { id?: unknown } | undefined)?.id ?? "");
    return plan;
  }
  return null;
}

type AuthEvent = { actorUserId: string; action: AuditAction; subjectType?: string; subjectId?: string; changes: Prisma.InputJsonValue };

async function audit(db: Db, event: AuthEvent): Promise<void> {
  await db.$transaction((tx) =>
    recordAuditEvent(tx, { actorUserId: event.actorUserId, organizationId: null, action: event.action, subjectType: event.subjectType ?? "user", subjectId: event.subjectId ?? event.actorUserId, changes: event.changes }),
  );
}

/** A refused sign-in is written without holding the answer, so a known and an unknown email take the same time. */
function auditInBackground(db: Db, event: AuthEvent): void {
  audit(db, event).catch((error: unknown) => process.stderr.write(`[upr] audit of ${event.action} failed: ${(error as Error).message}\n`));
}

/**
 * A refusal worth an owner's eye: wrong credentials (401), or right ones for an account that may not sign in (403,
 * a disabled account). Malformed requests (400) and waits (429) are not written.
 */
function isRefusal(error: APIError | null): error is APIError {
  return error?.statusCode === 401 || error?.statusCode === 403;
}

function errorCode(error: APIError): string {
  const code = (error.body as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : String(error.status);
}

export function authHooks(db: Db): { before: AuthMiddleware; after: AuthMiddleware } {
  // Keyed on the request's auth context: better-auth hands the same object to the before hook, the endpoint and the
  // after hook of one call, and a new one to each call.
  const plans = new WeakMap<object, Plan>();

  const before = createAuthMiddleware(async (ctx) => {
    const plan = await planFor(db, ctx);
    if (!plan) return;
    if (plan.throttleKey) {
      const attempt = await beginAttempt(db, plan.throttleKey);
      if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterSeconds);
    }
    plans.set(ctx.context, plan);
  });

  const after = createAuthMiddleware(async (ctx) => {
    const path = ctx.path;
    const plan = plans.get(ctx.context) ?? {};
    const returned: unknown = ctx.context.returned;
    const failure = isAPIError(returned) ? returned : null;
    const newSession = ctx.context.newSession;

    if (!failure && plan.throttleKey) await clearFailures(db, plan.throttleKey);

    if (path === "/sign-in/email") {
      // Password right but a second factor still due: the sign-in is audited when the code is.
      if (!failure && newSession && !(newSession.user as { twoFactorEnabled?: boolean }).twoFactorEnabled) {
        await audit(db, { actorUserId: newSession.user.id, action: "auth.sign-in", changes: { method: "password" } });
      }
      const email = (ctx.body as { email?: unknown } | undefined)?.email;
      if (isRefusal(failure) && typeof email === "string") {
        const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
        if (user) auditInBackground(db, { actorUserId: user.id, action: "auth.sign-in-failed", changes: { method: "password", code: errorCode(failure) } });
      }
      return;
    }

    const method = SECOND_FACTOR.get(path as never);
    if (method && plan.userId) {
      if (plan.mode === "sign-in") {
        if (!failure) await audit(db, { actorUserId: plan.userId, action: "auth.sign-in", changes: { method } });
        else if (isRefusal(failure)) auditInBackground(db, { actorUserId: plan.userId, action: "auth.sign-in-failed", changes: { method, code: errorCode(failure) } });
      } else if (!failure && method === "totp" && !plan.twoFactorWasEnabled) {
        // A signed-in user's first right code confirms the enrolment: that is when two-factor sign-in is on.
        const user = await db.user.findUnique({ where: { id: plan.userId }, select: { twoFactorEnabled: true } });
        if (user?.twoFactorEnabled) await audit(db, { actorUserId: plan.userId, action: "auth.two-factor.enable", changes: {} });
      }
      return;
    }

    if (path === "/passkey/verify-authentication") {
      if (!failure && newSession) await audit(db, { actorUserId: newSession.user.id, action: "auth.sign-in", changes: { method: "passkey" } });
      const credentialID = (ctx.body as { response?: { id?: unknown } } | undefined)?.response?.id;
      if (isRefusal(failure) && typeof credentialID === "string") {
        const passkey = await db.passkey.findFirst({ where: { credentialID }, select: { userId: true } });
        if (passkey) auditInBackground(db, { actorUserId: passkey.userId, action: "auth.sign-in-failed", changes: { method: "passkey", code: errorCode(failure) } });
      }
      return;
    }
    if (path === "/passkey/verify-registration") {
      const passkey = returned as { id?: unknown; userId?: unknown; name?: unknown } | null;
      if (!failure && typeof passkey?.id === "string" && typeof passkey.userId === "string") {
        await audit(db, { actorUserId: passkey.userId, action: "auth.passkey.add", subjectType: "passkey", subjectId: passkey.id, changes: { passkeyName: typeof passkey.name === "string" ? passkey.name : null } });
      }
      return;
    }
    if (failure || !plan.userId) return;
    const actorUserId = plan.userId;

    if (path === "/passkey/delete-passkey") {
      await audit(db, { actorUserId, action: "auth.passkey.delete", subjectType: "passkey", subjectId: plan.subjectId, changes: {} });
    } else if (path === "/two-factor/disable") {
      await audit(db, { actorUserId, action: "auth.two-factor.disable", changes: {} });
    } else if (path === "/two-factor/generate-backup-codes") {
      await audit(db, { actorUserId, action: "auth.recovery-codes.regenerate", changes: {} });
    } else if (path === "/change-password") {
      const revokeOtherSessions = (ctx.body as { revokeOtherSessions?: unknown } | undefined)?.revokeOtherSessions === true;
      await audit(db, { actorUserId, action: "auth.password.change", changes: { otherSessionsEnded: revokeOtherSessions } });
    } else {
      const scope = SESSION_REVOKES.get(path as never);
      if (scope) {
        const remaining = await db.session.count({ where: { userId: actorUserId, expiresAt: { gt: new Date() } } });
        await audit(db, { actorUserId, action: "session.revoke", changes: { scope, count: Math.max(0, (plan.sessionsBefore ?? 0) - remaining) } });
      }
    }
  });

  return { before, after };
}
