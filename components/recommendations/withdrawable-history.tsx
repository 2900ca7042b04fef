"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { isPublished, publicAfterWithdrawal, type HistoryVersion } from "@/lib/assessments/withdrawal";
import { keptValue, type FormState } from "@/lib/form-state";
import { MAX_WITHDRAWAL_REASON_LENGTH } from "@/lib/schemas/assessment-values";
import { FieldError, describedBy } from "./field-error";
import styles from "./withdrawable-history.module.css";

type Props = {
  /** withdrawAssessmentAction bound to the recommendation on the server (see AssessmentForm for why). */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  organizationName: string;
  /** The organisation's own history, newest first (stored version numbers), as the bodies are given. */
  history: readonly HistoryVersion[];
  summary: string;
  /** Each version's body, in the order of `history`. */
  children: ReactNode[];
};

type ConfirmationProps = { version: HistoryVersion; history: readonly HistoryVersion[]; organizationName: string; state: FormState; action: (data: FormData) => void; pending: boolean };

/** What withdrawing this version leaves public, said before the person confirms. */
function afterText(history: readonly HistoryVersion[], version: HistoryVersion, organization: string, t: ReturnType<typeof useTranslations<"assessments.withdraw">>): string {
  const after = publicAfterWithdrawal(history, version.id);
  if (after.kind === "none-left") return t("noneLeft", { organization });
  return t(after.kind === "becomes-current" ? "becomesCurrent" : "staysCurrent", { version: after.version, organization });
}

/**
 * The confirmation step, a disclosure that works without JavaScript: it says what the withdrawal does and what stays
 * public, asks for the reason, and only its own button withdraws.
 */
function WithdrawConfirmation({ version, history, organizationName, state, action, pending }: ConfirmationProps) {
  const t = useTranslations("assessments.withdraw");
  const refusedHere = !state.ok && state.values?.assessmentId === version.id;
  const shown: FormState = refusedHere ? state : { ok: false };
  const reasonId = `withdraw-${version.id}-reason`;
  return (
    <details className={styles.confirmation} open={refusedHere ? true : undefined}>
      <summary className={styles.open}>{t("open", { version: version.version })}</summary>
      <form action={action} className={styles.form} aria-label={t("formLabel", { version: version.version })}>
        <input type="hidden" name="assessmentId" value={version.id} />
        <p>{t("explain", { version: version.version, organization: organizationName })}</p>
        <p>
          <strong>{afterText(history, version, organizationName, t)}</strong>
        </p>
        <label htmlFor={reasonId}>{t("reason")}</label>
        <textarea id={reasonId} name="reason" rows={2} required maxLength={MAX_WITHDRAWAL_REASON_LENGTH} defaultValue={keptValue(shown, "reason")} {...describedBy(shown, "reason", `${reasonId}-error`)} />
        <FieldError state={shown} name="reason" id={`${reasonId}-error`} />
        <button type="submit" className={styles.confirm} disabled={pending}>
          {pending ? t("withdrawing") : t("confirm", { version: version.version })}
        </button>
      </form>
    </details>
  );
}

/**
 * An organisation's own history of versions, for those who may withdraw them: each public version has its withdrawal,
 * confirmed in one more step. The outcome is said at the top of the history and focused; without JavaScript the page
 * comes back with the history open on it.
 */
export function WithdrawableHistory({ action: withdraw, organizationName, history, summary, children }: Props) {
  const [state, action, pending] = useActionState(withdraw, { ok: false });
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.message) outcome.current?.focus();
  }, [state]);
  return (
    <details className={styles.history} open={state.message ? true : undefined} data-testid="own-history">
      <summary>{summary}</summary>
      {state.message ? (
        <p ref={outcome} tabIndex={-1} role={state.ok ? "status" : "alert"} className={state.ok ? styles.done : styles.refused}>
          {state.message}
        </p>
      ) : null}
      <ol>
        {history.map((version, index) => (
          <li key={version.id}>
            {children[index]}
            {isPublished(version) ? <WithdrawConfirmation version={version} history={history} organizationName={organizationName} state={state} action={action} pending={pending} /> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
