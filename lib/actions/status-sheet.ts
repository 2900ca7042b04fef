"use server";

import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import type { StatusSheetFormState } from "@/lib/schemas/status-sheet";
import { getViewer } from "@/lib/server/permissions";
import { applyStatusSheetForViewer, previewStatusSheetForViewer } from "@/lib/server/status-sheet/forms";

/** The status sheet page's preview step (permission checks inside previewStatusSheet). */
export async function previewStatusSheetAction(previous: StatusSheetFormState, formData: FormData): Promise<StatusSheetFormState> {
  return previewStatusSheetForViewer(await getViewer(), previous, formData);
}

/** The status sheet page's "Apply N changes" (permission checks inside applyStatusSheet). */
export async function applyStatusSheetAction(previous: StatusSheetFormState, formData: FormData): Promise<StatusSheetFormState> {
  const state = await applyStatusSheetForViewer(await getViewer(), previous, formData);
  if (state.kind === "applied") revalidateLocalizedPath("/recommendations", "layout");
  return state;
}
