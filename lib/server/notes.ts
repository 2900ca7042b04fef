import "server-only";
import { can, readableOrganizations } from "@/lib/auth/policy";
import type { CreateNote, NoteView, NoteVisibilityWire, UpdateNote } from "@/lib/schemas/note";
import { recordAuditEvent } from "./audit";
import { getDb } from "./db";
import type { NoteVisibility, Prisma } from "./generated/prisma/client";
import { NotFoundError, TwoFactorRequiredError, UnauthenticatedError } from "./http-errors";
import { authorize, writingOrganization, type Viewer } from "./permissions";

/** A note as pages and the API show it: the author by display name only (it may be a pseudonym), never an email. */
export type { NoteView };

const TO_DB: Record<NoteVisibilityWire, NoteVisibility> = { private: "NOTE_PRIVATE", public: "NOTE_PUBLIC" };
const FROM_DB: Record<NoteVisibility, NoteVisibilityWire> = { NOTE_PRIVATE: "private", NOTE_PUBLIC: "public" };

const noteSelect = {
  id: true,
  recommendationId: true,
  organizationId: true,
  authorUserId: true,
  body: true,
  tags: true,
  visibility: true,
  createdAt: true,
  updatedAt: true,
  organization: { select: { id: true, name: true } },
  author: { select: { id: true, name: true } },
} as const;

type NoteRow = Prisma.NoteGetPayload<{ select: typeof noteSelect }>;
/**
 * Loads a note for a write and checks, through the policy, that the caller may make it (`note.update` or `note.delete`:
 * the author while still an editor or owner there, or an owner; the role is today's). A private note the caller cannot
 * read answers 404, like a missing one, so its existence does not leak to other organisations; a member whose session
 * lacks the second factor their organisation requires is told so instead.
 */
async function loadForWrite(viewer: Viewer | null, noteId: string, action: "note.update" | "note.delete"): Promise<{ actor: Viewer; before: NoteRow }> {
  if (!viewer) throw new UnauthenticatedError();
  const note = await getDb().note.findUnique({ where: { id: noteId }, select: noteSelect });
  if (!note) throw new NotFoundError();
  if (note.visibility === "NOTE_PRIVATE") {
    const read = can(viewer, "organization.readPrivate", { organizationId: note.organizationId });
    if (!read.allowed && read.reason === "two-factor-required") throw new TwoFactorRequiredError();
    if (!read.allowed) throw new NotFoundError();
  }
  authorize(viewer, action, { organizationId: note.organizationId, authorUserId: note.authorUserId });
  return { actor: viewer, before: note };
}

function toView(viewer: Viewer | null, note: NoteRow): NoteView {
  return {
    id: note.id,
    recommendationId: note.recommendationId,
    organization: note.organization,
    author: note.author,
    body: note.body,
    tags: note.tags,
    visibility: FROM_DB[note.visibility],
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    canEdit: can(viewer, "note.update", { organizationId: note.organizationId, authorUserId: note.authorUserId }).allowed,
  };
}

/** Adds a note on a recommendation for an editor or owner of the organisation, with its audit event. */
export async function createNote(viewer: Viewer | null, recommendationId: number, input: CreateNote): Promise<{ id: string }> {
  if (!viewer) throw new UnauthenticatedError();
  const organizationId = writingOrganization(viewer, "note.create", input.organizationId);
  return getDb().$transaction(async (tx) => {
    const recommendation = await tx.recommendation.findUnique({ where: { id: recommendationId }, select: { id: true } });
    if (!recommendation) throw new NotFoundError();
    const note = await tx.note.create({
      data: { recommendationId, organizationId, authorUserId: viewer.user.id, body: input.body, tags: input.tags, visibility: TO_DB[input.visibility] },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorUserId: viewer.user.id,
      organizationId,
      action: "note.create",
      subjectType: "note",
      subjectId: note.id,
      changes: { recommendationId, body: [null, input.body], tags: [null, input.tags], visibility: [null, input.visibility] },
    });
    return note;
  });
}

/** Public notes of every organisation, plus the private notes of the caller's own organisations; newest first. */
export async function listNotes(viewer: Viewer | null, recommendationId: number): Promise<NoteView[]> {
  const notes = await getDb().note.findMany({
    where: { recommendationId, OR: [{ visibility: "NOTE_PUBLIC" }, { organizationId: { in: readableOrganizations(viewer) } }] },
    select: noteSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return notes.map((note) => toView(viewer, note));
}

/** Changes a note (its author while an editor or owner there, or an owner of its organisation); the audit event holds [before, after] of each changed field. */
export async function updateNote(viewer: Viewer | null, noteId: string, patch: UpdateNote): Promise<NoteView> {
  const { actor, before } = await loadForWrite(viewer, noteId, "note.update");
  const beforeWire = { body: before.body, tags: before.tags, visibility: FROM_DB[before.visibility] };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ["body", "tags", "visibility"] as const) {
    const next = patch[key];
    if (next !== undefined && JSON.stringify(next) !== JSON.stringify(beforeWire[key])) changes[key] = [beforeWire[key], next];
  }
  if (Object.keys(changes).length === 0) return toView(actor, before);
  return getDb().$transaction(async (tx) => {
    const after = await tx.note.update({
      where: { id: noteId },
      data: { body: patch.body, tags: patch.tags, visibility: patch.visibility ? TO_DB[patch.visibility] : undefined },
      select: noteSelect,
    });
    await recordAuditEvent(tx, {
      actorUserId: actor.user.id,
      organizationId: before.organizationId,
      action: "note.update",
      subjectType: "note",
      subjectId: noteId,
      changes: { recommendationId: before.recommendationId, ...changes },
    });
    return toView(actor, after);
  });
}

/** Deletes a note (its author while an editor or owner there, or an owner of its organisation); the audit event keeps what was deleted. */
export async function deleteNote(viewer: Viewer | null, noteId: string): Promise<void> {
  const { actor, before } = await loadForWrite(viewer, noteId, "note.delete");
  await getDb().$transaction(async (tx) => {
    await tx.note.delete({ where: { id: noteId } });
    await recordAuditEvent(tx, {
      actorUserId: actor.user.id,
      organizationId: before.organizationId,
      action: "note.delete",
      subjectType: "note",
      subjectId: noteId,
      changes: { recommendationId: before.recommendationId, body: [before.body, null], tags: [before.tags, null], visibility: [FROM_DB[before.visibility], null] },
    });
  });
}
