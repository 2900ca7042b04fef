"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, type ReactElement } from "react";
import { describedBy, FieldError } from "@/components/recommendations/field-error";
import type { FindingLinkFormState } from "@/lib/actions/finding-links";
import { FINDING_STANCES, MAX_EXCERPT_LENGTH } from "@/lib/finding-links/values";
import { ActionMessage } from "./action-message";
import { OrganizationChoice } from "./organization-choice";

type Props = {
  action: (state: FindingLinkFormState, formData: FormData) => Promise<FindingLinkFormState>;
  /** The organisations the editor may link for; a choice only when there are several. */
  organizations: { id: string; name: string }[];
};

/** Links a finding by its number or address, with a stance and an optional excerpt: a plain form that posts without JS. */
export function FindingLinkForm({ action, organizations }: Props): ReactElement {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const id = useId();
  const t = useTranslations("findingLinks.form");
  return (
    <form action={formAction} className="finding-link-form" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("heading")}</h3>
      <input type="hidden" name="decision" value="confirmed" />
      <OrganizationChoice id={id} organizations={organizations} />
      <span className="finding-field">
        <label htmlFor={`${id}-finding`}>{t("findingId")}</label>
        <input id={`${id}-finding`} name="findingId" required inputMode="url" autoComplete="off" aria-describedby={`${id}-finding-hint`} {...describedBy(state, "findingId", `${id}-finding-error`)} />
        <span className="hint" id={`${id}-finding-hint`}>
          {t("findingIdHint")}
        </span>
        <FieldError state={state} name="findingId" id={`${id}-finding-error`} />
      </span>
      <span className="finding-field">
        <label htmlFor={`${id}-stance`}>{t("stance")}</label>
        <select id={`${id}-stance`} name="stance" required defaultValue="" {...describedBy(state, "stance", `${id}-stance-error`)}>
          <option value="" disabled>
            {t("chooseStance")}
          </option>
          {FINDING_STANCES.map((stance) => (
            <option key={stance} value={stance}>
              {t(`stances.${stance}`)}
            </option>
          ))}
        </select>
        <FieldError state={state} name="stance" id={`${id}-stance-error`} />
      </span>
      <span className="finding-field">
        <label htmlFor={`${id}-excerpt`}>{t("excerpt")}</label>
        <textarea id={`${id}-excerpt`} name="excerpt" rows={3} maxLength={MAX_EXCERPT_LENGTH} aria-describedby={`${id}-excerpt-hint`} {...describedBy(state, "excerpt", `${id}-excerpt-error`)} />
        <span className="hint" id={`${id}-excerpt-hint`}>
          {t("excerptHint")}
        </span>
        <FieldError state={state} name="excerpt" id={`${id}-excerpt-error`} />
      </span>
      <button type="submit" disabled={pending}>
        {t("submit")}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
