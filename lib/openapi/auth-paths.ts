import {
  authStatusSchema,
  authUserAnswerSchema,
  backupCodesSchema,
  changePasswordRequestSchema,
  enableTwoFactorRequestSchema,
  getSessionResponseSchema,
  listSessionsResponseSchema,
  passwordConfirmationSchema,
  signOutResponseSchema,
  totpUriSchema,
  twoFactorCodeSchema,
  twoFactorEnrolmentSchema,
} from "@/lib/schemas/auth-api";
import { SECOND_FACTOR_ATTEMPTS_PER_MINUTE } from "@/lib/server/auth";
import { json, jsonBody, ref, type JsonSchema } from "./json-schema";

/**
 * better-auth's own routes under /api/auth/ that API clients and scripts use besides sign-in (member-paths.ts):
 * sessions, password, two-factor sign-in and passkeys. Every answer is `Cache-Control: no-store` and carries no session
 * token (the cookie does). Errors come in better-auth's shape, { code, message }. Writes from another site are refused.
 */

export const authRequestSchemas = {
  PasswordConfirmation: passwordConfirmationSchema,
  EnableTwoFactorRequest: enableTwoFactorRequestSchema,
  TwoFactorCode: twoFactorCodeSchema,
  ChangePasswordRequest: changePasswordRequestSchema,
};

export const authResponseSchemas = {
  AuthSessionAnswer: getSessionResponseSchema,
  AuthSessionList: listSessionsResponseSchema,
  AuthStatus: authStatusSchema,
  SignOutResult: signOutResponseSchema,
  AuthUserAnswer: authUserAnswerSchema,
  TwoFactorEnrolment: twoFactorEnrolmentSchema,
  TotpUri: totpUriSchema,
  BackupCodes: backupCodesSchema,
};

/** The cookie better-auth sets when a password was right but a second factor is still needed (10 minutes). */
export const TWO_FACTOR_COOKIE_SCHEME: JsonSchema = {
  type: "apiKey",
  in: "cookie",
  name: "better-auth.two_factor",
  description:
    "Set by POST /api/auth/sign-in/email when the account has two-factor sign-in (its answer is `twoFactorRedirect: true`); " +
    "send it with verify-totp or verify-backup-code within 10 minutes. Named `__Secure-better-auth.two_factor` over HTTPS.",
};

const SESSION = [{ sessionCookie: [] }];
const SESSION_COOKIE_HEADER = { "Set-Cookie": { description: "A new session cookie (the old session ends).", schema: { type: "string" } } };

const authError = (description: string): JsonSchema => json(description, "AuthError");
const unauthenticated = authError("No valid session cookie (or, for the two-factor step, no valid two-factor cookie).");
const crossSite = authError("The request came from an origin the app does not trust.");
const wrongPassword = authError("The password is wrong (`INVALID_PASSWORD`), or a field is missing.");

/** 429 with the seconds to wait: every rate-limited route answers it the same way. */
export function rateLimited(description: string): JsonSchema {
  return {
    description,
    headers: { "Retry-After": { description: "Seconds to wait before the next attempt.", schema: { type: "integer", minimum: 1 } } },
    content: { "application/json": { schema: ref("AuthError") } },
  };
}

const SECOND_FACTOR_LIMIT = rateLimited(
  `More than ${SECOND_FACTOR_ATTEMPTS_PER_MINUTE} attempts a minute from this address on this route, or the account's codes are paused after repeated wrong ones.`,
);

function post(operationId: string, summary: string, responses: Record<string, JsonSchema>, extra: JsonSchema = {}): JsonSchema {
  return { post: { operationId, summary, security: SESSION, ...extra, responses } };
}

function sessionPaths(): Record<string, JsonSchema> {
  return {
    "/api/auth/sign-out": post("signOut", "End the caller's session and clear the cookie.", { "200": json("Signed out (also when there was no session).", "SignOutResult"), "403": crossSite }, { security: [{}, ...SESSION] }),
    "/api/auth/get-session": {
      get: {
        operationId: "getSession",
        summary: "The caller's session and user, or null.",
        security: [{}, ...SESSION],
        responses: { "200": json("The session (without its token) and the user, or null without a valid cookie.", "AuthSessionAnswer") },
      },
    },
    "/api/auth/list-sessions": {
      get: {
        operationId: "listSessions",
        summary: "Every live session of the caller: when it began and was last renewed, the browser, how the second factor was proven.",
        security: SESSION,
        responses: { "200": json("The sessions, without tokens or addresses.", "AuthSessionList"), "401": unauthenticated },
      },
    },
    "/api/auth/revoke-sessions": post("revokeSessions", "End every session of the caller, this one included.", { "200": json("Ended.", "AuthStatus"), "401": unauthenticated, "403": crossSite }),
    "/api/auth/revoke-other-sessions": post("revokeOtherSessions", "End every session of the caller except this one.", {
      "200": json("Ended.", "AuthStatus"),
      "401": unauthenticated,
      "403": crossSite,
    }),
    "/api/auth/change-password": post(
      "changePassword",
      "Change the password (at least 12 characters).",
      {
        "200": { description: "Changed; a new session cookie replaces this one.", headers: SESSION_COOKIE_HEADER, content: { "application/json": { schema: ref("AuthUserAnswer") } } },
        "400": authError("The current password is wrong, or the new one is too short or too long."),
        "401": unauthenticated,
        "403": crossSite,
        "429": rateLimited(`More than ${SECOND_FACTOR_ATTEMPTS_PER_MINUTE} attempts a minute from this address.`),
      },
      { requestBody: jsonBody("ChangePasswordRequest") },
    ),
  };
}

function twoFactorPaths(): Record<string, JsonSchema> {
  const verified = { description: "Verified: signed in, with a new session cookie.", headers: SESSION_COOKIE_HEADER, content: { "application/json": { schema: ref("AuthUserAnswer") } } };
  const step = [{ twoFactorCookie: [] }, ...SESSION];
  return {
    "/api/auth/two-factor/enable": post(
      "enableTwoFactor",
      "Start TOTP enrolment: a secret (as an otpauth:// URI) and ten recovery codes. Two-factor sign-in is on once verify-totp confirms a code.",
      { "200": json("The secret and the recovery codes, shown once.", "TwoFactorEnrolment"), "400": authError("Wrong password, or TOTP is already on."), "401": unauthenticated, "403": crossSite, "429": SECOND_FACTOR_LIMIT },
      { requestBody: jsonBody("EnableTwoFactorRequest") },
    ),
    "/api/auth/two-factor/get-totp-uri": post(
      "getTotpUri",
      "The enrolled secret again, as an otpauth:// URI (to add another authenticator).",
      { "200": json("The URI.", "TotpUri"), "400": wrongPassword, "401": unauthenticated, "403": crossSite, "429": SECOND_FACTOR_LIMIT },
      { requestBody: jsonBody("PasswordConfirmation") },
    ),
    "/api/auth/two-factor/verify-totp": post(
      "verifyTotp",
      "Check a TOTP code: finishes a sign-in (with the two-factor cookie), or confirms enrolment (with the session cookie).",
      {
        "200": verified,
        "400": authError("This sign-in has had too many wrong codes (`TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE`): sign in with the password again."),
        "401": authError("Wrong code (`INVALID_CODE`), or no valid two-factor cookie (`INVALID_TWO_FACTOR_COOKIE`, e.g. after 10 minutes)."),
        "403": crossSite,
        "429": SECOND_FACTOR_LIMIT,
      },
      { security: step, requestBody: jsonBody("TwoFactorCode") },
    ),
    "/api/auth/two-factor/verify-backup-code": post(
      "verifyBackupCode",
      "Finish a sign-in with a recovery code instead of a TOTP code. Each recovery code works once.",
      {
        "200": verified,
        "400": authError("This sign-in has had too many wrong codes: sign in with the password again."),
        "401": authError("Wrong or already used recovery code (`INVALID_BACKUP_CODE`), or no valid two-factor cookie."),
        "403": crossSite,
        "429": SECOND_FACTOR_LIMIT,
      },
      { security: step, requestBody: jsonBody("TwoFactorCode") },
    ),
    "/api/auth/two-factor/generate-backup-codes": post(
      "generateBackupCodes",
      "Replace the recovery codes with ten new ones.",
      { "200": json("The new codes, shown once.", "BackupCodes"), "400": wrongPassword, "401": unauthenticated, "403": crossSite, "429": SECOND_FACTOR_LIMIT },
      { requestBody: jsonBody("PasswordConfirmation") },
    ),
    "/api/auth/two-factor/disable": post(
      "disableTwoFactor",
      "Turn two-factor sign-in off (needs a recent sign-in and the password); the secret and recovery codes are deleted.",
      { "200": json("Off; a new session cookie replaces this one.", "AuthStatus"), "400": wrongPassword, "401": unauthenticated, "403": crossSite, "429": SECOND_FACTOR_LIMIT },
      { requestBody: jsonBody("PasswordConfirmation") },
    ),
  };
}

/** WebAuthn options and credentials follow the WebAuthn specification (as @simplewebauthn produces and reads them). */
function passkeyPaths(): Record<string, JsonSchema> {
  const webAuthn = (description: string): JsonSchema => ({ description, content: { "application/json": { schema: { type: "object" } } } });
  const get = (operationId: string, summary: string, responses: Record<string, JsonSchema>, security: unknown[] = SESSION): JsonSchema => ({ get: { operationId, summary, security, responses } });
  return {
    "/api/auth/passkey/generate-register-options": get("passkeyRegisterOptions", "WebAuthn creation options for registering a passkey (optional `name` query).", { "200": webAuthn("PublicKeyCredentialCreationOptions."), "401": unauthenticated }),
    "/api/auth/passkey/verify-registration": post("passkeyVerifyRegistration", "Store the passkey the authenticator created (body: { response, name? }).", { "200": webAuthn("The stored passkey."), "400": authError("The registration could not be verified."), "401": unauthenticated, "403": crossSite }),
    "/api/auth/passkey/generate-authenticate-options": get("passkeyAuthenticateOptions", "WebAuthn request options for signing in with a passkey.", { "200": webAuthn("PublicKeyCredentialRequestOptions.") }, [{}]),
    "/api/auth/passkey/verify-authentication": post(
      "passkeyVerifyAuthentication",
      "Sign in with a passkey (body: { response }); the session records `secondFactor: passkey`.",
      { "200": { ...webAuthn("Signed in, with a session cookie."), headers: SESSION_COOKIE_HEADER }, "400": authError("No pending challenge (ask for options first) or a malformed response."), "401": authError("Unknown passkey, or the assertion does not verify."), "403": crossSite, "429": SECOND_FACTOR_LIMIT },
      { security: [] },
    ),
    "/api/auth/passkey/list-user-passkeys": get("listPasskeys", "The caller's passkeys (public keys only).", { "200": { description: "The passkeys.", content: { "application/json": { schema: { type: "array", items: { type: "object" } } } } }, "401": unauthenticated }),
    "/api/auth/passkey/update-passkey": post("updatePasskey", "Rename a passkey (body: { id, name }).", { "200": webAuthn("The passkey."), "401": unauthenticated, "403": crossSite }),
    "/api/auth/passkey/delete-passkey": post("deletePasskey", "Delete one of the caller's passkeys (body: { id }).", { "200": json("Deleted.", "AuthStatus"), "401": unauthenticated, "403": crossSite }),
  };
}

export function authPaths(): Record<string, JsonSchema> {
  return { ...sessionPaths(), ...twoFactorPaths(), ...passkeyPaths() };
}
