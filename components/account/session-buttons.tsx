"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactElement } from "react";
import { endOtherSessionsAction, revokeSessionAction, type AccountFormState } from "@/lib/actions/account";
import { FormMessage } from "./form-bits";
import styles from "./account.module.css";

/** Ends one other session (a lost phone's, a seized laptop's). `label` names it for screen readers. */
export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }): ReactElement {
  const t = useTranslations("account.sessions");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(revokeSessionAction, { ok: true });
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <button type="submit" className="button-quiet" disabled={pending} aria-label={label}>
        {t("end")}
      </button>
      {!state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function EndOtherSessionsButton(): ReactElement {
  const t = useTranslations("account.sessions");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(endOtherSessionsAction, { ok: true });
  return (
    <form action={action} className={styles.form}>
      <button type="submit" disabled={pending}>
        {t("endOthers")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
