import { createNoteSchema } from "@/lib/schemas/note";
import { jsonResponse } from "@/lib/server/http-errors";
import { createNote, listNotes } from "@/lib/server/notes";
import { getViewer } from "@/lib/server/permissions";
import { readWrite, withRecommendationId, type RecommendationRouteContext } from "@/lib/server/recommendation-route";

/** GET /api/recommendations/{id}/notes: public notes, plus the caller's own organisations' private ones. */
export async function GET(request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => jsonResponse({ notes: await listNotes(await getViewer(request), id) }));
}

/** POST /api/recommendations/{id}/notes with { body, tags?, visibility?, organizationId? }: 201 { id }. */
export async function POST(request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => {
    const { viewer, input } = await readWrite(request, createNoteSchema);
    return jsonResponse(await createNote(viewer, id, input), 201);
  });
}
