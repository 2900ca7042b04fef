"use client";

import { useActionState, type ReactElement } from "react";
import type { ActionCategoryFormState } from "@/lib/actions/action-categories";
import { ACTION_CATEGORY_LABELS } from "@/lib/labels";

type Action = (state: ActionCategoryFormState, formData: FormData) => Promise<ActionCategoryFormState>;

/** The override form: a category and a required reason; the server action validates with the API's zod schema. */
export function ActionCategoryForm({ action, organizations }: { action: Action; organizations: { id: string; name: string }[] }): ReactElement {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="note-form" aria-label="Change the action category">
      {organizations.length > 1 ? (
        <>
          <label className="field-label" htmlFor="action-category-org">Organisation</label>
          <select id="action-category-org" name="organizationId">
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
        </>
      ) : null}
      <label className="field-label" htmlFor="action-category-value">Category</label>
      <select id="action-category-value" name="category" defaultValue="" required aria-invalid={!!errors.category}>
        <option value="" disabled>Choose…</option>
        {Object.entries(ACTION_CATEGORY_LABELS).map(([value, name]) => (
          <option key={value} value={value}>{`${value} – ${name}`}</option>
        ))}
      </select>
      {errors.category ? <p role="alert" className="field-error">{errors.category.join(" ")}</p> : null}
      <label className="field-label" htmlFor="action-category-reason">Reason (shown with the category)</label>
      <textarea id="action-category-reason" name="reason" rows={3} maxLength={2_000} required aria-invalid={!!errors.reason} />
      {errors.reason ? <p role="alert" className="field-error">{errors.reason.join(" ")}</p> : null}
      <button type="submit" disabled={pending}>Save category</button>
      {state.message ? <p role={state.ok ? "status" : "alert"}>{state.message}</p> : null}
    </form>
  );
}

/** Clears the organisation's override: the source's or derived category applies again. */
export function ClearOverrideButton({ action, original }: { action: Action; original: string }): ReactElement {
  const [state, formAction, pending] = useActionState(action, { ok: true });
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending}>Clear override (back to {original})</button>
      {state.message ? <p role={state.ok ? "status" : "alert"}>{state.message}</p> : null}
    </form>
  );
}
