import { toPublicRecommendation } from "@/lib/schemas/recommendation-api";
import { jsonResponse, notFound } from "@/lib/server/http-errors";
import { withRecommendationId, type RecommendationRouteContext } from "@/lib/server/recommendation-route";
import { getRecommendation } from "@/lib/server/recommendations";

/** GET /api/recommendations/{id}: one recommendation, in the same shape as the list's items. */
export async function GET(_request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => {
    const row = await getRecommendation(id);
    return row ? jsonResponse(toPublicRecommendation(row)) : notFound();
  });
}
