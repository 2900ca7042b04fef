"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, type ReactElement } from "react";
import type { FindingLinkFormState } from "@/lib/actions/finding-links";
import { FINDING_STANCES } from "@/lib/finding-links/values";
import { ActionMessage } from "./action-message";
import { OrganizationChoice } from "./organization-choice";

type Props = {
  action: (state: FindingLinkFormState, formData: FormData) => Promise<FindingLinkFormState>;
  findingId: number;
  /** Names the finding in the buttons' accessible names, e.g. "CERD/C/CHN/CO/14-17 paragraph 36". */
  subject: string;
  organizations: { id: string; name: string }[];
};

/** Confirm (with a stance) or Reject one suggested finding: one form, two submit buttons, keyboard and no-JS friendly. */
export function SuggestionDecision({ action, findingId, subject, organizations }: Props): ReactElement {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const id = useId();
  const t = useTranslations("findingLinks.form");
  return (
    <form action={formAction} className="link-decision">
      <input type="hidden" name="findingId" value={findingId} />
      <input type="hidden" name="suggested" value="1" />
      <OrganizationChoice id={id} organizations={organizations} />
      <label htmlFor={`${id}-stance`} className="visually-hidden">
        {t("stanceFor", { subject })}
      </label>
      <select id={`${id}-stance`} name="stance" defaultValue="contradicts">
        {FINDING_STANCES.map((stance) => (
          <option key={stance} value={stance}>
            {t(`stances.${stance}`)}
          </option>
        ))}
      </select>
      <button type="submit" name="decision" value="confirmed" disabled={pending} aria-label={t("confirmLabel", { subject })}>
        {t("confirm")}
      </button>
      <button type="submit" name="decision" value="rejected" disabled={pending} aria-label={t("rejectLabel", { subject })}>
        {t("reject")}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
