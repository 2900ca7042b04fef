"use server";

import { detailTranslator, fieldErrorMessage, translatedFieldErrors, type Translate } from "@/lib/i18n/action-messages";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { z } from "zod";
import { decideLinkSchema } from "@/lib/schemas/recurrence";
import { ForbiddenError, NotFoundError, TwoFactorRequiredError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { decideLink } from "@/lib/server/recurrence";

export type LinkFormState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** A refusal the person at the keyboard can act on; anything else is rethrown to the error page. */
function refusal(error: unknown, t: Translate): LinkFormState {
  if (error instanceof z.ZodError) {
    const message = error.issues.map((issue) => t("messages.linkField", { field: issue.path.join(".") || "form", message: fieldErrorMessage(issue, t) })).join("; ");
    return { ok: false, message, fieldErrors: translatedFieldErrors(error.issues, t, (issue) => issue.path.slice(0, 1)) };
  }
  if (error instanceof UnauthenticatedError) return { ok: false, message: t("messages.signInLinks") };
  if (error instanceof TwoFactorRequiredError) return { ok: false, message: t("messages.twoFactorRequired") };
  if (error instanceof ForbiddenError) return { ok: false, message: t("messages.linkForbidden") };
  if (error instanceof NotFoundError) return { ok: false, message: t("messages.linkGone") };
  throw error;
}

/** Confirms or rejects a suggested counterpart from the detail page (decideLink checks the permission). */
export async function decideLinkAction(recommendationId: number, _state: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const t = await detailTranslator();
  let decision: string;
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    const text = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)) : undefined);
    const organizationId = text("organizationId");
    const input = decideLinkSchema.parse({ otherId: text("otherId"), decision: text("decision"), ...(organizationId ? { organizationId } : {}) });
    decision = (await decideLink(viewer, recommendationId, input)).decision;
  } catch (error) {
    return refusal(error, t);
  }
  revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: t(decision === "confirmed" ? "messages.linkConfirmed" : "messages.linkRejected") };
}
