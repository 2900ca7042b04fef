import { setActionCategorySchema } from "@/lib/schemas/action-category";
import { clearActionCategoryOverride, getActionCategory, setActionCategoryOverride } from "@/lib/server/action-categories";
import { assertSameOrigin } from "@/lib/server/csrf";
import { jsonResponse, notFound } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { readWrite, withRecommendationId, type RecommendationRouteContext } from "@/lib/server/recommendation-route";

/** GET /api/recommendations/{id}/action-category: the effective category, its original and any override. Public. */
export async function GET(_request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => {
    const view = await getActionCategory(id);
    return view ? jsonResponse(view) : notFound();
  });
}

/** PUT /api/recommendations/{id}/action-category with { category, reason, organizationId? }: 200 with the category. */
export async function PUT(request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => {
    const { viewer, input } = await readWrite(request, setActionCategorySchema);
    return jsonResponse(await setActionCategoryOverride(viewer, id, input));
  });
}

/** DELETE /api/recommendations/{id}/action-category: clears the override, 200 with the restored category. */
export async function DELETE(request: Request, context: RecommendationRouteContext): Promise<Response> {
  return withRecommendationId(context, async (id) => {
    assertSameOrigin(request);
    return jsonResponse(await clearActionCategoryOverride(await getViewer(request), id));
  });
}
