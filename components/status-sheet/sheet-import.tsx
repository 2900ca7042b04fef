"use client";

import { useActionState, type ReactElement } from "react";
import { applyStatusSheetAction, previewStatusSheetAction } from "@/lib/actions/status-sheet";
import type { StatusSheetFormState } from "@/lib/schemas/status-sheet";
import { SheetPreview } from "./sheet-preview";

type PreviewState = Extract<StatusSheetFormState, { kind: "preview" }>;

const IDLE: StatusSheetFormState = { kind: "idle" };

/** The preview of one upload and its "Apply N changes" button; a new upload replaces it (it is keyed by the preview). */
function ReviewAndApply({ previewed }: { previewed: PreviewState }): ReactElement {
  const [state, applyAction, pending] = useActionState(applyStatusSheetAction, IDLE);
  if (state.kind === "applied") {
    return (
      <p role="status" className="sheet-applied">
        {state.message}
      </p>
    );
  }
  // A refusal on apply (someone saved meanwhile) comes back as a new preview with its conflicts.
  const shown = state.kind === "preview" ? state : previewed;
  const n = shown.preview.changes.length;
  return (
    <>
      <SheetPreview preview={shown.preview} fileName={shown.fileName} />
      {state.kind === "error" ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      {shown.sheet !== null ? (
        <form action={applyAction} aria-busy={pending}>
          <input type="hidden" name="review" value={shown.preview.review.id} />
          <input type="hidden" name="organization" value={shown.preview.organization.id} />
          <input type="hidden" name="fileName" value={shown.fileName} />
          <input type="hidden" name="expectedChanges" value={n} />
          <input type="hidden" name="sheet" value={shown.sheet} />
          <button type="submit" disabled={pending}>
            Apply {n} {n === 1 ? "change" : "changes"}
          </button>
          {pending ? <span role="status"> Recording {n === 1 ? "the change" : `${n} changes`}…</span> : null}
        </form>
      ) : null}
    </>
  );
}

type Props = { reviewId: number; organizationId: string; organizationName: string };

/** Upload an edited sheet, see what it would change, then apply it: all rows or none. */
export function SheetImport({ reviewId, organizationId, organizationName }: Props): ReactElement {
  const [state, previewAction, pending] = useActionState(previewStatusSheetAction, IDLE);
  return (
    <>
      <form action={previewAction} className="sheet-upload" aria-busy={pending}>
        <input type="hidden" name="review" value={reviewId} />
        <input type="hidden" name="organization" value={organizationId} />
        <label htmlFor="status-sheet-file">Edited sheet (CSV file)</label>
        <input id="status-sheet-file" type="file" name="file" accept=".csv,text/csv" required aria-describedby="status-sheet-file-hint" />
        <p id="status-sheet-file-hint" className="hint">
          The sheet downloaded above, with the status, assessed_on, rationale, confidence or visibility columns edited for {organizationName}. At most 5 MB.
        </p>
        <button type="submit" disabled={pending}>
          Preview changes
        </button>
        {pending ? <span role="status"> Checking the sheet…</span> : null}
      </form>
      {state.kind === "error" ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      {state.kind === "preview" ? <ReviewAndApply key={state.key} previewed={state} /> : null}
    </>
  );
}
