import { useLocale, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import type { SignInError } from "@/lib/auth/sign-in-steps";
import { Link } from "@/lib/i18n/navigation";
import { PendingSubmitButton } from "./pending-submit-button";

type Props = { next: string; error: SignInError | undefined; message: string | null };

/**
 * The second-factor step as two plain form posts (so it works without JavaScript): a TOTP code, or a recovery code.
 * Each goes to its route under /api/auth-form/two-factor/, which forwards it to better-auth and redirects. A wrong code
 * is said next to its field; a wait or a failure above both forms.
 */
export function TwoFactorForms({ next, error, message }: Props): ReactElement {
  const t = useTranslations("auth.twoFactor");
  const locale = useLocale();
  const codeError = error === "wrong-code" ? message : null;
  const recoveryError = error === "wrong-recovery-code" ? message : null;
  const general = codeError || recoveryError ? null : message;
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
    </>
  );
  return (
    <section className="sign-in">
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      {general ? (
        <p role="alert" id="two-factor-error" className="form-error">
          {general}
        </p>
      ) : null}
      <form className="sign-in-form" method="post" action="/api/auth-form/two-factor/verify-totp">
        {hidden}
        <label className="field-label" htmlFor="two-factor-code">
          {t("code")}
        </label>
        <input
          id="two-factor-code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          required
          aria-describedby={codeError ? "two-factor-code-hint two-factor-code-error" : "two-factor-code-hint"}
          aria-invalid={codeError ? true : undefined}
        />
        <p id="two-factor-code-hint" className="hint">
          {t("codeHint")}
        </p>
        {codeError ? (
          <p role="alert" id="two-factor-code-error" className="form-error">
            {codeError}
          </p>
        ) : null}
        <PendingSubmitButton label={t("submit")} pendingLabel={t("pending")} />
      </form>

      <h2>{t("recoveryTitle")}</h2>
      <p id="two-factor-recovery-hint">{t("recoveryLede")}</p>
      <form className="sign-in-form" method="post" action="/api/auth-form/two-factor/verify-backup-code">
        {hidden}
        <label className="field-label" htmlFor="two-factor-recovery-code">
          {t("recoveryCode")}
        </label>
        <input
          id="two-factor-recovery-code"
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          required
          aria-describedby={recoveryError ? "two-factor-recovery-hint two-factor-recovery-error" : "two-factor-recovery-hint"}
          aria-invalid={recoveryError ? true : undefined}
        />
        {recoveryError ? (
          <p role="alert" id="two-factor-recovery-error" className="form-error">
            {recoveryError}
          </p>
        ) : null}
        <PendingSubmitButton label={t("recoverySubmit")} pendingLabel={t("pending")} />
      </form>
      <p>
        <Link href="/sign-in">{t("startAgain")}</Link>
      </p>
    </section>
  );
}
