import { assessmentInputSchema } from "@/lib/schemas/assessment";
import { recommendationIdSchema } from "@/lib/schemas/recommendation-api";
import { createAssessment, listAssessments } from "@/lib/server/assessments";
import { assertSameOrigin } from "@/lib/server/csrf";
import { badParam, jsonResponse, readJsonBody, toHttpError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

type Context = { params: Promise<{ id: string }> };

/** GET /api/recommendations/{id}/assessments: public assessments of every organisation, plus the caller's own private ones. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const parsed = recommendationIdSchema.safeParse((await params).id);
  if (!parsed.success) return badParam("id", parsed.error);

  try {
    const viewer = await getViewer(request);
    return jsonResponse({ organizations: await listAssessments(viewer, parsed.data) });
  } catch (error) {
    return toHttpError(error);
  }
}

/** POST /api/recommendations/{id}/assessments: a new assessment for the caller's organisation (201 with its id and version). */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const parsed = recommendationIdSchema.safeParse((await params).id);
  if (!parsed.success) return badParam("id", parsed.error);

  try {
    // Refuse cross-site requests before reading the session or the body.
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    if (!viewer) throw new UnauthenticatedError();
    const input = assessmentInputSchema.parse(await readJsonBody(request));
    return jsonResponse(await createAssessment(viewer, parsed.data, input), 201);
  } catch (error) {
    return toHttpError(error);
  }
}
