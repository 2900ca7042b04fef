"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, type ReactElement } from "react";
import type { FindingFormState } from "@/lib/actions/findings";
import { fieldsKey, keptValue } from "@/lib/form-state";
import { describedBy, FieldError } from "@/components/recommendations/field-error";
import { FormOutcome } from "./document-form";
import styles from "./findings.module.css";

type Props = {
  action: (state: FindingFormState, formData: FormData) => Promise<FindingFormState>;
  organizations?: { id: string; name: string }[];
  /** The document the finding is added to (a hidden field); absent when editing. */
  symbol?: string;
  /** The States to choose from, by name in the reader's language. */
  states: { iso3: string; name: string }[];
  initial?: { paragraph: string | null; text: string; stateIso3: string; themes: string[]; affectedPersons: string[] };
  defaultState?: string;
  idPrefix: string;
};

/** Adds a finding to a document, or edits one; the server action validates with the same zod schema. */
export function FindingForm({ action, organizations = [], symbol, states, initial, defaultState, idPrefix }: Props): ReactElement {
  const t = useTranslations("findings");
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const id = (name: string) => `${idPrefix}-${name}`;
  const field = (name: string) => ({ id: id(name), name, ...describedBy(state, name, id(`${name}-error`)) });
  return (
    <form action={formAction} className={styles.form}>
      {symbol ? <input type="hidden" name="symbol" value={symbol} /> : null}
      <Fragment key={fieldsKey(state)}>
        {organizations.length > 1 ? (
          <p>
            <label className="field-label" htmlFor={id("organizationId")}>{t("form.organization")}</label>
            <select {...field("organizationId")} defaultValue={keptValue(state, "organizationId")}>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
          </p>
        ) : null}
        <FieldError state={state} name="symbol" id={id("symbol-error")} />
        <p>
          <label className="field-label" htmlFor={id("paragraph")}>{t("form.paragraph")}</label>
          <input {...field("paragraph")} maxLength={40} size={8} defaultValue={keptValue(state, "paragraph", initial?.paragraph ?? "")} />
          <FieldError state={state} name="paragraph" id={id("paragraph-error")} />
        </p>
        <p>
          <label className="field-label" htmlFor={id("text")}>{t("form.text")}</label>
          <textarea {...field("text")} rows={6} required maxLength={20_000} defaultValue={keptValue(state, "text", initial?.text)} />
          <FieldError state={state} name="text" id={id("text-error")} />
        </p>
        <p>
          <label className="field-label" htmlFor={id("stateIso3")}>{t("form.state")}</label>
          <select {...field("stateIso3")} required defaultValue={keptValue(state, "stateIso3", initial?.stateIso3 ?? defaultState)}>
            {states.map((s) => (
              <option key={s.iso3} value={s.iso3}>{s.name}</option>
            ))}
          </select>
          <FieldError state={state} name="stateIso3" id={id("stateIso3-error")} />
        </p>
        <p>
          <label className="field-label" htmlFor={id("themes")}>{t("form.themes")}</label>
          <textarea {...field("themes")} rows={2} defaultValue={keptValue(state, "themes", initial?.themes.join("\n") ?? "")} />
          <FieldError state={state} name="themes" id={id("themes-error")} />
        </p>
        <p>
          <label className="field-label" htmlFor={id("affectedPersons")}>{t("form.affectedPersons")}</label>
          <textarea {...field("affectedPersons")} rows={2} defaultValue={keptValue(state, "affectedPersons", initial?.affectedPersons.join("\n") ?? "")} />
          <FieldError state={state} name="affectedPersons" id={id("affectedPersons-error")} />
        </p>
      </Fragment>
      <button type="submit" disabled={pending}>{pending ? t("form.saving") : initial ? t("form.saveFinding") : t("form.addFinding")}</button>
      <FormOutcome state={state} />
    </form>
  );
}
