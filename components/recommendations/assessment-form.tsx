"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, useEffect, useRef } from "react";
import type { AssessmentFormState } from "@/lib/actions/assessments";
import { EVIDENCE_ROWS } from "@/lib/assessments/evidence-rows";
import { fieldsKey, keptValue } from "@/lib/form-state";
import type { AssessmentDto } from "@/lib/schemas/assessment";
import { ASSESSMENT_STATUSES, CONFIDENCES, MAX_RATIONALE_LENGTH } from "@/lib/schemas/assessment-values";
import { EvidenceRow, type FindingChoice } from "./evidence-row";
import { FieldError, describedBy } from "./field-error";
import styles from "./assessment-form.module.css";

type Props = {
  /**
   * createAssessmentAction bound to the recommendation on the server. Bound here, in the browser's render, its bound
   * arguments would be a new promise on every render, and a form posted without JavaScript would never render back.
   */
  action: (state: AssessmentFormState, formData: FormData) => Promise<AssessmentFormState>;
  organizationId: string;
  organizationName: string;
  /** The organisation's latest assessment: the new one starts from it (status, confidence, visibility, rationale). */
  latest: AssessmentDto | undefined;
  /** The UN findings linked to the recommendation, which an evidence row may cite instead of a typed symbol. */
  findings?: readonly FindingChoice[];
};

/** Which version the form starts from, so after a save it visibly starts from the one just saved. */
function StartsFrom({ latest }: { latest: AssessmentDto | undefined }) {
  const t = useTranslations("assessments.form");
  const terms = useTranslations("terms");
  if (!latest) return <p className="muted">{t("firstVersion")}</p>;
  const visibility = latest.withdrawal ? t("visibilityWithdrawn") : latest.visibility === "public" ? t("visibilityPublic") : t("visibilityPrivate");
  return (
    <p className="muted" data-testid="form-starts-from">
      {t("startsFrom", { version: latest.version, status: terms(`status.${latest.status}`), visibility })}
    </p>
  );
}

/**
 * Records a new assessment for one organisation; the hidden expectedVersion lets the server refuse a stale save. The
 * outcome is said at the top of the form and focused. After a save (or a withdrawal) the page is revalidated and the
 * fields remount from the latest version (their key names it), so the form shows the version just saved, not what
 * was typed.
 */
export function AssessmentForm({ action, organizationId, organizationName, latest, findings }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const t = useTranslations("assessments.form");
  const terms = useTranslations("terms");
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.message) outcome.current?.focus();
  }, [state]);
  const today = new Date().toISOString().slice(0, 10);
  const id = (name: string) => `assessment-${organizationId}-${name}`;
  // After a withdrawal the next version starts private: saving it again as it was must not publish the mistake again.
  const visibility = latest && !latest.withdrawal ? latest.visibility : "private";
  return (
    <form action={formAction} className={`assessment-form ${styles.form}`} aria-label={t("heading", { organization: organizationName })}>
      <h3>{t("heading", { organization: organizationName })}</h3>
      {state.message ? (
        <p ref={outcome} tabIndex={-1} role={state.ok ? "status" : "alert"} className={state.ok ? styles.saved : styles.refused}>
          {state.message}
        </p>
      ) : null}
      <Fragment key={`${fieldsKey(state)}-${latest?.id ?? "none"}-${latest?.withdrawal ? "withdrawn" : ""}`}>
        <StartsFrom latest={latest} />
        <input type="hidden" name="organizationId" value={organizationId} />
        <input type="hidden" name="expectedVersion" value={latest?.version ?? 0} />
        <label htmlFor={id("status")}>{t("status")}</label>
        <select id={id("status")} name="status" defaultValue={keptValue(state, "status", latest?.status ?? "not_assessed")}>
          {ASSESSMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {terms(`status.${status}`)}
            </option>
          ))}
        </select>
        <label htmlFor={id("assessedOn")}>{t("assessedOn")}</label>
        <input id={id("assessedOn")} type="date" name="assessedOn" defaultValue={keptValue(state, "assessedOn", today)} required {...describedBy(state, "assessedOn")} />
        <FieldError state={state} name="assessedOn" />
        <label htmlFor={id("confidence")}>{t("confidence")}</label>
        <select id={id("confidence")} name="confidence" defaultValue={keptValue(state, "confidence", latest?.confidence ?? "medium")}>
          {CONFIDENCES.map((confidence) => (
            <option key={confidence} value={confidence}>
              {terms(`confidence.${confidence}`)}
            </option>
          ))}
        </select>
        <label htmlFor={id("visibility")}>{t("visibility")}</label>
        <select id={id("visibility")} name="visibility" defaultValue={keptValue(state, "visibility", visibility)}>
          <option value="private">{t("privateTo", { organization: organizationName })}</option>
          <option value="public">{t("public")}</option>
        </select>
        <label htmlFor={id("rationale")}>{t("rationale")}</label>
        <textarea id={id("rationale")} name="rationale" rows={5} maxLength={MAX_RATIONALE_LENGTH} defaultValue={keptValue(state, "rationale", latest?.rationale)} {...describedBy(state, "rationale")} />
        <FieldError state={state} name="rationale" />
        <fieldset className={styles.evidence}>
          <legend>{t("evidence")}</legend>
          {Array.from({ length: EVIDENCE_ROWS }, (_, row) => (
            <EvidenceRow key={row} row={row} state={state} idPrefix={id("evidence")} findings={findings} />
          ))}
        </fieldset>
      </Fragment>
      <button type="submit" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </button>
    </form>
  );
}
