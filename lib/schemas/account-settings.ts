import { z } from "zod";
import { DISPLAY_NAME_MAX, NEW_PASSWORD_MIN, PASSWORD_MAX } from "@/lib/account/limits";

export { DISPLAY_NAME_MAX, NEW_PASSWORD_MIN, PASSWORD_MAX };

/**
 * The account page's forms, shared by the server actions and their tests. Each message is a key of the `account`
 * catalogue's `fieldErrors`, so the form shows it in the reader's language.
 */


/**
 * Control characters (C0, C1) and invisible format characters (zero-width spaces and joiners, bidirectional
 * overrides): none has a place in a name, and the invisible ones would let a name look like a co-member's while
 * comparing as different.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** A label a person chose (display name, passkey name): trimmed, NFC, 1–80 characters, nothing invisible. */
function labelSchema(max: number) {
  return z
    .string({ error: "required" })
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .refine((value) => value.length > 0, { error: "required", abort: true })
        .refine((value) => Array.from(value).length <= max, "tooLong")
        .refine((value) => !INVISIBLE.test(value), "invisible"),
    );
}

export const displayNameSchema = labelSchema(DISPLAY_NAME_MAX);
export const passkeyNameSchema = labelSchema(DISPLAY_NAME_MAX);

/**
 * How two display names compare when a rename must not take a co-member's: compatibility-normalised (a full-width
 * "Ａ" is an "A"), case-folded, with runs of spaces as one.
 */
export function comparableName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

const passwordSchema = z.string({ error: "required" }).min(1, "required").max(PASSWORD_MAX, "passwordTooLong");

export const passwordFormSchema = z.object({ password: passwordSchema });

/** A 6-digit code from the authenticator app, or a recovery code ("Ab3dE-f9HjK"); spaces typed inside are dropped. */
export const codeSchema = z
  .string({ error: "required" })
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().min(1, { error: "required", abort: true }).regex(/^(\d{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5})$/, "codeFormat"));

/** Only a code from the app confirms an enrolment: it proves the app holds the secret. */
export const totpCodeSchema = z
  .string({ error: "required" })
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().min(1, { error: "required", abort: true }).regex(/^\d{6}$/, "totpFormat"));

export const disableTwoFactorSchema = z.object({ password: passwordSchema, code: codeSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: passwordSchema,
    newPassword: z.string({ error: "required" }).min(NEW_PASSWORD_MIN, "passwordTooShort").max(PASSWORD_MAX, "passwordTooLong"),
    confirmPassword: z.string({ error: "required" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" });

/** A session's or a passkey's id as the page's forms send it. */
export const recordIdSchema = z.string({ error: "required" }).trim().min(1, "required").max(200, "invalid");
