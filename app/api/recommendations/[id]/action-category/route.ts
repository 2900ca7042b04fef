import { recommendationIdSchema } from "@/lib/schemas/recommendation-api";
import { setActionCategorySchema } from "@/lib/schemas/action-category";
import { clearActionCategoryOverride, getActionCategory, setActionCategoryOverride } from "@/lib/server/action-categories";
import { assertSameOrigin } from "@/lib/server/csrf";
import { badParam, jsonResponse, notFound, readJsonBody, toHttpError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

type Context = { params: Promise<{ id: string }> };

/** GET /api/recommendations/{id}/action-category: the effective category, its original and any override. Public. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const id = recommendationIdSchema.safeParse((await params).id);
  if (!id.success) return badParam("id", id.error);
  try {
    const view = await getActionCategory(id.data);
    return view ? jsonResponse(view) : notFound();
  } catch (error) {
    return toHttpError(error);
  }
}

/** PUT /api/recommendations/{id}/action-category with { category, reason, organizationId? }: 200 with the category. */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const id = recommendationIdSchema.safeParse((await params).id);
  if (!id.success) return badParam("id", id.error);
  try {
    // Refuse cross-site requests, then who is asking, then what they sent.
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    if (!viewer) throw new UnauthenticatedError();
    const input = setActionCategorySchema.parse(await readJsonBody(request));
    return jsonResponse(await setActionCategoryOverride(viewer, id.data, input));
  } catch (error) {
    return toHttpError(error);
  }
}

/** DELETE /api/recommendations/{id}/action-category: clears the override, 200 with the restored category. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const id = recommendationIdSchema.safeParse((await params).id);
  if (!id.success) return badParam("id", id.error);
  try {
    assertSameOrigin(request);
    return jsonResponse(await clearActionCategoryOverride(await getViewer(request), id.data));
  } catch (error) {
    return toHttpError(error);
  }
}
