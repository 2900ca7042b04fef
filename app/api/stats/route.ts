import { statsCsv, statsFileName } from "@/lib/csv/stats";
import { contentDisposition } from "@/lib/http/content-disposition";
import { parseStatsSearch } from "@/lib/stats";
import { filtersOf, toSearchString } from "@/lib/search-params";
import { recordStatusOfMineDownload } from "@/lib/server/audit/downloads";
import { readableExportName } from "@/lib/server/filter-labels";
import { scopeApiQuery } from "@/lib/server/explorer-scope";
import { badRequest, jsonResponse, toHttpError } from "@/lib/server/http-errors";
import { countRecommendationStats } from "@/lib/server/stats";
import { resolveApiCycles } from "@/lib/server/review-calendar";

/** GET /api/stats?by=…: the recommendations matching the explorer's filters, counted by one dimension, as JSON or CSV. */
export async function GET(request: Request): Promise<Response> {
  // Validate the parameters strictly, as /api/recommendations does: a bad value is a 400 naming the field.
  const parsed = parseStatsSearch(new URL(request.url).searchParams);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const { by, format, ...asked } = parsed.data;

  try {
    // Whose private statuses `statusOf=mine` reads comes from the session, never from the URL.
    // `cycle=2018`: the cycle of the reviews held that year; a year with no loaded review is a 400 naming `cycle`.
    const resolved = await resolveApiCycles(asked);
    if ("refusal" in resolved) return resolved.refusal;
    const query = resolved.query;
    const scoped = await scopeApiQuery(request, query);
    if ("refusal" in scoped) return scoped.refusal;
    const filters = filtersOf({ ...query, sort: "-cycle" });
    const stats = await countRecommendationStats(by, filters, scoped.scope);
    const filter = toSearchString(filters).replace(/^\?/, "");
    // Counts of the organisation's private statuses are a download of them: recorded, with the filters and dimension.
    await recordStatusOfMineDownload(scoped, { kind: "stats", format, rows: stats.groups.length, subjectType: "stats", subjectId: by, details: { filter, by, total: stats.total } });
    if (format === "json") return jsonResponse(stats);
    const day = new Date();
    const fileName = await readableExportName(query, "en", day, by);
    return new Response(statsCsv(stats.groups), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(fileName, { fallback: statsFileName(by, filter, day) }),
        "Cache-Control": "no-store",
        "X-Stats-Total": String(stats.total),
      },
    });
  } catch (error) {
    return toHttpError(error);
  }
}
