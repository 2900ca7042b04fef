"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState } from "react";
import { createAssessmentAction, type AssessmentFormState } from "@/lib/actions/assessments";
import { fieldsKey, keptValue } from "@/lib/form-state";
import type { AssessmentDto } from "@/lib/schemas/assessment";
import { ASSESSMENT_STATUSES, CONFIDENCES, EVIDENCE_STANCES, MAX_RATIONALE_LENGTH } from "@/lib/schemas/assessment-values";

type Props = {
  recommendationId: number;
  organizationId: string;
  organizationName: string;
  /** The organisation's latest assessment: the new one starts from it (status, confidence, visibility, rationale). */
  latest: AssessmentDto | undefined;
};

function FieldError({ state, name }: { state: AssessmentFormState; name: string }) {
  const messages = state.fieldErrors?.[name];
  return messages ? <span className="field-error" id={`${name}-error`}>{messages.join(" ")}</span> : null;
}

/** Ties a field to its error message, so a screen reader hears it and the field is marked invalid, not only coloured. */
function describedBy(state: AssessmentFormState, name: string): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return state.fieldErrors?.[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};
}

/** Records a new assessment for one organisation; the hidden expectedVersion lets the server refuse a stale save. */
export function AssessmentForm({ recommendationId, organizationId, organizationName, latest }: Props) {
  const [state, formAction, pending] = useActionState(createAssessmentAction.bind(null, recommendationId), { ok: false });
  const t = useTranslations("detail.form");
  const terms = useTranslations("terms");
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form action={formAction} className="assessment-form" aria-label={t("heading", { organization: organizationName })}>
      <Fragment key={fieldsKey(state)}>
        <h3>{t("heading", { organization: organizationName })}</h3>
        <input type="hidden" name="organizationId" value={organizationId} />
        <input type="hidden" name="expectedVersion" value={latest?.version ?? 0} />
        <label>
          {t("status")}{" "}
          <select name="status" defaultValue={keptValue(state, "status", latest?.status ?? "not_assessed")}>
            {ASSESSMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {terms(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("assessedOn")} <input type="date" name="assessedOn" defaultValue={keptValue(state, "assessedOn", today)} required {...describedBy(state, "assessedOn")} />
        </label>
        <FieldError state={state} name="assessedOn" />
        <label>
          {t("confidence")}{" "}
          <select name="confidence" defaultValue={keptValue(state, "confidence", latest?.confidence ?? "medium")}>
            {CONFIDENCES.map((confidence) => (
              <option key={confidence} value={confidence}>
                {terms(`confidence.${confidence}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("visibility")}{" "}
          <select name="visibility" defaultValue={keptValue(state, "visibility", latest?.visibility ?? "private")}>
            <option value="private">{t("privateTo", { organization: organizationName })}</option>
            <option value="public">{t("public")}</option>
          </select>
        </label>
        <label>
          {t("rationale")} <textarea name="rationale" rows={5} maxLength={MAX_RATIONALE_LENGTH} defaultValue={keptValue(state, "rationale", latest?.rationale)} {...describedBy(state, "rationale")} />
        </label>
        <FieldError state={state} name="rationale" />
        <fieldset>
          <legend>{t("evidence")}</legend>
          {[0, 1, 2].map((row) => (
            <div key={row} className="evidence-row">
              <select name={`evidence.${row}.kind`} aria-label={t("evidenceKind", { row: row + 1 })} defaultValue={keptValue(state, `evidence.${row}.kind`, "url")}>
                <option value="url">{t("kindUrl")}</option>
                <option value="un-symbol">{t("kindSymbol")}</option>
              </select>
              <input name={`evidence.${row}.reference`} aria-label={t("evidenceReference", { row: row + 1 })} defaultValue={keptValue(state, `evidence.${row}.reference`)} placeholder={t("referencePlaceholder")} {...describedBy(state, `evidence.${row}.reference`)} />
              <input name={`evidence.${row}.excerpt`} aria-label={t("evidenceExcerpt", { row: row + 1 })} defaultValue={keptValue(state, `evidence.${row}.excerpt`)} placeholder={t("excerptPlaceholder")} />
              <input type="date" name={`evidence.${row}.date`} aria-label={t("evidenceDate", { row: row + 1 })} defaultValue={keptValue(state, `evidence.${row}.date`)} />
              <select name={`evidence.${row}.stance`} aria-label={t("evidenceStance", { row: row + 1 })} defaultValue={keptValue(state, `evidence.${row}.stance`, "supports")}>
                {EVIDENCE_STANCES.map((stance) => (
                  <option key={stance} value={stance}>
                    {terms(`evidenceStance.${stance}`)}
                  </option>
                ))}
              </select>
              <FieldError state={state} name={`evidence.${row}.reference`} />
            </div>
          ))}
        </fieldset>
      </Fragment>
      <button type="submit" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </button>
      {state.message ? <p role={state.ok ? "status" : "alert"}>{state.message}</p> : null}
    </form>
  );
}
