import type { SignInError } from "@/lib/auth/sign-in-steps";

type Translate = (key: string, values?: Record<string, number>) => string;

/** A wait of two minutes or more reads in minutes. */
const MINUTES_FROM = 120;

/** The sentence for an error code of the sign-in pages (keys of auth.errors), with the wait after a 429 when known. */
export function signInErrorMessage(t: Translate, error: SignInError | undefined, wait: number | undefined): string | null {
  switch (error) {
    case undefined:
      return null;
    case "too-many":
      if (wait === undefined) return t("errors.tooManyLater");
      return wait >= MINUTES_FROM ? t("errors.tooManyWaitMinutes", { minutes: Math.ceil(wait / 60) }) : t("errors.tooManyWait", { seconds: wait });
    case "too-many-codes":
      return t("errors.tooManyCodes");
    case "wrong-code":
      return t("errors.wrongCode");
    case "wrong-recovery-code":
      return t("errors.wrongRecoveryCode");
    default:
      return t(`errors.${error}`);
  }
}
