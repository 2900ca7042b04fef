import { withdrawAssessmentInputSchema } from "@/lib/schemas/assessment";
import { withdrawAssessment } from "@/lib/server/assessments";
import { jsonResponse, toHttpError } from "@/lib/server/http-errors";
import { readWrite } from "@/lib/server/recommendation-route";

type Context = { params: Promise<{ id: string }> };

/**
 * POST /api/assessments/{id}/withdraw with { reason }: takes one of the caller's organisation's public versions out of
 * every public view (200 with the version, marked withdrawn, and the public version now current). Owners and editors.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  try {
    const { viewer, input } = await readWrite(request, withdrawAssessmentInputSchema);
    return jsonResponse(await withdrawAssessment(viewer, (await params).id, input));
  } catch (error) {
    return toHttpError(error);
  }
}
