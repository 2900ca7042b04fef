/** What can go wrong with a passkey sign-in, as the keys of auth.passkey.errors. */
export const PASSKEY_ERRORS = ["cancelled", "unknown", "tooMany", "failed"] as const;
export type PasskeyError = (typeof PASSKEY_ERRORS)[number];

/**
 * The passkey button's words (auth.passkey), translated by the sign-in page on the server and handed to the button, so
 * the page sends the browser no message catalogue or formatter. A module of its own: a server component reads
 * PASSKEY_ERRORS, which it could not from the button's client module.
 */
export type PasskeyWords = { or: string; button: string; pending: string; errors: Record<PasskeyError, string> };

export function passkeyWords(t: (key: string) => string): PasskeyWords {
  return {
    or: t("or"),
    button: t("button"),
    pending: t("pending"),
    errors: Object.fromEntries(PASSKEY_ERRORS.map((key) => [key, t(`errors.${key}`)])) as Record<PasskeyError, string>,
  };
}
