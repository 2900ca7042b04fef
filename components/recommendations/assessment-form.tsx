"use client";

import { useActionState } from "react";
import { createAssessmentAction, type AssessmentFormState } from "@/lib/actions/assessments";
import { ASSESSMENT_STATUSES, type AssessmentDto, CONFIDENCES, EVIDENCE_STANCES, MAX_RATIONALE_LENGTH } from "@/lib/schemas/assessment";
import { STATUS_LABELS } from "./assessment-labels";

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
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form action={formAction} className="assessment-form" aria-label={`New assessment for ${organizationName}`}>
      <h3>New assessment for {organizationName}</h3>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="expectedVersion" value={latest?.version ?? 0} />
      <label>
        Status{" "}
        <select name="status" defaultValue={latest?.status ?? "not_assessed"}>
          {ASSESSMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Assessed on <input type="date" name="assessedOn" defaultValue={today} required {...describedBy(state, "assessedOn")} />
      </label>
      <FieldError state={state} name="assessedOn" />
      <label>
        Confidence{" "}
        <select name="confidence" defaultValue={latest?.confidence ?? "medium"}>
          {CONFIDENCES.map((confidence) => (
            <option key={confidence}>{confidence}</option>
          ))}
        </select>
      </label>
      <label>
        Visibility{" "}
        <select name="visibility" defaultValue={latest?.visibility ?? "private"}>
          <option value="private">Private to {organizationName}</option>
          <option value="public">Public</option>
        </select>
      </label>
      <label>
        Rationale <textarea name="rationale" rows={5} maxLength={MAX_RATIONALE_LENGTH} defaultValue={latest?.rationale} {...describedBy(state, "rationale")} />
      </label>
      <FieldError state={state} name="rationale" />
      <fieldset>
        <legend>Evidence (leave a row empty to skip it)</legend>
        {[0, 1, 2].map((row) => (
          <div key={row} className="evidence-row">
            <select name={`evidence.${row}.kind`} aria-label={`Evidence ${row + 1} kind`} defaultValue="url">
              <option value="url">URL</option>
              <option value="un-symbol">UN document symbol</option>
            </select>
            <input name={`evidence.${row}.reference`} aria-label={`Evidence ${row + 1} URL or symbol`} placeholder="https://… or A/HRC/40/6" {...describedBy(state, `evidence.${row}.reference`)} />
            <input name={`evidence.${row}.excerpt`} aria-label={`Evidence ${row + 1} excerpt`} placeholder="Excerpt" />
            <input type="date" name={`evidence.${row}.date`} aria-label={`Evidence ${row + 1} date`} />
            <select name={`evidence.${row}.stance`} aria-label={`Evidence ${row + 1} stance`} defaultValue="supports">
              {EVIDENCE_STANCES.map((stance) => (
                <option key={stance}>{stance}</option>
              ))}
            </select>
            <FieldError state={state} name={`evidence.${row}.reference`} />
          </div>
        ))}
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Record assessment"}
      </button>
      {state.message ? <p role={state.ok ? "status" : "alert"}>{state.message}</p> : null}
    </form>
  );
}
