import { assessmentInputSchema } from "@/lib/schemas/assessment";
import { createAssessment, listAssessments } from "@/lib/server/assessments";
import { jsonResponse } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { readWrite, withRecommendationId, type RecommendationRouteContext } from "@/lib/server/recommendation-route";

/** GET /api/recommendations/{id}/assessments: public assessments of every organisation, plus the caller's own private ones. */
export async function GET(request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => jsonResponse({ organizations: await listAssessments(await getViewer(request), id) }));
}

/** POST /api/recommendations/{id}/assessments: a new assessment for the caller's organisation (201 with its id and version). */
export async function POST(request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => {
    const { viewer, input } = await readWrite(request, assessmentInputSchema);
    return jsonResponse(await createAssessment(viewer, id, input), 201);
  });
}
