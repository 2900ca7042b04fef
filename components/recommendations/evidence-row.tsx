"use client";

import { useTranslations } from "next-intl";
import { STANCE_CHOICES } from "@/lib/assessments/evidence-rows";
import { keptValue, type FormState } from "@/lib/form-state";
import { FieldError, describedBy } from "./field-error";
import styles from "./assessment-form.module.css";

/** A UN finding linked to the recommendation, offered instead of typing its document's symbol. */
export type FindingChoice = { id: number; label: string };

/**
 * One row of evidence: every field with a visible label tied to it, and a hidden "Evidence 2" at the start of each
 * label, so a screen reader (or voice control) names the field and its row. The stance is a required choice with no
 * default, worded against the government's response; the form refuses a row without one, naming the row.
 */
export function EvidenceRow({ row, state, idPrefix, findings = [] }: { row: number; state: FormState; idPrefix: string; findings?: readonly FindingChoice[] }) {
  const t = useTranslations("assessments.form");
  const number = row + 1;
  const name = (field: string) => `evidence.${row}.${field}`;
  const id = (field: string) => `${idPrefix}-${row}-${field}`;
  const prefix = <span className="visually-hidden">{t("rowPrefix", { row: number })}</span>;
  const chosen = keptValue(state, name("stance"));
  return (
    <fieldset className={styles.row} data-testid="evidence-row">
      <legend>{t("evidenceRow", { row: number })}</legend>
      <div className={styles.field}>
        <label htmlFor={id("kind")}>
          {prefix}
          {t("kind")}
        </label>
        <select id={id("kind")} name={name("kind")} defaultValue={keptValue(state, name("kind"), "url")}>
          <option value="url">{t("kindUrl")}</option>
          <option value="un-symbol">{t("kindSymbol")}</option>
        </select>
      </div>
      <div className={`${styles.field} ${styles.wide}`}>
        <label htmlFor={id("reference")}>
          {prefix}
          {t("reference")}
        </label>
        <input id={id("reference")} name={name("reference")} defaultValue={keptValue(state, name("reference"))} placeholder={t("referencePlaceholder")} {...describedBy(state, name("reference"), id("reference-error"))} />
        <FieldError state={state} name={name("reference")} id={id("reference-error")} />
      </div>
      {findings.length > 0 ? (
        <div className={`${styles.field} ${styles.wide}`}>
          <label htmlFor={id("finding")}>
            {prefix}
            {t("finding")}
          </label>
          <select id={id("finding")} name={name("findingId")} defaultValue={keptValue(state, name("findingId"))} {...describedBy(state, name("findingId"), id("finding-error"))}>
            <option value="">{t("noFinding")}</option>
            {findings.map((finding) => (
              <option key={finding.id} value={finding.id}>
                {finding.label}
              </option>
            ))}
          </select>
          <FieldError state={state} name={name("findingId")} id={id("finding-error")} />
        </div>
      ) : null}
      <div className={`${styles.field} ${styles.wide}`}>
        <label htmlFor={id("excerpt")}>
          {prefix}
          {t("excerpt")}
        </label>
        <input id={id("excerpt")} name={name("excerpt")} defaultValue={keptValue(state, name("excerpt"))} {...describedBy(state, name("excerpt"), id("excerpt-error"))} />
        <FieldError state={state} name={name("excerpt")} id={id("excerpt-error")} />
      </div>
      <div className={styles.field}>
        <label htmlFor={id("date")}>
          {prefix}
          {t("date")}
        </label>
        <input id={id("date")} type="date" name={name("date")} defaultValue={keptValue(state, name("date"))} {...describedBy(state, name("date"), id("date-error"))} />
        <FieldError state={state} name={name("date")} id={id("date-error")} />
      </div>
      <fieldset role="radiogroup" className={styles.stance} {...describedBy(state, name("stance"), id("stance-error"))}>
        <legend>
          {prefix}
          {t("stance")} <span className="muted">{t("stanceHint")}</span>
        </legend>
        {STANCE_CHOICES.map((stance) => (
          <label key={stance} className={styles.choice}>
            <input type="radio" name={name("stance")} value={stance} defaultChecked={chosen === stance} /> {t(`stanceOption.${stance}`)}
          </label>
        ))}
        <FieldError state={state} name={name("stance")} id={id("stance-error")} />
      </fieldset>
    </fieldset>
  );
}
