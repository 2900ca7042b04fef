import { updateNoteSchema } from "@/lib/schemas/note";
import { jsonResponse, readJsonBody, toHttpError } from "@/lib/server/http-errors";
import { deleteNote, updateNote } from "@/lib/server/notes";
import { getViewer } from "@/lib/server/permissions";
import { assertSameOrigin } from "@/lib/server/csrf";

type Context = { params: Promise<{ id: string }> };

/** PATCH /api/notes/{id} with any of { body, tags, visibility }: 200 with the note. Author or owner only. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  try {
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    const patch = updateNoteSchema.parse(await readJsonBody(request));
    return jsonResponse(await updateNote(viewer, (await params).id, patch));
  } catch (error) {
    return toHttpError(error);
  }
}

/** DELETE /api/notes/{id}: 204. Author or owner only. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    assertSameOrigin(request);
    await deleteNote(await getViewer(request), (await params).id);
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toHttpError(error);
  }
}
