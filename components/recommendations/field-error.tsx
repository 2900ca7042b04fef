import type { FormState } from "@/lib/form-state";

/** A field's own error message, with an id the field points at. */
export function FieldError({ state, name, id = `${name}-error` }: { state: FormState; name: string; id?: string }) {
  const messages = state.fieldErrors?.[name];
  return messages ? (
    <span className="field-error" id={id}>
      {messages.join(" ")}
    </span>
  ) : null;
}

/** Ties a field to its error message, so a screen reader hears it and the field is marked invalid, not only coloured. */
export function describedBy(state: FormState, name: string, id = `${name}-error`): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return state.fieldErrors?.[name] ? { "aria-invalid": true, "aria-describedby": id } : {};
}
