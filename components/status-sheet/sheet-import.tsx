"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactElement } from "react";
import { PendingForm, SheetFileField } from "@/components/sheets/sheet-forms";
import { MAX_SHEET_BYTES } from "@/lib/csv-sheet/limits";
import { applyStatusSheetAction, previewStatusSheetAction } from "@/lib/actions/status-sheet";
import type { StatusSheetFormState } from "@/lib/schemas/status-sheet";
import { SheetPreview, useSheetIssueText } from "./sheet-preview";

type PreviewState = Extract<StatusSheetFormState, { kind: "preview" }>;

const IDLE: StatusSheetFormState = { kind: "idle" };

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

/** The preview of one upload and its "Apply N changes" button; a new upload replaces it (it is keyed by the preview). */
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
        <PendingForm
          action={applyAction}
          pending={pending}
          hidden={{ review: shown.preview.review.id, organization: shown.preview.organization.id, fileName: shown.fileName, expectedChanges: n, sheet: shown.sheet }}
          submit={t("import.apply", { count: n })}
          pendingText={t("import.recording", { count: n })}
        />
      ) : null}
    </>
  );
}

/** `reviewName`: the review as the page names it, in its language. */
type Props = { reviewId: number; reviewName: string; organizationId: string; organizationName: string };

/** Upload an edited sheet, see what it would change, then apply it: all rows or none. */
export function SheetImport({ reviewId, reviewName, organizationId, organizationName }: Props): ReactElement {
  const t = useTranslations("statusSheet.import");
  const errors = useTranslations("statusSheet.errors");
  const [state, previewAction, pending] = useActionState(previewStatusSheetAction, IDLE);
  return (
    <>
      <PendingForm
        action={previewAction}
        pending={pending}
        className="sheet-upload"
        hidden={{ review: reviewId, organization: organizationId }}
        submit={t("preview")}
        pendingText={t("checking")}
      >
        <SheetFileField
          id="status-sheet-file"
          label={t("file")} hint={t("fileHint", { organization: organizationName })}
          tooLarge={(file) => errors("fileTooLarge", { file, megabytes: MAX_SHEET_BYTES / 1024 / 1024 })}
        />
      </PendingForm>
      {state.kind === "error" ? <ErrorMessage state={state} /> : null}
      {state.kind === "preview" ? <ReviewAndApply key={state.key} previewed={state} reviewName={reviewName} /> : null}
    </>
  );
}
