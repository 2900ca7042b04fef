"use server";

import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { z } from "zod";
import { decideLinkSchema } from "@/lib/schemas/recurrence";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { decideLink } from "@/lib/server/recurrence";

export type LinkFormState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** A refusal the person at the keyboard can act on; anything else is rethrown to the error page. */
function refusal(error: unknown): LinkFormState {
  if (error instanceof z.ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join(".") || "form"}: ${issue.message}`).join("; ");
    return { ok: false, message, fieldErrors: z.flattenError(error).fieldErrors };
  }
  if (error instanceof UnauthenticatedError) return { ok: false, message: "Sign in to confirm or reject links." };
  if (error instanceof ForbiddenError) return { ok: false, message: "Your role does not allow this: only editors and owners decide links." };
  if (error instanceof NotFoundError) return { ok: false, message: "That recommendation no longer exists." };
  throw error;
}

/** Confirms or rejects a suggested counterpart from the detail page (decideLink checks the permission). */
export async function decideLinkAction(recommendationId: number, _state: LinkFormState, formData: FormData): Promise<LinkFormState> {
  let decision: string;
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    const text = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)) : undefined);
    const organizationId = text("organizationId");
    const input = decideLinkSchema.parse({ otherId: text("otherId"), decision: text("decision"), ...(organizationId ? { organizationId } : {}) });
    decision = (await decideLink(viewer, recommendationId, input)).decision;
  } catch (error) {
    return refusal(error);
  }
  revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: decision === "confirmed" ? "Link confirmed." : "Suggestion rejected." };
}
