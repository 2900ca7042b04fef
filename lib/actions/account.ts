"use server";

import { z } from "zod";
import { totpEnrolment, type TotpEnrolment } from "@/lib/account/totp";
import type { FormState } from "@/lib/form-state";
import { listsByKey } from "@/lib/http/params";
import { accountTranslator, type Translate } from "@/lib/i18n/action-messages";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import {
  changePasswordSchema,
  DISPLAY_NAME_MAX,
  disableTwoFactorSchema,
  displayNameSchema,
  NEW_PASSWORD_MIN,
  passkeyNameSchema,
  PASSWORD_MAX,
  passwordFormSchema,
  recordIdSchema,
  totpCodeSchema,
} from "@/lib/schemas/account-settings";
import { deletePasskey, renamePasskey } from "@/lib/server/account/passkeys";
import { renameUser } from "@/lib/server/account/profile";
import { AccountRefusal } from "@/lib/server/account/refusal";
import { changePassword, currentSessionId, endOtherSessions, revokeSession } from "@/lib/server/account/sessions";
import { confirmTwoFactorEnrolment, disableTwoFactor, regenerateRecoveryCodes, startTwoFactorEnrolment } from "@/lib/server/account/two-factor";
import { NotFoundError, UnauthenticatedError } from "@/lib/server/http-errors";
import { currentRequestHeaders, getViewer } from "@/lib/server/permissions";

/**
 * The account page's forms (/account): each acts on the signed-in person's own account only, and the server function
 * it calls checks that again. Work without JavaScript (plain form posts), except adding a passkey, which the browser's
 * WebAuthn API does.
 */
export type AccountFormState = FormState & { code?: "unauthenticated" | "not-found" };

/** The two-factor section's answer: the QR code and secret to enrol, or the recovery codes, shown this once. */
export type TwoFactorState = AccountFormState & {
  enrolment?: TotpEnrolment;
  recoveryCodes?: string[];
  /** When the step succeeded: the section shows what the latest of its forms did. */
  at?: number;
};

/** Never sent back to the browser in a refusal (the form's fields are emptied instead). */
const SECRET_FIELDS = new Set(["password", "currentPassword", "newPassword", "confirmPassword", "code", "uri"]);
const FIELD_MESSAGES = new Set(["required", "tooLong", "invisible", "codeFormat", "totpFormat", "passwordTooShort", "passwordTooLong", "passwordsDiffer"]);

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

function refusedWith(formData: FormData, state: Omit<AccountFormState, "ok" | "values">): AccountFormState {
  const values = Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION") && !SECRET_FIELDS.has(entry[0])));
  return { ...state, ok: false, values, attempt: Date.now() };
}

/** A refusal the person can act on, in their language; anything else goes to the error page. */
function refusal(error: unknown, t: Translate, formData: FormData): AccountFormState {
  if (error instanceof z.ZodError) {
    const fieldErrors = listsByKey(
      error.issues.map((issue) => {
        const key = FIELD_MESSAGES.has(issue.message) ? issue.message : "invalid";
        return [String(issue.path[0] ?? "form"), t(`fieldErrors.${key}`, { max: DISPLAY_NAME_MAX, min: NEW_PASSWORD_MIN, passwordMax: PASSWORD_MAX })] as const;
      }),
    );
    return refusedWith(formData, { fieldErrors });
  }
  if (error instanceof UnauthenticatedError) return refusedWith(formData, { code: "unauthenticated", message: t("refusals.signIn") });
  if (error instanceof NotFoundError) return refusedWith(formData, { code: "not-found", message: t("refusals.gone") });
  if (error instanceof AccountRefusal) {
    const message = t(`refusals.${error.reason}`, { seconds: error.retryAfter ?? 60 });
    return refusedWith(formData, error.field ? { fieldErrors: { [error.field]: [message] } } : { message });
  }
  throw error;
}

function done(message: string): AccountFormState {
  revalidateLocalizedPath("/account");
  return { ok: true, message };
}

/** Changes the display name co-members see (hole 4: validated, never a co-member's name, audited). */
export async function renameAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const t = await accountTranslator();
  try {
    const { name } = z.object({ name: displayNameSchema }).parse({ name: text(formData, "name") });
    const { changed } = await renameUser(await getViewer(), name);
    return done(t(changed ? "name.renamed" : "name.unchanged", { name }));
  } catch (error) {
    return refusal(error, t, formData);
  }
}

/** Two-factor enrolment, step 1: the password, then the QR code and secret to add to an authenticator app. */
export async function startTwoFactorAction(_state: TwoFactorState, formData: FormData): Promise<TwoFactorState> {
  const t = await accountTranslator();
  try {
    const { password } = passwordFormSchema.parse({ password: text(formData, "password") });
    return { ok: true, enrolment: await startTwoFactorEnrolment(await getViewer(), await currentRequestHeaders(), password), at: Date.now() };
  } catch (error) {
    return refusal(error, t, formData);
  }
}

/** Step 2: a code from the app turns two-factor sign-in on; the recovery codes are shown once. */
export async function confirmTwoFactorAction(_state: TwoFactorState, formData: FormData): Promise<TwoFactorState> {
  const t = await accountTranslator();
  try {
    const { code } = z.object({ code: totpCodeSchema }).parse({ code: text(formData, "code") });
    const recoveryCodes = await confirmTwoFactorEnrolment(await getViewer(), await currentRequestHeaders(), code);
    revalidateLocalizedPath("/account");
    return { ok: true, message: t("twoFactor.enabled"), recoveryCodes, at: Date.now() };
  } catch (error) {
    // The QR code again (from the form's own copy of the URI), so a mistyped code can simply be typed again.
    const enrolment = totpEnrolment(text(formData, "uri") ?? "") ?? undefined;
    return { ...refusal(error, t, formData), enrolment };
  }
}

export async function regenerateRecoveryCodesAction(_state: TwoFactorState, formData: FormData): Promise<TwoFactorState> {
  const t = await accountTranslator();
  try {
    const { password } = passwordFormSchema.parse({ password: text(formData, "password") });
    const recoveryCodes = await regenerateRecoveryCodes(await getViewer(), await currentRequestHeaders(), password);
    return { ok: true, message: t("twoFactor.regenerated"), recoveryCodes, at: Date.now() };
  } catch (error) {
    return refusal(error, t, formData);
  }
}

/** Turns two-factor sign-in off: the password and a current code (from the app, or a recovery code). */
export async function disableTwoFactorAction(_state: TwoFactorState, formData: FormData): Promise<TwoFactorState> {
  const t = await accountTranslator();
  try {
    const input = disableTwoFactorSchema.parse({ password: text(formData, "password"), code: text(formData, "code") });
    await disableTwoFactor(await getViewer(), await currentRequestHeaders(), input);
    return { ...done(t("twoFactor.disabled")), at: Date.now() };
  } catch (error) {
    return refusal(error, t, formData);
  }
}

/** Changes the password; every other session ends, this one goes on. */
export async function changePasswordAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const t = await accountTranslator();
  try {
    const { currentPassword, newPassword } = changePasswordSchema.parse({
      currentPassword: text(formData, "currentPassword"),
      newPassword: text(formData, "newPassword"),
      confirmPassword: text(formData, "confirmPassword"),
    });
    await changePassword(await getViewer(), await currentRequestHeaders(), { currentPassword, newPassword });
    return done(t("password.changed"));
  } catch (error) {
    return refusal(error, t, formData);
  }
}

/** Ends one of the person's other sessions, by id (audited as "session.revoke"). */
export async function revokeSessionAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const t = await accountTranslator();
  try {
    const { sessionId } = z.object({ sessionId: recordIdSchema }).parse({ sessionId: text(formData, "sessionId") });
    const requestHeaders = await currentRequestHeaders();
    await revokeSession(await getViewer(), await currentSessionId(requestHeaders), sessionId);
    return done(t("sessions.ended"));
  } catch (error) {
    return refusal(error, t, formData);
  }
}

export async function endOtherSessionsAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const t = await accountTranslator();
  try {
    await endOtherSessions(await getViewer(), await currentRequestHeaders());
    return done(t("sessions.endedOthers"));
  } catch (error) {
    return refusal(error, t, formData);
  }
}

export async function deletePasskeyAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const t = await accountTranslator();
  try {
    const { passkeyId } = z.object({ passkeyId: recordIdSchema }).parse({ passkeyId: text(formData, "passkeyId") });
    await deletePasskey(await getViewer(), await currentRequestHeaders(), passkeyId);
    return done(t("passkeys.deleted"));
  } catch (error) {
    return refusal(error, t, formData);
  }
}

export async function renamePasskeyAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const t = await accountTranslator();
  try {
    const { passkeyId, name } = z.object({ passkeyId: recordIdSchema, name: passkeyNameSchema }).parse({ passkeyId: text(formData, "passkeyId"), name: text(formData, "name") });
    await renamePasskey(await getViewer(), await currentRequestHeaders(), passkeyId, name);
    return done(t("passkeys.renamed", { name }));
  } catch (error) {
    return refusal(error, t, formData);
  }
}
