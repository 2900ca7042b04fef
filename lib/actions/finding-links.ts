"use server";

import { z } from "zod";
import { findingLinksTranslator, type Translate } from "@/lib/i18n/action-messages";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { decideFindingLinkSchema } from "@/lib/schemas/finding-link";
import { decideFindingLink } from "@/lib/server/finding-links";
import { ForbiddenError, NotFoundError, TwoFactorRequiredError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

export type FindingLinkFormState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** The server's own refusals by field, each with its message in the reader's language. */
const KNOWN: Record<string, string> = {
  "no such finding": "fieldErrors.noSuchFinding",
  "must be a finding about the State under review": "fieldErrors.otherState",
  "must be a passage of the finding's text, word for word": "fieldErrors.excerptNotInText",
};
const BY_FIELD: Record<string, string> = { findingId: "fieldErrors.findingId", stance: "fieldErrors.stance", organizationId: "fieldErrors.organization" };

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const known = KNOWN[issue.message];
  if (known) return t(known);
  const field = String(issue.path[0] ?? "");
  if (field === "excerpt" && issue.code === "too_big") return t("fieldErrors.excerptTooLong", { maximum: Number(issue.maximum) });
  return t(BY_FIELD[field] ?? "fieldErrors.invalid");
}

/** A refusal the person at the keyboard can act on; anything else is rethrown to the error page. */
function refusal(error: unknown, t: Translate): FindingLinkFormState {
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issueMessage(issue, t));
    const fields = (field: string) => (["findingId", "stance", "excerpt", "organizationId", "decision"].includes(field) ? t(`fields.${field}`) : field);
    const message = Object.entries(fieldErrors).map(([field, messages]) => t("messages.field", { field: fields(field), message: messages.join(" ") })).join("; ");
    return { ok: false, message, fieldErrors };
  }
  if (error instanceof UnauthenticatedError) return { ok: false, message: t("messages.signIn") };
  if (error instanceof TwoFactorRequiredError) return { ok: false, message: t("messages.twoFactorRequired") };
  if (error instanceof ForbiddenError) return { ok: false, message: t("messages.forbidden") };
  if (error instanceof NotFoundError) return { ok: false, message: t("messages.gone") };
  throw error;
}

/** "https://…/findings/123", "/findings/123" or "123": the finding's number. */
function findingNumber(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /(?:^|\/findings\/)(\d+)\/?(?:[?#].*)?$/.exec(value.trim());
  return match ? match[1] : value;
}

/**
 * Links a finding, confirms or rejects a suggestion, or removes a link, from the recommendation page's forms
 * (decideFindingLink checks the permission).
 */
export async function decideFindingLinkAction(recommendationId: number, _state: FindingLinkFormState, formData: FormData): Promise<FindingLinkFormState> {
  const t = await findingLinksTranslator();
  let outcome: Awaited<ReturnType<typeof decideFindingLink>>;
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    const text = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)) : undefined);
    const input = decideFindingLinkSchema.parse({
      findingId: findingNumber(text("findingId")),
      decision: text("decision"),
      stance: text("stance"),
      excerpt: text("excerpt"),
      organizationId: text("organizationId"),
    });
    outcome = await decideFindingLink(viewer, recommendationId, { ...input, suggested: text("suggested") === "1" });
  } catch (error) {
    return refusal(error, t);
  }
  if (outcome.changed) revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: t(outcome.changed ? `messages.${outcome.decision}` : "messages.unchanged") };
}
