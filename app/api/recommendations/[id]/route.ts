import { recommendationIdSchema, toPublicRecommendation } from "@/lib/schemas/recommendation-api";
import { badParam, jsonResponse, notFound, toHttpError } from "@/lib/server/http-errors";
import { getRecommendation } from "@/lib/server/recommendations";

/** GET /api/recommendations/{id}: one recommendation, in the same shape as the list's items. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const parsed = recommendationIdSchema.safeParse((await params).id);
  if (!parsed.success) return badParam("id", parsed.error);

  try {
    const row = await getRecommendation(parsed.data);
    return row ? jsonResponse(toPublicRecommendation(row)) : notFound();
  } catch (error) {
    return toHttpError(error);
  }
}
