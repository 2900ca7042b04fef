"use server";

import { detailTranslator, translatedFieldErrors, type Translate } from "@/lib/i18n/action-messages";
import { refused, type FormState } from "@/lib/form-state";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { z } from "zod";
import { createNoteSchema, parseTagList, updateNoteSchema } from "@/lib/schemas/note";
import { ForbiddenError, NotFoundError, TwoFactorRequiredError, UnauthenticatedError } from "@/lib/server/http-errors";
import { createNote, deleteNote, updateNote } from "@/lib/server/notes";
import { getViewer } from "@/lib/server/permissions";

export type NoteFormState = FormState;

function fields(formData: FormData): Record<string, unknown> {
  const text = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)) : undefined);
  const organizationId = text("organizationId");
  return { body: text("body"), tags: parseTagList(text("tags") ?? ""), visibility: text("visibility"), ...(organizationId ? { organizationId } : {}) };
}

/** A refusal the person at the keyboard can act on; anything else is rethrown to the error page. */
function refusal(error: unknown, t: Translate, formData: FormData): NoteFormState {
  if (error instanceof z.ZodError) return refused(formData, { fieldErrors: translatedFieldErrors(error.issues, t, (issue) => issue.path.slice(0, 1)) });
  if (error instanceof UnauthenticatedError) return refused(formData, { message: t("messages.signInNotes") });
  if (error instanceof TwoFactorRequiredError) return refused(formData, { message: t("messages.twoFactorRequired") });
  if (error instanceof ForbiddenError) return refused(formData, { message: t("messages.roleForbids") });
  if (error instanceof NotFoundError) return refused(formData, { message: t("messages.noteGone") });
  throw error;
}

/** Adds a note from the detail page's form. */
export async function createNoteAction(recommendationId: number, _state: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const t = await detailTranslator();
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    await createNote(viewer, recommendationId, createNoteSchema.parse(fields(formData)));
  } catch (error) {
    return refusal(error, t, formData);
  }
  revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: t("messages.noteSaved") };
}

/** Edits a note (its author while an editor or owner, or an owner; checked in updateNote). */
export async function updateNoteAction(noteId: string, _state: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const t = await detailTranslator();
  let recommendationId: number;
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    const { body, tags, visibility } = fields(formData);
    recommendationId = (await updateNote(viewer, noteId, updateNoteSchema.parse({ body, tags, visibility }))).recommendationId;
  } catch (error) {
    return refusal(error, t, formData);
  }
  revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: t("messages.noteUpdated") };
}

/** Deletes a note (its author while an editor or owner, or an owner; checked in deleteNote). A refusal comes back as a message, never an error page. */
export async function deleteNoteAction(noteId: string, recommendationId: number, _state: NoteFormState, formData: FormData): Promise<NoteFormState> {
  const t = await detailTranslator();
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    await deleteNote(viewer, noteId);
  } catch (error) {
    return refusal(error, t, formData);
  }
  revalidateLocalizedPath(`/recommendations/${recommendationId}`);
  return { ok: true, message: t("messages.noteDeleted") };
}
