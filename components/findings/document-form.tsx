"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, type ReactElement } from "react";
import type { FindingFormState } from "@/lib/actions/findings";
import { fieldsKey, keptValue } from "@/lib/form-state";
import { UN_MECHANISMS } from "@/lib/findings/values";
import { Link } from "@/lib/i18n/navigation";
import { describedBy, FieldError } from "@/components/recommendations/field-error";
import styles from "./findings.module.css";

type Props = {
  action: (state: FindingFormState, formData: FormData) => Promise<FindingFormState>;
  /** Organisations the viewer adds records for; a choice appears when there are several. Empty when editing. */
  organizations?: { id: string; name: string }[];
  /** The document's values when editing (its symbol stays). */
  initial?: { mechanism: string; body: string; title: string | null; date: string | null; url: string | null; language: string };
  idPrefix: string;
};

/** Adds or edits a UN document; the server action validates with the same zod schema. */
export function DocumentForm({ action, organizations = [], initial, idPrefix }: Props): ReactElement {
  const t = useTranslations("findings");
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const id = (name: string) => `${idPrefix}-${name}`;
  const field = (name: string) => ({ id: id(name), name, ...describedBy(state, name, id(`${name}-error`)) });
  return (
    <form action={formAction} className={styles.form}>
      <Fragment key={fieldsKey(state)}>
        {organizations.length > 1 ? (
          <p>
            <label className="field-label" htmlFor={id("organizationId")}>{t("form.organization")}</label>
            <select {...field("organizationId")} defaultValue={keptValue(state, "organizationId")}>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
            <FieldError state={state} name="organizationId" id={id("organizationId-error")} />
          </p>
        ) : null}
        {initial ? null : (
          <p>
            <label className="field-label" htmlFor={id("symbol")}>{t("form.symbol")}</label>
            <input {...field("symbol")} required maxLength={200} autoComplete="off" placeholder={t("form.symbolHint")} defaultValue={keptValue(state, "symbol")} />
            <FieldError state={state} name="symbol" id={id("symbol-error")} />
          </p>
        )}
        <p>
          <label className="field-label" htmlFor={id("mechanism")}>{t("form.mechanism")}</label>
          <select {...field("mechanism")} defaultValue={keptValue(state, "mechanism", initial?.mechanism ?? "TREATY_BODY")}>
            {UN_MECHANISMS.map((m) => (
              <option key={m} value={m}>{t(`mechanisms.${m}`)}</option>
            ))}
          </select>
        </p>
        <p>
          <label className="field-label" htmlFor={id("body")}>{t("form.body")}</label>
          <input {...field("body")} required maxLength={200} placeholder={t("form.bodyHint")} defaultValue={keptValue(state, "body", initial?.body)} />
          <FieldError state={state} name="body" id={id("body-error")} />
        </p>
        <p>
          <label className="field-label" htmlFor={id("title")}>{t("form.title")}</label>
          <input {...field("title")} maxLength={500} defaultValue={keptValue(state, "title", initial?.title ?? "")} />
          <FieldError state={state} name="title" id={id("title-error")} />
        </p>
        <p>
          <label className="field-label" htmlFor={id("date")}>{t("form.date")}</label>
          <input {...field("date")} type="date" defaultValue={keptValue(state, "date", initial?.date ?? "")} />
          <FieldError state={state} name="date" id={id("date-error")} />
        </p>
        <p>
          <label className="field-label" htmlFor={id("url")}>{t("form.url")}</label>
          <input {...field("url")} type="url" maxLength={2000} defaultValue={keptValue(state, "url", initial?.url ?? "")} />
          <FieldError state={state} name="url" id={id("url-error")} />
        </p>
        <p>
          <label className="field-label" htmlFor={id("language")}>{t("form.language")}</label>
          <input {...field("language")} maxLength={20} size={6} defaultValue={keptValue(state, "language", initial?.language ?? "en")} />
          <FieldError state={state} name="language" id={id("language-error")} />
        </p>
      </Fragment>
      <button type="submit" disabled={pending}>{pending ? t("form.saving") : initial ? t("form.saveDocument") : t("form.addDocument")}</button>
      <FormOutcome state={state} />
    </form>
  );
}

/** The form's answer: a refusal, or the saved record with a link to it. */
export function FormOutcome({ state }: { state: FindingFormState }): ReactElement | null {
  const t = useTranslations("findings.form");
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} data-testid="finding-form-outcome">
      {state.message}{" "}
      {state.ok && state.href ? (
        <Link href={state.href} data-testid="finding-form-link">
          {t("open")}
        </Link>
      ) : null}
    </p>
  );
}
