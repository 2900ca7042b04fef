import type { FindingLinkFormState } from "@/lib/actions/finding-links";

/** What the last submission said: a status, or an alert when it was refused. */
export function ActionMessage({ state }: { state: FindingLinkFormState }) {
  return state.message ? (
    <p role={state.ok ? "status" : "alert"} className={state.ok ? "muted" : "field-error"}>
      {state.message}
    </p>
  ) : null;
}
