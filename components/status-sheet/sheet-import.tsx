"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactElement } from "react";
import { applyStatusSheetAction, previewStatusSheetAction } from "@/lib/actions/status-sheet";
import type { StatusSheetFormState } from "@/lib/schemas/status-sheet";
import { SheetPreview, useSheetIssueText } from "./sheet-preview";

type PreviewState = Extract<StatusSheetFormState, { kind: "preview" }>;

const IDLE: StatusSheetFormState = { kind: "idle" };

/** The preview of one upload and its "Apply N changes" button; a new upload replaces it (it is keyed by the preview). */
/** An error of the form in the page's language (the server's English message when it has no code). */
function ErrorMessage({ state }: { state: Extract<StatusSheetFormState, { kind: "error" }> }): ReactElement {
  const t = useTranslations("statusSheet.errors");
  const issueText = useSheetIssueText();
  // An unreadable file: the reason (too large, not UTF-8, empty) in the page's language too.
  const values = state.issue ? { ...state.values, reason: issueText(state.issue) } : state.values;
  return (
    <p role="alert" className="form-error">
      {state.code ? t(state.code, values) : state.message}
    </p>
  );
}

function ReviewAndApply({ previewed, reviewName }: { previewed: PreviewState; reviewName: string }): ReactElement {
  const t = useTranslations("statusSheet");
  const [state, applyAction, pending] = useActionState(applyStatusSheetAction, IDLE);
  if (state.kind === "applied") {
    return (
      <p role="status" className="sheet-applied">
        {t("applied", { count: state.result.applied, organization: state.result.organization.name })}
      </p>
    );
  }
  // A refusal on apply (someone saved meanwhile) comes back as a new preview with its conflicts.
  const shown = state.kind === "preview" ? state : previewed;
  const n = shown.preview.changes.length;
  return (
    <>
      <SheetPreview preview={shown.preview} fileName={shown.fileName} reviewName={reviewName} />
      {state.kind === "error" ? <ErrorMessage state={state} /> : null}
      {shown.sheet !== null ? (
        <form action={applyAction} aria-busy={pending}>
          <input type="hidden" name="review" value={shown.preview.review.id} />
          <input type="hidden" name="organization" value={shown.preview.organization.id} />
          <input type="hidden" name="fileName" value={shown.fileName} />
          <input type="hidden" name="expectedChanges" value={n} />
          <input type="hidden" name="sheet" value={shown.sheet} />
          <button type="submit" disabled={pending}>
            {t("import.apply", { count: n })}
          </button>
          {pending ? <span role="status"> {t("import.recording", { count: n })}</span> : null}
        </form>
      ) : null}
    </>
  );
}

/** `reviewName`: the review as the page names it, in its language. */
type Props = { reviewId: number; reviewName: string; organizationId: string; organizationName: string };

/** Upload an edited sheet, see what it would change, then apply it: all rows or none. */
export function SheetImport({ reviewId, reviewName, organizationId, organizationName }: Props): ReactElement {
  const t = useTranslations("statusSheet.import");
  const [state, previewAction, pending] = useActionState(previewStatusSheetAction, IDLE);
  return (
    <>
      <form action={previewAction} className="sheet-upload" aria-busy={pending}>
        <input type="hidden" name="review" value={reviewId} />
        <input type="hidden" name="organization" value={organizationId} />
        <label htmlFor="status-sheet-file">{t("file")}</label>
        <input id="status-sheet-file" type="file" name="file" accept=".csv,text/csv" required aria-describedby="status-sheet-file-hint" />
        <p id="status-sheet-file-hint" className="hint">
          {t("fileHint", { organization: organizationName })}
        </p>
        <button type="submit" disabled={pending}>
          {t("preview")}
        </button>
        {pending ? <span role="status"> {t("checking")}</span> : null}
      </form>
      {state.kind === "error" ? <ErrorMessage state={state} /> : null}
      {state.kind === "preview" ? <ReviewAndApply key={state.key} previewed={state} reviewName={reviewName} /> : null}
    </>
  );
}
