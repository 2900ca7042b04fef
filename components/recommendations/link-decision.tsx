"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, type ReactElement } from "react";
import type { LinkFormState } from "@/lib/actions/recurrence";

type Props = {
  action: (state: LinkFormState, formData: FormData) => Promise<LinkFormState>;
  otherId: number;
  /** Names the counterpart in the buttons' accessible names, e.g. "2nd cycle paragraph 186.107". */
  subject: string;
  /** The organisations the editor may decide for; a choice only when there are several. */
  organizations: { id: string; name: string }[];
};

/** Confirm / Reject for one suggestion: a plain form with two submit buttons, so it works from the keyboard. */
export function LinkDecision({ action, otherId, subject, organizations }: Props): ReactElement {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const id = useId();
  const t = useTranslations("detail.cycles");
  return (
    <form action={formAction} className="link-decision">
      <input type="hidden" name="otherId" value={otherId} />
      {organizations.length > 1 ? (
        <>
          <label htmlFor={`${id}-org`}>{t("decideFor")}</label>
          <select id={`${id}-org`} name="organizationId" defaultValue={organizations[0]!.id}>
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button type="submit" name="decision" value="confirmed" disabled={pending} aria-label={t("confirmLabel", { subject })}>
        {t("confirm")}
      </button>
      <button type="submit" name="decision" value="rejected" disabled={pending} aria-label={t("rejectLabel", { subject })}>
        {t("reject")}
      </button>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "muted" : "field-error"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
