"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactElement } from "react";
import { PendingForm, SheetFileField } from "@/components/sheets/sheet-forms";
import { MAX_SHEET_BYTES } from "@/lib/csv-sheet/limits";
import { applyResponseWordingAction, previewResponseWordingAction } from "@/lib/actions/response-wording";
import { Link } from "@/lib/i18n/navigation";
import type { ResponseWordingFormState } from "@/lib/schemas/response-wording-form";
import { useWordingIssueText, WordingPreview } from "./wording-preview";

type PreviewState = Extract<ResponseWordingFormState, { kind: "preview" }>;

const IDLE: ResponseWordingFormState = { kind: "idle" };

/** An error of the form in the page's language (an unreadable file's reason too). */
function ErrorMessage({ state }: { state: Extract<ResponseWordingFormState, { kind: "error" }> }): ReactElement {
  const t = useTranslations("responseWording.errors");
  const issueText = useWordingIssueText();
  const values = state.issue ? { ...state.values, reason: issueText(state.issue) } : state.values;
  return (
    <p role="alert" className="form-error" data-testid="wording-error">
      {t(state.code, values)}
    </p>
  );
}

/** The preview of one upload and its "Apply N changes" button; a new upload replaces it (it is keyed by the preview). */
function ReviewAndApply({ previewed, reviewName }: { previewed: PreviewState; reviewName: string }): ReactElement {
  const t = useTranslations("responseWording");
  const [state, applyAction, pending] = useActionState(applyResponseWordingAction, IDLE);
  if (state.kind === "applied") {
    const { result } = state;
    return (
      <div role="status" className="sheet-applied" data-testid="wording-applied">
        <p>{t("applied", { count: result.applied, review: reviewName, symbol: result.sourceSymbol ?? "" })}</p>
        <p>
          <Link href={`/reviews/${result.review.id}`}>{t("seeReview")}</Link>
        </p>
      </div>
    );
  }
  // A refusal on apply (the sheet now has errors against what is stored) comes back as a new preview.
  const shown = state.kind === "preview" ? state : previewed;
  const n = shown.preview.changes.length;
  return (
    <>
      <WordingPreview preview={shown.preview} fileName={shown.fileName} reviewName={reviewName} />
      {state.kind === "error" ? <ErrorMessage state={state} /> : null}
      {shown.sheet !== null ? (
        <PendingForm
          action={applyAction}
          pending={pending}
          hidden={{ review: shown.preview.review.id, sourceSymbol: shown.sourceSymbol, fileName: shown.fileName, expectedChanges: n, sheet: shown.sheet }}
          submit={t("import.apply", { count: n })}
          pendingText={t("import.recording", { count: n })}
        />
      ) : null}
    </>
  );
}

/** `reviewName`: the review as the page names it, in its language; `addendumSymbol`: the review's, cited by default. */
type Props = { reviewId: number; reviewName: string; addendumSymbol: string | null };

/** Upload a wording sheet, see what it would change, then apply it: all rows or none. */
export function WordingImport({ reviewId, reviewName, addendumSymbol }: Props): ReactElement {
  const t = useTranslations("responseWording.import");
  const errors = useTranslations("responseWording.errors");
  const [state, previewAction, pending] = useActionState(previewResponseWordingAction, IDLE);
  return (
    <>
      <PendingForm action={previewAction} pending={pending} className="sheet-upload" hidden={{ review: reviewId }} submit={t("preview")} pendingText={t("checking")}>
        <SheetFileField
          id="wording-file"
          label={t("file")}
          hint={t("fileHint")}
          tooLarge={(file) => errors("fileTooLarge", { file, megabytes: MAX_SHEET_BYTES / 1024 / 1024 })}
        />
        <label htmlFor="wording-source">{t("sourceSymbol")}</label>
        <input
          id="wording-source"
          type="text"
          name="sourceSymbol"
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          required={addendumSymbol === null}
          aria-describedby="wording-source-hint"
        />
        <p id="wording-source-hint" className="hint">
          {addendumSymbol ? t("sourceSymbolHint", { symbol: addendumSymbol }) : t("sourceSymbolNeeded")}
        </p>
      </PendingForm>
      {state.kind === "error" ? <ErrorMessage state={state} /> : null}
      {state.kind === "preview" ? <ReviewAndApply key={state.key} previewed={state} reviewName={reviewName} /> : null}
    </>
  );
}
