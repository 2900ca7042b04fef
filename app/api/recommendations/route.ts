import { toPublicRecommendation, type RecommendationList } from "@/lib/schemas/recommendation-api";
import { parseApiSearch } from "@/lib/search-params";
import { filterDetail, recordStatusOfMineDownload } from "@/lib/server/audit/downloads";
import { scopeApiQuery } from "@/lib/server/explorer-scope";
import { badRequest, jsonResponse, toHttpError } from "@/lib/server/http-errors";
import { listRecommendations } from "@/lib/server/recommendations";
import { resolveApiCycles } from "@/lib/server/review-calendar";

/** GET /api/recommendations: one page of the filtered set, with the total over all pages. */
export async function GET(request: Request): Promise<Response> {
  // Validate the parameters strictly: a bad value is the caller's to fix, so it is a 400 with the issues.
  const parsed = parseApiSearch(new URL(request.url).searchParams);
  if (!parsed.success) return badRequest(parsed.error.issues);

  try {
    // Whose private statuses `statusOf=mine` reads comes from the session, never from the URL.
    // `cycle=2018`: the cycle of the reviews held that year; a year with no loaded review is a 400 naming `cycle`.
    const resolved = await resolveApiCycles(parsed.data);
    if ("refusal" in resolved) return resolved.refusal;
    const query = resolved.query;
    const scoped = await scopeApiQuery(request, query);
    if ("refusal" in scoped) return scoped.refusal;
    const page = await listRecommendations(query, scoped.scope);
    const body: RecommendationList = { total: page.total, page: page.page, pageSize: page.pageSize, items: page.items.map(toPublicRecommendation) };
    // A page read with the organisation's private statuses is a download of them: recorded, with its filters.
    await recordStatusOfMineDownload(scoped, {
      kind: "recommendations",
      format: "json",
      rows: page.items.length,
      subjectType: "recommendations",
      details: { filter: filterDetail(query), page: page.page, total: page.total },
    });
    return jsonResponse(body);
  } catch (error) {
    return toHttpError(error);
  }
}
