"use server";

import { detailTranslator, translatedFieldErrors, type Translate } from "@/lib/i18n/action-messages";
import { refused, type FormState } from "@/lib/form-state";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { z } from "zod";
import { setActionCategorySchema } from "@/lib/schemas/action-category";
import { clearActionCategoryOverride, CorrectionStandsError, setActionCategoryOverride } from "@/lib/server/action-categories";
import { ForbiddenError, NotFoundError, TwoFactorRequiredError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

export type ActionCategoryFormState = FormState;

/** A refusal the person at the keyboard can act on; anything else is rethrown to the error page. */
function refusal(error: unknown, t: Translate, formData: FormData): ActionCategoryFormState {
  if (error instanceof z.ZodError) return refused(formData, { fieldErrors: translatedFieldErrors(error.issues, t, (issue) => issue.path.slice(0, 1)) });
  if (error instanceof UnauthenticatedError) return refused(formData, { message: t("messages.signInCategory") });
  if (error instanceof TwoFactorRequiredError) return refused(formData, { message: t("messages.twoFactorRequired") });
  if (error instanceof CorrectionStandsError) return refused(formData, { message: t("messages.correctionStands", { organization: error.organization }) });
  if (error instanceof ForbiddenError) return refused(formData, { message: t("messages.roleForbids") });
  if (error instanceof NotFoundError) return refused(formData, { message: t("messages.categoryGone") });
  throw error;
}

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Overrides the action category from the detail page's form (editors and owners; checked in setActionCategoryOverride). */
export async function setActionCategoryAction(recommendationId: number, _state: ActionCategoryFormState, formData: FormData): Promise<ActionCategoryFormState> {
  const t = await detailTranslator();
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    const organizationId = text(formData, "organizationId");
    const input = setActionCategorySchema.parse({ category: text(formData, "category"), reason: text(formData, "reason"), ...(organizationId ? { organizationId } : {}) });
    await setActionCategoryOverride(viewer, recommendationId, input);
  } catch (error) {
    return refusal(error, t, formData);
  }
  revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: t("messages.categoryChanged") };
}

/** Clears the override, back to the source's or derived category (editors and owners of the overriding organisation). */
export async function clearActionCategoryAction(recommendationId: number, _state: ActionCategoryFormState, formData: FormData): Promise<ActionCategoryFormState> {
  const t = await detailTranslator();
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    await clearActionCategoryOverride(viewer, recommendationId);
  } catch (error) {
    return refusal(error, t, formData);
  }
  revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: t("messages.overrideCleared") };
}
