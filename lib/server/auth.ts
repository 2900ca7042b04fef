import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import { accessControl, accessRoles } from "@/lib/auth/roles";
import { ensureAuthSecret } from "./auth-secret";
import { getDb, type Db } from "./db";

/** How many sign-in attempts one address may make per minute before it gets 429. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 5;

/** The organization plugin's write endpoints: closed, see `disabledPaths` below. Reads stay open. */
export const ORGANIZATION_WRITE_PATHS = [
  "accept-invitation", "add-team-member", "cancel-invitation", "create", "create-role", "create-team", "delete", "delete-role",
  "invite-member", "leave", "reject-invitation", "remove-member", "remove-team", "remove-team-member", "update",
  "update-member-role", "update-role", "update-team",
].map((name) => `/organization/${name}`);

function createAuth(db: Db) {
  const port = process.env.PORT || "3000";
  const baseURL = process.env.BETTER_AUTH_URL || `http://localhost:${port}`;
  return betterAuth({
    appName: "UPR recommendation tracker",
    baseURL,
    secret: ensureAuthSecret(),
    trustedOrigins: [baseURL, `http://localhost:${port}`, `http://127.0.0.1:${port}`],
    database: prismaAdapter(db, { provider: "postgresql" }),
    // Operators add accounts with `npm run upr -- user add`: nobody signs themselves up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12 },
    user: { additionalFields: { isAdmin: { type: "boolean", required: false, defaultValue: false, input: false } } },
    // On in every environment (better-auth enables it only in production by default), so tests see what users see.
    rateLimit: {
      enabled: true,
      storage: "memory",
      customRules: { "/sign-in/email": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE } },
    },
    telemetry: { enabled: false },
    // Membership and organisation writes go through lib/server/accounts.ts, which checks permissions and writes
    // the audit log in the same transaction. The plugin's own write routes would bypass both.
    disabledPaths: ORGANIZATION_WRITE_PATHS,
    plugins: [
      organization({
        ac: accessControl,
        roles: accessRoles,
        creatorRole: "owner",
        // Organisations are created by operators through the CLI.
        allowUserToCreateOrganization: false,
      }),
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
