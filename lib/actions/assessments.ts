"use server";

import { detailTranslator, translatedFieldErrors, type Translate } from "@/lib/i18n/action-messages";
import { refused, type FormState } from "@/lib/form-state";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { assessmentInputSchema, type AssessmentDto } from "@/lib/schemas/assessment";
import { createAssessment } from "@/lib/server/assessments";
import { ConflictError, ForbiddenError, NotFoundError, TwoFactorRequiredError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

export type AssessmentFormState = FormState;

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

function conflictMessage(current: unknown, t: Translate): string {
  const newer = current as AssessmentDto | null;
  return newer
    ? t("messages.conflict", { author: newer.authorName, version: newer.version, status: t(`terms.status.${newer.status}`) })
    : t("messages.conflictUnknown");
}

/** Records a new assessment from the recommendation page's form (createAssessment checks the permission). */
export async function createAssessmentAction(recommendationId: number, _previous: AssessmentFormState, formData: FormData): Promise<AssessmentFormState> {
  const t = await detailTranslator();
  const viewer = await getViewer();
  if (!viewer) return refused(formData, { message: t("messages.signInAssessment") });

  const { input, rows } = formInput(formData);
  const parsed = assessmentInputSchema.safeParse(input);
  if (!parsed.success) {
    // Name each error by the form's own evidence row, not its index among the filled rows.
    const fieldErrors = translatedFieldErrors(parsed.error.issues, t, (issue) =>
      issue.path.map((key, index) => (index === 1 && issue.path[0] === "evidence" && typeof key === "number" ? rows[key]! : key)),
    );
    return refused(formData, { message: t("messages.correctFields"), fieldErrors });
  }

  try {
    const created = await createAssessment(viewer, recommendationId, parsed.data);
    revalidateLocalizedPath(`/recommendations/${recommendationId}`);
    return { ok: true, message: t("messages.savedVersion", { version: created.version }) };
  } catch (error) {
    if (error instanceof ConflictError) return refused(formData, { message: conflictMessage(error.current, t) });
    if (error instanceof TwoFactorRequiredError) return refused(formData, { message: t("messages.twoFactorRequired") });
    if (error instanceof ForbiddenError) return refused(formData, { message: t("messages.forbiddenAssessment") });
    if (error instanceof NotFoundError) return refused(formData, { message: t("messages.recommendationGone") });
    throw error;
  }
}
