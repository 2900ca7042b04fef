import { z } from "zod";

/** Limits that keep a note a note: one page of text, a handful of short tags. */
export const NOTE_BODY_MAX = 10_000;
export const NOTE_TAG_MAX = 50;
export const NOTE_TAGS_MAX = 20;

export const noteVisibilitySchema = z.enum(["private", "public"]);
export type NoteVisibilityWire = z.infer<typeof noteVisibilitySchema>;

const bodySchema = z.string().trim().min(1, "Write something").max(NOTE_BODY_MAX);
const tagsSchema = z
  .array(z.string().trim().min(1).max(NOTE_TAG_MAX))
  .max(NOTE_TAGS_MAX)
  .transform((tags) => [...new Set(tags)]);

/** POST /api/recommendations/{id}/notes and the add-note form. */
export const createNoteSchema = z.object({
  body: bodySchema,
  tags: tagsSchema.default([]),
  visibility: noteVisibilitySchema.default("private"),
  /** Needed only when the author writes in several organisations. */
  organizationId: z.string().min(1).optional(),
});
export type CreateNote = z.infer<typeof createNoteSchema>;

/** PATCH /api/notes/{id}: one or more of the editable fields. */
export const updateNoteSchema = z
  .object({ body: bodySchema, tags: tagsSchema, visibility: noteVisibilitySchema })
  .partial()
  .strict();
export type UpdateNote = z.infer<typeof updateNoteSchema>;

/** A note as the API answers it (GET, PATCH). */
export const noteSchema = z
  .object({
    id: z.string(),
    recommendationId: z.number().int().positive(),
    organization: z.object({ id: z.string(), name: z.string() }),
    author: z.object({ id: z.string(), name: z.string().describe("Display name, which may be a pseudonym") }),
    body: z.string(),
    tags: z.array(z.string()),
    visibility: noteVisibilitySchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    canEdit: z.boolean().describe("Whether the caller may edit and delete it: its author, or an owner of its organisation"),
  })
  .describe("A note on a recommendation");
export type NoteView = z.infer<typeof noteSchema>;

export const noteListSchema = z.object({ notes: z.array(noteSchema).describe("Newest first") });
export const createdNoteSchema = z.object({ id: z.string() });

/** Tags as typed in the form: comma-separated. */
export function parseTagList(raw: string): string[] {
  return raw
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
}
