import type { ReactElement } from "react";
import type { AccountFormState } from "@/lib/actions/account";

/** The refusal of one field, under it; its id is what the field's aria-describedby names. */
export function FieldError({ state, name, id }: { state: AccountFormState; name: string; id: string }): ReactElement | null {
  const errors = state.fieldErrors?.[name];
  return errors ? (
    <p id={id} role="alert" className="field-error">
      {errors.join(" ")}
    </p>
  ) : null;
}

/** What the form's last submission did: a status when it worked, an alert when it did not. */
export function FormMessage({ state }: { state: AccountFormState }): ReactElement | null {
  return state.message ? <p role={state.ok ? "status" : "alert"} className={state.ok ? "sheet-applied" : "field-error"}>{state.message}</p> : null;
}

type FieldProps = {
  state: AccountFormState;
  id: string;
  name: string;
  label: string;
  type?: "password" | "text";
  autoComplete: string;
  hint?: string;
  /** "numeric" for a code from the app: the digit keyboard on phones. */
  inputMode?: "numeric";
};

/** A labelled text or password field with its refusal; a password field never shows what was typed before. */
export function Field({ state, id, name, label, type = "text", autoComplete, hint, inputMode }: FieldProps): ReactElement {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = !!state.fieldErrors?.[name];
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required
        autoComplete={autoComplete}
        spellCheck={false}
        inputMode={inputMode}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : hint ? hintId : undefined}
      />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError state={state} name={name} id={errorId} />
    </>
  );
}
