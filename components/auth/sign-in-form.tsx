"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { useState, type FormEvent, type ReactElement } from "react";

/** What the sign-in route's status means for the person at the keyboard (a key of auth.errors). */
function messageFor(status: number): "wrong" | "tooMany" | "failed" {
  if (status === 401) return "wrong";
  if (status === 429) return "tooMany";
  return "failed";
}

/**
 * Posts to better-auth's own route (POST /api/auth/sign-in/email), so the rate limit and the session cookie are
 * exactly those of the HTTP API.
 */
export function SignInForm(): ReactElement {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (!response.ok) {
        setError(t(`errors.${messageFor(response.status)}`));
        return;
      }
      router.push("/");
      router.refresh();
    } catch {
      setError(t("errors.offline"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="sign-in-form" onSubmit={(event) => void onSubmit(event)}>
      <label className="field-label" htmlFor="sign-in-email">
        {t("email")}
      </label>
      <input id="sign-in-email" name="email" type="email" autoComplete="username" required />
      <label className="field-label" htmlFor="sign-in-password">
        {t("password")}
      </label>
      <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required />
      <p role="alert" className="form-error">
        {error}
      </p>
      <button type="submit" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
