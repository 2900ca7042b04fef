"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactElement } from "react";
import { authClient, usePasskeySupport } from "@/lib/auth/client";
import { useRouter } from "@/lib/i18n/client-navigation";

/** better-auth's answer to a passkey sign-in, as a key of auth.passkey.errors. */
function errorKey(error: { code?: string; status?: number }): "cancelled" | "unknown" | "tooMany" | "failed" {
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
export function PasskeySignIn(): ReactElement | null {
  const t = useTranslations("auth.passkey");
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
        setError(t(`errors.${errorKey(answer.error)}`));
        return;
      }
      router.push("/");
      router.refresh();
    } catch {
      setError(t("errors.failed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="passkey-sign-in">
      <p>{t("or")}</p>
      <button type="button" onClick={() => void signIn()} disabled={pending}>
        {pending ? t("pending") : t("button")}
      </button>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
