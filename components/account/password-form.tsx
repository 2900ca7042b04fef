"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactElement } from "react";
import { changePasswordAction, type AccountFormState } from "@/lib/actions/account";
import { NEW_PASSWORD_MIN } from "@/lib/account/limits";
import { Field, FormMessage } from "./form-bits";
import styles from "./account.module.css";

/** A new password (typed twice, at least 12 characters) ends every other session; this one goes on. */
export function PasswordForm(): ReactElement {
  const t = useTranslations("account.password");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(changePasswordAction, { ok: true });
  return (
    <form action={action} className={styles.form}>
      <Field state={state} id="password-current" name="currentPassword" type="password" label={t("current")} autoComplete="current-password" />
      <Field state={state} id="password-new" name="newPassword" type="password" label={t("new")} autoComplete="new-password" hint={t("newHint", { min: NEW_PASSWORD_MIN })} />
      <Field state={state} id="password-confirm" name="confirmPassword" type="password" label={t("confirm")} autoComplete="new-password" />
      <button type="submit" disabled={pending}>
        {t("submit")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
