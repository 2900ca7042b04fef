import type { z } from "zod";
import { listsByKey } from "@/lib/http/params";
import { fieldErrorMessage, type Translate } from "@/lib/i18n/action-messages";
import { EVIDENCE_ROWS } from "./evidence-rows";

const EVIDENCE_FIELDS = ["kind", "reference", "excerpt", "date", "stance", "findingId"] as const;

/** The form's flat fields as the API body, and the form's row number of each evidence item sent. */
export type AssessmentFormInput = { input: Record<string, unknown>; rows: number[] };

/**
 * The form's flat fields as the API body. An evidence row counts once anything but its kind (a select that always has
 * a value) is filled in: a stance chosen or an excerpt typed without a reference is then refused by the schema,
 * naming the row, instead of being dropped in silence. Rows left empty are skipped.
 */
export function assessmentFormInput(formData: FormData): AssessmentFormInput {
  const text = (name: string): string | undefined => {
    const value = formData.get(name);
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const filled = Array.from({ length: EVIDENCE_ROWS }, (_, row) => ({
    row,
    item: Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, text(`evidence.${row}.${field}`)])) as Record<(typeof EVIDENCE_FIELDS)[number], string | undefined>,
  })).filter(({ item }) => item.reference !== undefined || item.findingId !== undefined || item.excerpt !== undefined || item.date !== undefined || item.stance !== undefined);
  const expectedVersion = text("expectedVersion");
  const input = {
    status: text("status"),
    assessedOn: text("assessedOn"),
    rationale: text("rationale") ?? "",
    confidence: text("confidence"),
    visibility: text("visibility"),
    organizationId: text("organizationId"),
    expectedVersion: expectedVersion === undefined ? undefined : Number(expectedVersion),
    evidence: filled.map(({ item }) => item),
  };
  return { input, rows: filled.map(({ row }) => row) };
}

/**
 * The schema's issues as the form's field errors, keyed by the form's own field names ("evidence.2.stance": the
 * form's third row, whatever its index among the rows sent). A missing stance says which row it is in.
 */
export function assessmentFieldErrors(issues: readonly z.core.$ZodIssue[], rows: readonly number[], t: Translate): Record<string, string[]> {
  const errors: [string, string][] = [];
  for (const issue of issues) {
    const [first, index, field] = issue.path;
    const row = first === "evidence" && typeof index === "number" ? rows[index] : undefined;
    const name = row === undefined ? issue.path.map(String).join(".") : ["evidence", row, ...issue.path.slice(2)].map(String).join(".");
    const message = row !== undefined && field === "stance" ? t("form.stanceRequired", { row: row + 1 }) : fieldErrorMessage(issue, t);
    errors.push([name, message]);
  }
  return listsByKey(errors);
}
