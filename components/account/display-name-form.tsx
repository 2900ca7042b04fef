"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, type ReactElement } from "react";
import { renameAction, type AccountFormState } from "@/lib/actions/account";
import { fieldsKey, keptValue } from "@/lib/form-state";
import { DISPLAY_NAME_MAX } from "@/lib/account/limits";
import { FieldError, FormMessage } from "./form-bits";
import styles from "./account.module.css";

/** The display name co-members see instead of an email; it may be a pseudonym. */
export function DisplayNameForm({ name }: { name: string }): ReactElement {
  const t = useTranslations("account.name");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(renameAction, { ok: true });
  const invalid = !!state.fieldErrors?.name;
  return (
    <form action={action} className={styles.form}>
      <Fragment key={fieldsKey(state)}>
        <label className="field-label" htmlFor="account-name">
          {t("label")}
        </label>
        <input
          id="account-name"
          name="name"
          required
          maxLength={DISPLAY_NAME_MAX * 2}
          autoComplete="nickname"
          defaultValue={keptValue(state, "name", name)}
          aria-invalid={invalid}
          aria-describedby={invalid ? "account-name-error" : "account-name-hint"}
        />
        <p id="account-name-hint" className="hint">
          {t("hint", { max: DISPLAY_NAME_MAX })}
        </p>
        <FieldError state={state} name="name" id="account-name-error" />
      </Fragment>
      <button type="submit" disabled={pending}>
        {t("submit")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
