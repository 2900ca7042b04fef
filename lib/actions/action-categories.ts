"use server";

import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { z } from "zod";
import { setActionCategorySchema } from "@/lib/schemas/action-category";
import { clearActionCategoryOverride, setActionCategoryOverride } from "@/lib/server/action-categories";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

export type ActionCategoryFormState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** A refusal the person at the keyboard can act on; anything else is rethrown to the error page. */
function refusal(error: unknown): ActionCategoryFormState {
  if (error instanceof z.ZodError) return { ok: false, fieldErrors: z.flattenError(error).fieldErrors };
  if (error instanceof UnauthenticatedError) return { ok: false, message: "Sign in to change the action category." };
  if (error instanceof ForbiddenError) return { ok: false, message: "Your role does not allow this." };
  if (error instanceof NotFoundError) return { ok: false, message: "That recommendation or override no longer exists." };
  throw error;
}

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Overrides the action category from the detail page's form (editors and owners; checked in setActionCategoryOverride). */
export async function setActionCategoryAction(recommendationId: number, _state: ActionCategoryFormState, formData: FormData): Promise<ActionCategoryFormState> {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    const organizationId = text(formData, "organizationId");
    const input = setActionCategorySchema.parse({ category: text(formData, "category"), reason: text(formData, "reason"), ...(organizationId ? { organizationId } : {}) });
    await setActionCategoryOverride(viewer, recommendationId, input);
  } catch (error) {
    return refusal(error);
  }
  revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: "Action category changed." };
}

/** Clears the override, back to the source's or derived category (editors and owners of the overriding organisation). */
export async function clearActionCategoryAction(recommendationId: number, _state: ActionCategoryFormState, _formData: FormData): Promise<ActionCategoryFormState> {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    await clearActionCategoryOverride(viewer, recommendationId);
  } catch (error) {
    return refusal(error);
  }
  revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: "Override cleared." };
}
