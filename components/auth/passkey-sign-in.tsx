"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactElement } from "react";
import { authClient, usePasskeySupport } from "@/lib/auth/client";
import type { PasskeyError, PasskeyWords } from "@/lib/auth/passkey-words";
import { withLocale, type Locale } from "@/lib/i18n/routing";

/** better-auth's answer to a passkey sign-in, as a key of auth.passkey.errors. */
function errorKey(error: { code?: string; status?: number }): PasskeyError {
  if (error.status === 429) return "tooMany";
  if (error.code === "AUTH_CANCELLED" || error.code === "ERROR_CEREMONY_ABORTED") return "cancelled";
  if (error.code === "PASSKEY_NOT_FOUND") return "unknown";
  return "failed";
}

/**
 * "Use a passkey" on the sign-in page: the browser's WebAuthn API proves the person holds a passkey registered on their account
 * page, and better-auth opens a session (counted as a second factor). Shown only where it can work: with JavaScript,
 * in a browser that offers passkeys.
 */
export function PasskeySignIn({ locale, words }: { locale: Locale; words: PasskeyWords }): ReactElement | null {
  const router = useRouter();
  const supported = usePasskeySupport();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (supported !== "yes") return null;

  async function signIn(): Promise<void> {
    setPending(true);
    setError(null);
    try {
      const answer = await authClient().signIn.passkey();
      if (answer.error) {
        setError(words.errors[errorKey(answer.error)]);
        return;
      }
      router.push(withLocale("/", locale));
      router.refresh();
    } catch {
      setError(words.errors.failed);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="passkey-sign-in">
      <p>{words.or}</p>
      <button type="button" onClick={() => void signIn()} disabled={pending}>
        {pending ? words.pending : words.button}
      </button>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
