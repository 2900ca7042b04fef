"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, type ReactElement } from "react";
import type { ActionCategoryFormState } from "@/lib/actions/action-categories";
import { fieldsKey, keptValue } from "@/lib/form-state";

type Action = (state: ActionCategoryFormState, formData: FormData) => Promise<ActionCategoryFormState>;

/** The override form: a category and a required reason; the server action validates with the API's zod schema. */
export function ActionCategoryForm({
  action,
  organizations,
  categories,
}: {
  action: Action;
  organizations: { id: string; name: string }[];
  /** The scale's values with their labels in the reader's language ("5 – Specific action"). */
  categories: { value: number; label: string }[];
}): ReactElement {
  const t = useTranslations("detail.action");
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="note-form" aria-label={t("change")}>
      <Fragment key={fieldsKey(state)}>
        {organizations.length > 1 ? (
          <>
            <label className="field-label" htmlFor="action-category-org">{t("organization")}</label>
            <select id="action-category-org" name="organizationId" defaultValue={keptValue(state, "organizationId")}>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
          </>
        ) : null}
        <label className="field-label" htmlFor="action-category-value">{t("category")}</label>
        <select id="action-category-value" name="category" defaultValue={keptValue(state, "category", "")} required aria-invalid={!!errors.category}>
          <option value="" disabled>{t("choose")}</option>
          {categories.map((category) => (
            <option key={category.value} value={category.value}>{category.label}</option>
          ))}
        </select>
        {errors.category ? <p role="alert" className="field-error">{errors.category.join(" ")}</p> : null}
        <label className="field-label" htmlFor="action-category-reason">{t("reason")}</label>
        <textarea id="action-category-reason" name="reason" defaultValue={keptValue(state, "reason")} rows={3} maxLength={2_000} required aria-invalid={!!errors.reason} />
        {errors.reason ? <p role="alert" className="field-error">{errors.reason.join(" ")}</p> : null}
      </Fragment>
      <button type="submit" disabled={pending}>{t("save")}</button>
      {state.message ? <p role={state.ok ? "status" : "alert"}>{state.message}</p> : null}
    </form>
  );
}

/** Clears the organisation's override: the source's or derived category applies again. */
export function ClearOverrideButton({ action, original }: { action: Action; original: string }): ReactElement {
  const t = useTranslations("detail.action");
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending}>{t("clear", { original })}</button>
      {state.message ? <p role={state.ok ? "status" : "alert"}>{state.message}</p> : null}
    </form>
  );
}
