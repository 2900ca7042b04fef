"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactElement } from "react";
import type { FindingLinkFormState } from "@/lib/actions/finding-links";
import { ActionMessage } from "./action-message";

type Props = {
  action: (state: FindingLinkFormState, formData: FormData) => Promise<FindingLinkFormState>;
  findingId: number;
  organizationId: string;
  subject: string;
};

/** Removes the organisation's own link to a finding. */
export function RemoveLinkButton({ action, findingId, organizationId, subject }: Props): ReactElement {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const t = useTranslations("findingLinks.form");
  return (
    <form action={formAction} className="link-decision">
      <input type="hidden" name="findingId" value={findingId} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="decision" value="removed" />
      <button type="submit" disabled={pending} aria-label={t("removeLabel", { subject })}>
        {t("remove")}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
