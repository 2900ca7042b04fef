"use server";

import { z } from "zod";
import { documentHref } from "@/lib/findings/paths";
import { findingsTranslator, type Translate } from "@/lib/i18n/action-messages";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { refused, type FormState } from "@/lib/form-state";
import { findingInputSchema, findingUpdateSchema, unDocumentInputSchema, unDocumentUpdateSchema } from "@/lib/findings/schemas";
import { createFinding, createUnDocument, updateFinding, updateUnDocument } from "@/lib/server/findings";
import { ForbiddenError, NotFoundError, TwoFactorRequiredError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

/**
 * The forms that add and edit UN documents and findings: session, the shared zod schema, then lib/server/findings,
 * which checks the permission itself and audits the write. A success says where the record is (`href`, a path
 * without the locale).
 */

export type FindingFormState = FormState & { href?: string };

const FIELDS = ["symbol", "mechanism", "body", "title", "date", "url", "language", "paragraph", "text", "stateIso3", "themes", "affectedPersons", "organizationId"];

function fields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FIELDS) {
    const value = formData.get(name);
    if (typeof value === "string" && !(name === "organizationId" && value === "")) out[name] = value;
  }
  return out;
}

/** The server's own refusals on a field, by the words lib/server/findings gives them. */
const SERVER_MESSAGES: [RegExp, string][] = [
  [/already recorded/, "fieldErrors.symbolTaken"],
  [/add the document first/, "fieldErrors.noDocument"],
  [/not a UN Member/, "fieldErrors.unknownState"],
  [/several organisations/, "fieldErrors.organization"],
];

function fieldMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const known = SERVER_MESSAGES.find(([pattern]) => pattern.test(issue.message));
  if (known) return t(known[1]);
  if (issue.path[0] === "stateIso3") return t("fieldErrors.unknownState");
  if (/date/.test(issue.message)) return t("fieldErrors.date");
  if (/http/.test(issue.message)) return t("fieldErrors.url");
  if (issue.code === "too_big") return t(issue.origin === "array" ? "fieldErrors.tooMany" : "fieldErrors.tooLong", { maximum: Number(issue.maximum) });
  if (issue.code === "too_small" || /required/.test(issue.message)) return t("fieldErrors.required");
  return t("fieldErrors.invalid");
}

/** A refusal the person at the keyboard can act on; anything else is rethrown to the error page. */
function refusal(error: unknown, t: Translate, formData: FormData): FindingFormState {
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const name = String(issue.path[0] ?? "form");
      (fieldErrors[name] ??= []).push(fieldMessage(issue, t));
    }
    return refused(formData, { fieldErrors });
  }
  if (error instanceof UnauthenticatedError) return refused(formData, { message: t("messages.signIn") });
  if (error instanceof TwoFactorRequiredError) return refused(formData, { message: t("messages.twoFactorRequired") });
  if (error instanceof ForbiddenError) return refused(formData, { message: t("messages.forbidden") });
  if (error instanceof NotFoundError) return refused(formData, { message: t("messages.gone") });
  throw error;
}


/** Adds a UN document for the viewer's organisation. */
export async function createUnDocumentAction(_state: FindingFormState, formData: FormData): Promise<FindingFormState> {
  const t = await findingsTranslator();
  let symbol: string;
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    symbol = (await createUnDocument(viewer, unDocumentInputSchema.parse(fields(formData)))).symbol;
  } catch (error) {
    return refusal(error, t, formData);
  }
  revalidateLocalizedPath(documentHref(symbol));
  return { ok: true, message: t("form.documentSaved"), href: documentHref(symbol) };
}

/** Edits a UN document (its organisation's writers, or an admin; checked in updateUnDocument). */
export async function updateUnDocumentAction(documentId: number, _state: FindingFormState, formData: FormData): Promise<FindingFormState> {
  const t = await findingsTranslator();
  let symbol: string;
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    symbol = (await updateUnDocument(viewer, documentId, unDocumentUpdateSchema.parse(fields(formData)))).symbol;
  } catch (error) {
    return refusal(error, t, formData);
  }
  revalidateLocalizedPath(documentHref(symbol));
  return { ok: true, message: t("form.documentSaved"), href: documentHref(symbol) };
}

/** Adds a finding of a recorded document for the viewer's organisation. */
export async function createFindingAction(_state: FindingFormState, formData: FormData): Promise<FindingFormState> {
  const t = await findingsTranslator();
  let id: number;
  let symbol: string;
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    const input = findingInputSchema.parse(fields(formData));
    symbol = input.symbol;
    id = (await createFinding(viewer, input)).id;
  } catch (error) {
    return refusal(error, t, formData);
  }
  revalidateLocalizedPath(documentHref(symbol));
  return { ok: true, message: t("form.findingSaved"), href: `/findings/${id}` };
}

/** Edits a finding (its organisation's writers, or an admin; imported ones admins only; checked in updateFinding). */
export async function updateFindingAction(findingId: number, _state: FindingFormState, formData: FormData): Promise<FindingFormState> {
  const t = await findingsTranslator();
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    await updateFinding(viewer, findingId, findingUpdateSchema.parse(fields(formData)));
  } catch (error) {
    return refusal(error, t, formData);
  }
  revalidateLocalizedPath(`/findings/${findingId}`);
  return { ok: true, message: t("form.findingSaved"), href: `/findings/${findingId}` };
}
