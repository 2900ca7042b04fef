"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, type ReactElement } from "react";
import type { NoteFormState } from "@/lib/actions/notes";
import { fieldsKey, keptValue } from "@/lib/form-state";

type Props = {
  action: (state: NoteFormState, formData: FormData) => Promise<NoteFormState>;
  /** Organisations the viewer writes in; a choice appears when there are several. */
  organizations?: { id: string; name: string }[];
  initial?: { body: string; tags: string[]; visibility: "private" | "public" };
  submitLabel: string;
  idPrefix: string;
};

/** The add-note and edit-note form; the server action validates with the same zod schema as the API. */
export function NoteForm({ action, organizations = [], initial, submitLabel, idPrefix }: Props): ReactElement {
  const t = useTranslations("detail.notes");
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="note-form">
      <Fragment key={fieldsKey(state)}>
        {organizations.length > 1 ? (
          <>
            <label className="field-label" htmlFor={`${idPrefix}-org`}>{t("organization")}</label>
            <select id={`${idPrefix}-org`} name="organizationId" defaultValue={keptValue(state, "organizationId")}>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
          </>
        ) : null}
        <label className="field-label" htmlFor={`${idPrefix}-body`}>{t("body")}</label>
        <textarea id={`${idPrefix}-body`} name="body" rows={4} maxLength={10_000} required defaultValue={keptValue(state, "body", initial?.body)} aria-invalid={!!errors.body} />
        {errors.body ? <p role="alert" className="field-error">{errors.body.join(" ")}</p> : null}
        <label className="field-label" htmlFor={`${idPrefix}-tags`}>{t("tagsLabel")}</label>
        <input id={`${idPrefix}-tags`} name="tags" defaultValue={keptValue(state, "tags", initial?.tags.join(", "))} placeholder={t("tagsPlaceholder")} aria-invalid={!!errors.tags} />
        {errors.tags ? <p role="alert" className="field-error">{errors.tags.join(" ")}</p> : null}
        <label className="field-label" htmlFor={`${idPrefix}-visibility`}>{t("visibility")}</label>
        <select id={`${idPrefix}-visibility`} name="visibility" defaultValue={keptValue(state, "visibility", initial?.visibility ?? "private")}>
          <option value="private">{t("private")}</option>
          <option value="public">{t("public")}</option>
        </select>
        {errors.visibility ? <p role="alert" className="field-error">{errors.visibility.join(" ")}</p> : null}
      </Fragment>
      <button type="submit" disabled={pending}>{submitLabel}</button>
      {state.message ? <p role={state.ok ? "status" : "alert"}>{state.message}</p> : null}
    </form>
  );
}
