import { decideLinkSchema } from "@/lib/schemas/recurrence";
import { jsonResponse, notFound } from "@/lib/server/http-errors";
import { readWrite, withRecommendationId, type RecommendationRouteContext } from "@/lib/server/recommendation-route";
import { decideLink, getRecurrence } from "@/lib/server/recurrence";

/** GET /api/recommendations/{id}/links: the chain of confirmed counterparts across cycles and the open suggestions. */
export async function GET(_request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => {
    const recurrence = await getRecurrence(id);
    return recurrence ? jsonResponse(recurrence) : notFound();
  });
}

/** PUT /api/recommendations/{id}/links with { otherId, decision, organizationId? }: 200 with the stored link. Editors and owners. */
export async function PUT(request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => {
    const { viewer, input } = await readWrite(request, decideLinkSchema);
    return jsonResponse(await decideLink(viewer, id, input));
  });
}
