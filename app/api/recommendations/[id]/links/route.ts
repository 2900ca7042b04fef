import { recommendationIdSchema } from "@/lib/schemas/recommendation-api";
import { decideLinkSchema } from "@/lib/schemas/recurrence";
import { assertSameOrigin } from "@/lib/server/csrf";
import { badParam, jsonResponse, notFound, readJsonBody, toHttpError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { decideLink, getRecurrence } from "@/lib/server/recurrence";

type Context = { params: Promise<{ id: string }> };

/** GET /api/recommendations/{id}/links: the chain of confirmed counterparts across cycles and the open suggestions. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const id = recommendationIdSchema.safeParse((await params).id);
  if (!id.success) return badParam("id", id.error);
  try {
    const recurrence = await getRecurrence(id.data);
    return recurrence ? jsonResponse(recurrence) : notFound();
  } catch (error) {
    return toHttpError(error);
  }
}

/** PUT /api/recommendations/{id}/links with { otherId, decision, organizationId? }: 200 with the stored link. Editors and owners. */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const id = recommendationIdSchema.safeParse((await params).id);
  if (!id.success) return badParam("id", id.error);
  try {
    // Refuse cross-site requests, then who is asking, then what they sent.
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    if (!viewer) throw new UnauthenticatedError();
    const input = decideLinkSchema.parse(await readJsonBody(request));
    return jsonResponse(await decideLink(viewer, id.data, input));
  } catch (error) {
    return toHttpError(error);
  }
}
