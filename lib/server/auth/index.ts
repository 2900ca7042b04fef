import "server-only";
import { passkey } from "@better-auth/passkey";
import { APIError, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { organization, twoFactor } from "better-auth/plugins";
import { accessControl, accessRoles } from "@/lib/auth/roles";
import { clientAddressHeaders } from "@/lib/http/client-address";
import { getDb, type Db } from "../db";
import { authHooks } from "./hooks";
import { ensureAuthSecret } from "./secret";
import { sessionLifetimes } from "./session-lifetimes";
import { requireCodeToDisableTwoFactor } from "./two-factor-disable";

/** The sign-in routes' refusal of a disabled account: 403 with this code and message. */
export const ACCOUNT_DISABLED = "ACCOUNT_DISABLED";
export const ACCOUNT_DISABLED_MESSAGE = "This account is disabled. If that is a mistake, ask an owner of your organisation or the operator of this site.";

/** How many sign-in attempts one address may make per minute before it gets 429. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 5;

/** How recent a sign-in must be to add a passkey (better-auth's session freshness). */
export const FRESH_SIGN_IN_SECONDS = 15 * 60;

/** The same budget for each second-factor step (a TOTP code, a recovery code) and each passkey ceremony. */
export const SECOND_FACTOR_ATTEMPTS_PER_MINUTE = 5;

const organizationPlugin = () =>
  organization({
    ac: accessControl,
    roles: accessRoles,
    creatorRole: "owner",
    // Organisations are created by operators through the CLI.
    allowUserToCreateOrganization: false,
  });

/**
 * Every route of better-auth's organization plugin, reads included. Members, roles and organisations are managed
 * through lib/server/accounts/ (permission checks, audit in the same transaction) and shown by display name only;
 * the plugin's reads would hand any member every co-member's real email and role, and tell any signed-in user whether
 * a private organisation exists (check-slug, get-full-organization?organizationSlug=).
 */
export const ORGANIZATION_PATHS: readonly string[] = [
  ...new Set([
    ...Object.values(organizationPlugin().endpoints)
      .map((endpoint) => (endpoint as { path?: string }).path)
      .filter((path): path is string => typeof path === "string" && path.startsWith("/organization/")),
    // Team and dynamic-role routes, in case a later version turns them on by default.
    ...["add-team-member", "create-role", "create-team", "delete-role", "list-teams", "remove-team", "remove-team-member", "update-role", "update-team", "list-roles", "get-role"].map((name) => `/organization/${name}`),
  ]),
];

/**
 * better-auth's own account routes the app does not offer: names change through the audited account page, nobody
 * signs up or deletes themselves, there is no email to verify or reset through, and no social provider. The
 * token-based revoke-session is closed because no answer ever carries a token (see app/api/auth/[...all]/route.ts):
 * sessions end through the account page or revoke-sessions / revoke-other-sessions.
 */
export const CLOSED_CORE_PATHS: readonly string[] = [
  "/update-user", "/delete-user", "/delete-user/callback", "/change-email", "/sign-up/email", "/forget-password", "/request-password-reset",
  "/reset-password", "/verify-email", "/send-verification-email", "/link-social", "/unlink-account", "/list-accounts", "/refresh-token",
  "/get-access-token", "/account-info", "/revoke-session", "/sign-in/social", "/callback/:id", "/reset-password/:token",
  "/two-factor/send-otp", "/two-factor/verify-otp",
];

/** How the second factor was proven, from the better-auth route that is creating a session. */
export function secondFactorOf(path: string | undefined): "totp" | "backup-code" | "passkey" | null {
  if (path === "/two-factor/verify-totp") return "totp";
  if (path === "/two-factor/verify-backup-code") return "backup-code";
  if (path === "/passkey/verify-authentication") return "passkey";
  return null;
}

function createAuth(db: Db) {
  const port = process.env.PORT || "3000";
  const baseURL = process.env.BETTER_AUTH_URL || `http://localhost:${port}`;
  const lifetimes = sessionLifetimes();
  return betterAuth({
    appName: "UPR recommendation tracker",
    baseURL,
    secret: ensureAuthSecret(),
    trustedOrigins: [baseURL, `http://localhost:${port}`, `http://127.0.0.1:${port}`],
    database: prismaAdapter(db, { provider: "postgresql" }),
    // Operators add accounts with `npm run upr -- user add`: nobody signs themselves up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, revokeSessionsOnPasswordReset: true },
    user: {
      additionalFields: {
        isAdmin: { type: "boolean", required: false, defaultValue: false, input: false },
        disabledAt: { type: "date", required: false, input: false, returned: false },
      },
    },
    session: {
      // Sliding: a session used at least once a day lives on, up to `days` after its last renewal.
      expiresIn: lifetimes.memberSeconds,
      updateAge: Math.min(24 * 3600, Math.floor(lifetimes.memberSeconds / 2)),
      additionalFields: { secondFactor: { type: "string", required: false, input: false } },
      // Adding a passkey (and listing sessions over HTTP) needs a sign-in from the last 15 minutes, not just a live
      // cookie: a stolen session cookie cannot plant a passkey of its own and keep access past a password change.
      freshAge: FRESH_SIGN_IN_SECONDS,
    },
    advanced: {
      // The client address is set by the app's own HTTP server (scripts/serve.ts) from the TCP peer, replacing
      // whatever a client sent; X-Forwarded-For counts only from a proxy listed in TRUSTED_PROXIES.
      ipAddress: { ipAddressHeaders: clientAddressHeaders() },
    },
    // On in every environment (better-auth enables it only in production by default), so tests see what users see.
    // Kept in PostgreSQL, so every app instance shares it and a restart does not reset it.
    rateLimit: {
      enabled: true,
      storage: "database",
      customRules: {
        "/sign-in/email": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
        "/two-factor/*": { window: 60, max: SECOND_FACTOR_ATTEMPTS_PER_MINUTE },
        "/passkey/verify-authentication": { window: 60, max: SECOND_FACTOR_ATTEMPTS_PER_MINUTE },
        "/change-password": { window: 60, max: SECOND_FACTOR_ATTEMPTS_PER_MINUTE },
        "/verify-password": { window: 60, max: SECOND_FACTOR_ATTEMPTS_PER_MINUTE },
      },
    },
    // The per-account slow-down (./throttle.ts) and the audit of sign-ins and account changes, for HTTP and auth.api alike.
    hooks: authHooks(db),
    databaseHooks: {
      session: {
        create: {
          before: async (session, context) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { isAdmin: true, disabledAt: true } });
            if (!user) return false;
            // A disabled account gets no session, whichever route asks for one (password, second factor, passkey),
            // and is told so: this runs only once the password or passkey was right.
            if (user.disabledAt) throw new APIError("FORBIDDEN", { code: ACCOUNT_DISABLED, message: ACCOUNT_DISABLED_MESSAGE });
            const current = (context?.context.session?.session ?? null) as { secondFactor?: string | null } | null;
            const secondFactor = secondFactorOf(context?.path) ?? current?.secondFactor ?? null;
            const expiresAt = user.isAdmin ? new Date(Math.min(session.expiresAt.getTime(), Date.now() + lifetimes.adminSeconds * 1000)) : session.expiresAt;
            // No address is kept with a session.
            return { data: { ...session, ipAddress: null, secondFactor, expiresAt } };
          },
        },
      },
    },
    telemetry: { enabled: false },
    disabledPaths: [...ORGANIZATION_PATHS, ...CLOSED_CORE_PATHS],
    plugins: [
      organizationPlugin(),
      twoFactor({
        issuer: "UPR tracker",
        backupCodeOptions: { amount: 10, length: 10 },
        // No "trust this device": a seized laptop must still be asked for a code.
        trustDeviceMaxAge: 1,
        // Its 10-failures-then-15-minutes lock is replaced by the per-account slow-down of ./throttle.ts, which covers
        // the same codes from the first failure on, reaches the same 15-minute bound, and answers with the true wait.
        accountLockout: { enabled: false },
      }),
      passkey({
        rpID: new URL(baseURL).hostname,
        rpName: "UPR recommendation tracker",
        origin: [...new Set([new URL(baseURL).origin, `http://localhost:${port}`])],
      }),
      requireCodeToDisableTwoFactor(),
      // Lets server actions set and clear the session cookie; must stay last.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { uprAuth?: { db: Db; auth: Auth } };

/**
 * The one better-auth instance, created on first use (it needs the lazily created Prisma client) and cached like
 * it. When scripts or tests replace the client (disconnectDb), the next call builds an instance on the new one.
 */
export function getAuth(): Auth {
  const db = getDb();
  if (globalForAuth.uprAuth?.db !== db) globalForAuth.uprAuth = { db, auth: createAuth(db) };
  return globalForAuth.uprAuth.auth;
}
