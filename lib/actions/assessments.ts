"use server";

import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { assessmentInputSchema, type AssessmentDto } from "@/lib/schemas/assessment";
import { createAssessment } from "@/lib/server/assessments";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

export type AssessmentFormState = {
  ok: boolean;
  message?: string;
  /** Messages per field path, e.g. "rationale" or "evidence.1.reference". */
  fieldErrors?: Record<string, string[]>;
};

const EVIDENCE_ROWS = 3;

/** The form's flat fields as the API body; evidence rows left empty are dropped. */
function formInput(formData: FormData): { input: Record<string, unknown>; rows: number[] } {
  const text = (name: string): string | undefined => {
    const value = formData.get(name);
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const filled = Array.from({ length: EVIDENCE_ROWS }, (_, row) => ({
    row,
    kind: text(`evidence.${row}.kind`),
    reference: text(`evidence.${row}.reference`),
    excerpt: text(`evidence.${row}.excerpt`),
    date: text(`evidence.${row}.date`),
    stance: text(`evidence.${row}.stance`),
  })).filter((item) => item.reference !== undefined);
  const evidence = filled.map(({ row: _row, ...item }) => item);
  const expectedVersion = text("expectedVersion");
  const input = {
    status: text("status"),
    assessedOn: text("assessedOn"),
    rationale: text("rationale") ?? "",
    confidence: text("confidence"),
    visibility: text("visibility"),
    organizationId: text("organizationId"),
    expectedVersion: expectedVersion === undefined ? undefined : Number(expectedVersion),
    evidence,
  };
  return { input, rows: filled.map((item) => item.row) };
}

function conflictMessage(current: unknown): string {
  const newer = current as AssessmentDto | null;
  return newer
    ? `Not saved: ${newer.authorName} saved version ${newer.version} (${newer.status.replaceAll("_", " ")}) while you were editing. Reload to see it, then record yours.`
    : "Not saved: a newer version exists. Reload to see it.";
}

/** Records a new assessment from the recommendation page's form (createAssessment checks the permission). */
export async function createAssessmentAction(recommendationId: number, _previous: AssessmentFormState, formData: FormData): Promise<AssessmentFormState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to record an assessment." };

  const { input, rows } = formInput(formData);
  const parsed = assessmentInputSchema.safeParse(input);
  if (!parsed.success) {
    // Name each error by the form's own evidence row, not its index among the filled rows.
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((key, index) => (index === 1 && issue.path[0] === "evidence" && typeof key === "number" ? rows[key] : key));
      (fieldErrors[path.map(String).join(".")] ??= []).push(issue.message);
    }
    return { ok: false, message: "Please correct the marked fields.", fieldErrors };
  }

  try {
    const created = await createAssessment(viewer, recommendationId, parsed.data);
    revalidateLocalizedPath(`/recommendations/${recommendationId}`);
    return { ok: true, message: `Saved as version ${created.version}.` };
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, message: conflictMessage(error.current) };
    if (error instanceof ForbiddenError) return { ok: false, message: "You may not record assessments for this organisation." };
    if (error instanceof NotFoundError) return { ok: false, message: "This recommendation no longer exists." };
    throw error;
  }
}
