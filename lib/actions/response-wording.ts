"use server";

import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import type { ResponseWordingFormState } from "@/lib/schemas/response-wording-form";
import { getViewer } from "@/lib/server/permissions";
import { applyResponseWordingForViewer, previewResponseWordingForViewer } from "@/lib/server/response-wording-forms";

/** The response-wording page's preview step (the administrator check is inside previewResponseWording). */
export async function previewResponseWordingAction(previous: ResponseWordingFormState, formData: FormData): Promise<ResponseWordingFormState> {
  return previewResponseWordingForViewer(await getViewer(), previous, formData);
}

/**
 * The response-wording page's "Apply N changes" (the administrator check is inside applyResponseWording). The State's
 * words show on the explorer, the recommendation and review pages and the charts, so every page is revalidated.
 */
export async function applyResponseWordingAction(previous: ResponseWordingFormState, formData: FormData): Promise<ResponseWordingFormState> {
  const state = await applyResponseWordingForViewer(await getViewer(), previous, formData);
  if (state.kind === "applied") revalidateLocalizedPath("/", "layout");
  return state;
}
