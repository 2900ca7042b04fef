import { z } from "zod";

/**
 * better-auth's own routes that API clients and scripts use (sessions, password, two-factor), as the app answers them:
 * with the session token and any address removed (app/api/auth/[...all]/route.ts). These schemas feed the OpenAPI
 * document (lib/openapi/auth-paths.ts); better-auth validates the bodies itself, and the integration tests parse the
 * real answers with them so the document cannot drift.
 */

const timestamp = z.iso.datetime({ offset: true }).describe("ISO 8601 date and time");

export const authUserSchema = z
  .object({
    id: z.string(),
    name: z.string().describe("Display name, which may be a pseudonym"),
    email: z.string(),
    emailVerified: z.boolean(),
    image: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    twoFactorEnabled: z.boolean().describe("Password sign-ins ask for a TOTP code or a recovery code"),
    isAdmin: z.boolean().describe("Instance administrator"),
  })
  .loose();

export const authSessionSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp.describe("Last renewal: a session used at least once a day lives on (sliding), admins' sessions never past their cap"),
    expiresAt: timestamp,
    userAgent: z.string().nullable().describe("The browser's User-Agent when the session began; no IP address is kept"),
    activeOrganizationId: z.string().nullable(),
    secondFactor: z.enum(["totp", "backup-code", "passkey"]).nullable().describe("How the second factor was proven when the session began; null for a password alone"),
  })
  .loose()
  .describe("A session, without its token: the cookie carries it and no answer repeats it");

/** GET /api/auth/get-session: the caller's session and user, or null without a valid cookie. */
export const getSessionResponseSchema = z.object({ session: authSessionSchema, user: authUserSchema }).nullable();

/** GET /api/auth/list-sessions: every live session of the caller. */
export const listSessionsResponseSchema = z.array(authSessionSchema);

export const authStatusSchema = z.object({ status: z.boolean() });
export const signOutResponseSchema = z.object({ success: z.boolean() });

/** verify-totp, verify-backup-code and change-password: the user; a new session cookie comes with the answer. */
export const authUserAnswerSchema = z.object({ user: authUserSchema });

export const passwordConfirmationSchema = z.object({ password: z.string().describe("The account's current password") });

export const enableTwoFactorRequestSchema = passwordConfirmationSchema.extend({
  issuer: z.string().optional().describe('Name shown in the authenticator app; "UPR tracker" by default'),
});

export const twoFactorEnrolmentSchema = z.object({
  method: z.literal("totp"),
  totpURI: z.string().describe("otpauth:// URI with the secret: show it as a QR code or let the member type the secret"),
  backupCodes: z.array(z.string()).describe("Ten one-time recovery codes (e.g. abcde-12345), shown once"),
});

export const totpUriSchema = z.object({ totpURI: z.string() });

export const twoFactorCodeSchema = z.object({ code: z.string().describe('The 6-digit code, or for verify-backup-code a recovery code such as "abcde-12345"') });

export const backupCodesSchema = z.object({ status: z.boolean(), backupCodes: z.array(z.string()).describe("Ten new recovery codes; the old ones stop working") });

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string(),
  // better-auth refuses a shorter one (emailAndPassword.minPasswordLength, as MIN_PASSWORD_LENGTH in lib/server/accounts.ts).
  newPassword: z.string().min(12),
  revokeOtherSessions: z.boolean().optional().describe("true: every other session of the account ends"),
});
