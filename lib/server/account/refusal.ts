import "server-only";
import type { AuthRouteAnswer } from "../auth/call-route";
import { UnauthenticatedError } from "../http-errors";

/** Why an account change was refused, in words the account page turns into a message in the reader's language. */
export type RefusalReason =
  | "wrongPassword"
  | "wrongCode"
  | "tooMany"
  | "alreadyEnabled"
  | "notEnabled"
  | "nameTaken"
  | "currentSession"
  | "sessionNotFresh"
  | "gone"
  | "failed";

/** A refusal the person can act on (a wrong password, a taken name), with the form field it concerns. */
export class AccountRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly field?: string,
    /** Seconds to wait before trying again, for "tooMany". */
    readonly retryAfter?: number,
  ) {
    super(reason);
    this.name = "AccountRefusal";
  }
}

const BY_CODE: Record<string, RefusalReason> = {
  INVALID_PASSWORD: "wrongPassword",
  INVALID_CODE: "wrongCode",
  INVALID_BACKUP_CODE: "wrongCode",
  TOTP_ALREADY_ENABLED: "alreadyEnabled",
  TOTP_NOT_ENABLED: "notEnabled",
  TWO_FACTOR_NOT_ENABLED: "notEnabled",
  BACKUP_CODES_NOT_ENABLED: "notEnabled",
  SESSION_NOT_FRESH: "sessionNotFresh",
  ACCOUNT_TEMPORARILY_LOCKED: "tooMany",
};

/**
 * Throws unless better-auth's answer is a success: AccountRefusal for a refusal the person can act on (the field is
 * the form's password or code field), UnauthenticatedError when the session is gone.
 */
export function expectSuccess(answer: AuthRouteAnswer, fields: { password?: string; code?: string } = {}): Record<string, unknown> {
  if (answer.status >= 200 && answer.status < 300) return answer.body ?? {};
  if (answer.status === 429) throw new AccountRefusal("tooMany", undefined, answer.retryAfter ?? 60);
  const reason = BY_CODE[String(answer.body?.code ?? "")];
  if (reason === "wrongPassword") throw new AccountRefusal(reason, fields.password ?? "password");
  if (reason === "wrongCode") throw new AccountRefusal(reason, fields.code ?? "code");
  if (reason) throw new AccountRefusal(reason);
  if (answer.status === 401) throw new UnauthenticatedError();
  throw new AccountRefusal("failed");
}

/** Every account function acts on the signed-in person's own account: no session, no account. */
export function requireSignedIn<V>(viewer: V | null): V {
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}
