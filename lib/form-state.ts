/**
 * What a form's server action answers. On a refusal it hands back what was typed (`values`): React resets a form after
 * its action runs, to the fields' default values, so a form that takes its defaults from `keptValue` shows the person
 * their own input again instead of losing it. Forms wrap their fields in `<Fragment key={fieldsKey(state)}>`, so a
 * refusal remounts them with those values.
 */
export type FormState = {
  ok: boolean;
  message?: string;
  /** Messages per field path, e.g. "rationale" or "evidence.1.reference". */
  fieldErrors?: Record<string, string[] | undefined>;
  /** The submitted text fields, on a refusal only. */
  values?: Record<string, string>;
  /** Tells refusals apart, so the fields remount with the kept values (a select ignores a changed defaultValue). */
  attempt?: number;
};

/** The submitted text fields (files and React's own `$ACTION…` fields left out). */
export function submittedValues(formData: FormData): Record<string, string> {
  // Object.fromEntries defines every name as an own key: `__proto__` assigned to a plain object would not be one.
  return Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION")));
}

/** A refusal that keeps the input: `refused(formData, { message })`. */
export function refused(formData: FormData, state: Omit<FormState, "ok" | "values">): FormState {
  return { ...state, ok: false, values: submittedValues(formData), attempt: Date.now() };
}

/** A key for the form's fields: new after each refusal, so they remount showing what was typed. */
export function fieldsKey(state: FormState): string {
  return state.ok ? "fields" : `refused-${state.attempt ?? 0}`;
}

/** The default value of a field: what was typed when the last submission was refused, else `fallback`. */
export function keptValue(state: FormState, name: string, fallback?: string): string | undefined {
  return !state.ok && state.values && Object.hasOwn(state.values, name) ? state.values[name] : fallback;
}
