import { useLocale, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { PendingSubmitButton } from "./pending-submit-button";

/**
 * A plain HTML form posted to /api/auth-form/sign-in, which forwards it to better-auth's own sign-in route (same rate
 * limit, hooks and origin checks as the JSON API) and answers with a redirect: so signing in works with JavaScript off.
 * `next` is the page to go to once signed in; `error` the sentence the last attempt left.
 */
export function SignInForm({ next, error }: { next: string; error: string | null }): ReactElement {
  const t = useTranslations("auth");
  const locale = useLocale();
  return (
    <form className="sign-in-form" method="post" action="/api/auth-form/sign-in">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <label className="field-label" htmlFor="sign-in-email">
        {t("email")}
      </label>
      <input id="sign-in-email" name="email" type="email" autoComplete="username" required aria-describedby={error ? "sign-in-error" : undefined} />
      <label className="field-label" htmlFor="sign-in-password">
        {t("password")}
      </label>
      <input
        id="sign-in-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-describedby={error ? "sign-in-error" : undefined}
        aria-invalid={error ? true : undefined}
      />
      <p role="alert" id="sign-in-error" className="form-error">
        {error}
      </p>
      <PendingSubmitButton label={t("submit")} pendingLabel={t("pending")} />
    </form>
  );
}
