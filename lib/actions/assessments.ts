"use server";

import { assessmentFieldErrors, assessmentFormInput } from "@/lib/assessments/form-input";
import { assessmentTranslator, type Translate } from "@/lib/i18n/action-messages";
import { refused, type FormState } from "@/lib/form-state";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { assessmentInputSchema, withdrawAssessmentInputSchema, type AssessmentDto } from "@/lib/schemas/assessment";
import { createAssessment, withdrawAssessment } from "@/lib/server/assessments";
import { ConflictError, ForbiddenError, NotFoundError, TwoFactorRequiredError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { z } from "zod";

export type AssessmentFormState = FormState;

function conflictMessage(current: unknown, t: Translate): string {
  const newer = current as AssessmentDto | null;
  return newer
    ? t("messages.conflict", { author: newer.authorName, version: newer.version, status: t(`terms.status.${newer.status}`) })
    : t("messages.conflictUnknown");
}

/** Records a new assessment from the recommendation page's form (createAssessment checks the permission). */
export async function createAssessmentAction(recommendationId: number, _previous: AssessmentFormState, formData: FormData): Promise<AssessmentFormState> {
  const t = await assessmentTranslator();
  const viewer = await getViewer();
  if (!viewer) return refused(formData, { message: t("messages.signInAssessment") });

  // Name each error by the form's own evidence row, not its index among the filled rows.
  const { input, rows } = assessmentFormInput(formData);
  const parsed = assessmentInputSchema.safeParse(input);
  if (!parsed.success) return refused(formData, { message: t("messages.correctFields"), fieldErrors: assessmentFieldErrors(parsed.error.issues, rows, t) });

  try {
    const created = await createAssessment(viewer, recommendationId, parsed.data);
    revalidateLocalizedPath(`/recommendations/${recommendationId}`);
    return { ok: true, message: t("messages.savedVersion", { version: created.version }) };
  } catch (error) {
    if (error instanceof ConflictError) return refused(formData, { message: conflictMessage(error.current, t) });
    // A picked finding that no longer exists, named by its evidence row.
    if (error instanceof z.ZodError) return refused(formData, { message: t("messages.correctFields"), fieldErrors: assessmentFieldErrors(error.issues, rows, t) });
    if (error instanceof TwoFactorRequiredError) return refused(formData, { message: t("detail.messages.twoFactorRequired") });
    if (error instanceof ForbiddenError) return refused(formData, { message: t("messages.forbiddenAssessment") });
    if (error instanceof NotFoundError) return refused(formData, { message: t("messages.recommendationGone") });
    throw error;
  }
}

/**
 * Withdraws one of the organisation's public versions (the form's `assessmentId`) from every public view, from the
 * confirmation on the organisation's own history (withdrawAssessment checks the permission and that it is published).
 */
export async function withdrawAssessmentAction(recommendationId: number, _previous: FormState, formData: FormData): Promise<FormState> {
  const t = await assessmentTranslator();
  const viewer = await getViewer();
  if (!viewer) return refused(formData, { message: t("messages.signInWithdraw") });
  const assessmentId = formData.get("assessmentId");
  if (typeof assessmentId !== "string" || assessmentId === "") return refused(formData, { message: t("messages.assessmentGone") });

  const parsed = withdrawAssessmentInputSchema.safeParse({ reason: formData.get("reason") ?? "" });
  if (!parsed.success) return refused(formData, { message: t("messages.reasonRequired"), fieldErrors: { reason: [t("messages.reasonRequired")] } });

  try {
    const { assessment, currentPublicVersion } = await withdrawAssessment(viewer, assessmentId, parsed.data);
    revalidateLocalizedPath(`/recommendations/${recommendationId}`);
    const message =
      currentPublicVersion === null
        ? t("messages.withdrawn", { version: assessment.version })
        : t("messages.withdrawnNowPublic", { version: assessment.version, current: currentPublicVersion });
    return { ok: true, message };
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as AssessmentDto;
      return refused(formData, { message: t(current.withdrawal ? "messages.alreadyWithdrawn" : "messages.notPublic", { version: current.version }) });
    }
    if (error instanceof TwoFactorRequiredError) return refused(formData, { message: t("detail.messages.twoFactorRequired") });
    if (error instanceof ForbiddenError) return refused(formData, { message: t("messages.forbiddenWithdraw") });
    if (error instanceof NotFoundError) return refused(formData, { message: t("messages.assessmentGone") });
    throw error;
  }
}
