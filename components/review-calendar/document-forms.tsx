"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, type ReactElement } from "react";
import { addReviewDocumentAction, removeReviewDocumentAction } from "@/lib/actions/review-documents";
import { ADDABLE_ROLES } from "@/lib/review-calendar/roles";
import type { ReviewDocumentFormState } from "@/lib/review-calendar/form-state";

const IDLE: ReviewDocumentFormState = { ok: true };
const TEXT_FIELDS = [
  { name: "symbol", type: "text" },
  { name: "date", type: "date" },
  { name: "title", type: "text" },
  { name: "url", type: "url" },
  { name: "author", type: "text" },
] as const;

function Outcome({ state }: { state: ReviewDocumentFormState }): ReactElement | null {
  const t = useTranslations("calendar.form");
  if (!state.code) return null;
  return state.ok ? (
    <p role="status" data-testid="review-document-outcome">
      {t(state.code)}
    </p>
  ) : (
    <p role="alert" className="form-error" data-testid="review-document-outcome">
      {t(state.code)}
    </p>
  );
}

/** The administrators' form that adds a document to the review (the server checks who may, and every field). */
export function AddDocumentForm({ reviewId }: { reviewId: number }): ReactElement {
  const t = useTranslations("calendar");
  const [state, action, pending] = useActionState(addReviewDocumentAction.bind(null, reviewId), IDLE);
  const kept = (name: string) => (!state.ok ? state.values?.[name] : undefined);
  const marked = (name: string) => !state.ok && (state.fields ?? []).includes(name);
  const error = (name: string) =>
    marked(name) ? (
      <span id={`doc-${name}-error`} className="field-error">
        {t(`form.errors.${name}` as "form.errors.symbol")}
      </span>
    ) : null;
  return (
    <form action={action} className="review-document-form" data-testid="review-document-form">
      <h3>{t("form.heading")}</h3>
      <p className="hint">{t("form.hint")}</p>
      <Fragment key={state.ok ? "fields" : `refused-${state.attempt ?? 0}`}>
        <label className="field-label" htmlFor="doc-role">
          {t("form.role")}
        </label>
        <select id="doc-role" name="role" defaultValue={kept("role") ?? "NATIONAL_REPORT"} aria-invalid={marked("role") || undefined} aria-describedby={marked("role") ? "doc-role-error" : undefined}>
          {ADDABLE_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`documents.roles.${role}`)}
            </option>
          ))}
        </select>
        {error("role")}
        {TEXT_FIELDS.map(({ name, type }) => (
          <Fragment key={name}>
            <label className="field-label" htmlFor={`doc-${name}`}>
              {t(`form.${name}`)}
            </label>
            <input
              id={`doc-${name}`}
              name={name}
              type={type}
              defaultValue={kept(name)}
              aria-invalid={marked(name) || undefined}
              aria-describedby={marked(name) ? `doc-${name}-error` : undefined}
            />
            {error(name)}
          </Fragment>
        ))}
      </Fragment>
      <p>
        <button type="submit" disabled={pending}>
          {t("form.submit")}
        </button>
      </p>
      <Outcome state={state} />
    </form>
  );
}

/** A document's "Remove" button for administrators. */
export function RemoveDocumentButton({ documentId, label }: { documentId: number; label: string }): ReactElement {
  const t = useTranslations("calendar");
  const [state, action, pending] = useActionState(removeReviewDocumentAction.bind(null, documentId), IDLE);
  return (
    <form action={action} className="inline-form">
      <button type="submit" disabled={pending} aria-label={t("documents.removeLabel", { document: label })}>
        {t("documents.remove")}
      </button>
      {state.ok ? null : <Outcome state={state} />}
    </form>
  );
}
