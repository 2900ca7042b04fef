import { recommendationIdSchema } from "@/lib/schemas/recommendation-api";
import { createNoteSchema } from "@/lib/schemas/note";
import { badParam, jsonResponse, readJsonBody, toHttpError, UnauthenticatedError } from "@/lib/server/http-errors";
import { createNote, listNotes } from "@/lib/server/notes";
import { getViewer } from "@/lib/server/permissions";
import { assertSameOrigin } from "@/lib/server/csrf";

type Context = { params: Promise<{ id: string }> };

/** GET /api/recommendations/{id}/notes: public notes, plus the caller's own organisations' private ones. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const id = recommendationIdSchema.safeParse((await params).id);
  if (!id.success) return badParam("id", id.error);
  try {
    return jsonResponse({ notes: await listNotes(await getViewer(request), id.data) });
  } catch (error) {
    return toHttpError(error);
  }
}

/** POST /api/recommendations/{id}/notes with { body, tags?, visibility?, organizationId? }: 201 { id }. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const id = recommendationIdSchema.safeParse((await params).id);
  if (!id.success) return badParam("id", id.error);
  try {
    // Refuse cross-site requests, then who is asking, then what they sent.
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    if (!viewer) throw new UnauthenticatedError();
    const input = createNoteSchema.parse(await readJsonBody(request));
    return jsonResponse(await createNote(viewer, id.data, input), 201);
  } catch (error) {
    return toHttpError(error);
  }
}
