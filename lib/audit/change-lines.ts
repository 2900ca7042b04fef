/**
 * An audit event's changes as lines a person can read, before translation: a download's "412 rows, CSV" and its
 * filters, each field's before → after, or, for an admin reading another organisation's event, which fields changed.
 * Pure, so it is tested without rendering.
 */
export type Scalar = string | number | boolean | null;

export type ChangeLine =
  | { type: "download"; rows: number; format: string }
  | { type: "withheld"; fields: string[] }
  | { type: "change"; field: string; before: Scalar; after: Scalar }
  | { type: "value"; field: string; value: Scalar };

/** A long text (a note's body) is cut here: the log says what changed, the record itself holds the rest. */
export const MAX_VALUE_LENGTH = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

function scalar(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = typeof value === "string" ? value : Array.isArray(value) && value.every((v) => typeof v !== "object") ? value.join(", ") : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

function fieldLines(changes: Record<string, unknown>, pairs: boolean): ChangeLine[] {
  return Object.entries(changes).map(([field, value]): ChangeLine =>
    pairs && Array.isArray(value) && value.length === 2 ? { type: "change", field, before: scalar(value[0]), after: scalar(value[1]) } : { type: "value", field, value: scalar(value) },
  );
}

export function changeLines(action: string, changes: unknown): ChangeLine[] {
  if (isRecord(changes) && typeof changes.withheld === "string" && Array.isArray(changes.fields)) {
    return [{ type: "withheld", fields: changes.fields.map(String) }];
  }
  if (!isRecord(changes)) return changes === null || changes === undefined ? [] : [{ type: "value", field: "", value: scalar(changes) }];
  if (action.startsWith("download.") && typeof changes.rows === "number" && typeof changes.format === "string") {
    const { rows, format, ...details } = changes;
    // A download's details are lists (themes) and values, never before/after pairs.
    return [{ type: "download", rows, format: format.toUpperCase() }, ...fieldLines(details, false).filter((line) => line.type !== "value" || line.value !== "")];
  }
  return fieldLines(changes, true);
}
