import { csvPreamble, exportFileName, formatCsvRecords, takeCsvOptions, toCsvRecord, type CsvHeaderLanguage } from "@/lib/csv";
import { parseApiSearch, type RecommendationQuery } from "@/lib/search-params";
import { filterDetail, recordStatusOfMineDownload } from "@/lib/server/audit/downloads";
import { scopeApiQuery } from "@/lib/server/explorer-scope";
import { badRequest, toHttpError } from "@/lib/server/http-errors";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { countRecommendations, listRecommendationsAfter, type RecommendationRow } from "@/lib/server/recommendations";
import { resolveApiCycles } from "@/lib/server/review-calendar";

/** Rows per database round trip: large enough to keep up with COPY, small enough that memory stays flat. */
const BATCH_SIZE = 1_000;

/**
 * GET /api/recommendations.csv: the WHOLE filtered set (the same where-builder as the list, so the file has exactly
 * the list's `total` rows), not one page. `page`, `pageSize` and `sort` are accepted so a URL copied from the API or
 * the explorer works, but ignored: rows come in id order, read in keyset batches.
 */
export async function GET(request: Request): Promise<Response> {
  // Validate the export's own option (`headers=zh`), then the filter parameters as strictly as the JSON API.
  const { options, filters } = takeCsvOptions(new URL(request.url).searchParams);
  if (!options.success) return badRequest(options.error.issues);
  const parsed = parseApiSearch(filters);
  if (!parsed.success) return badRequest(parsed.error.issues);
  let query = parsed.data;

  // Read the first batch before answering, so a database failure is still a clean 500, not a cut-off file. The
  // organisations `statusOf=mine` reads come from the session, as on the screen, so the file equals the list.
  let first: RecommendationRow[];
  let scope: ViewerScope;
  try {
    // `cycle=2018`: the cycle of the reviews held that year; a year with no loaded review is a 400 naming `cycle`.
    const resolved = await resolveApiCycles(query);
    if ("refusal" in resolved) return resolved.refusal;
    query = resolved.query;
    const scoped = await scopeApiQuery(request, query);
    if ("refusal" in scoped) return scoped.refusal;
    scope = scoped.scope;
    first = await listRecommendationsAfter(query, 0, BATCH_SIZE, scope);
    // A file of the organisation's private statuses is recorded before it starts, with the rows it will hold.
    const rows = first.length < BATCH_SIZE ? first.length : await countRecommendations(query, scope);
    await recordStatusOfMineDownload(scoped, { kind: "recommendations", format: "csv", rows, subjectType: "recommendations", details: { filter: filterDetail(query), headers: options.data.headers } });
  } catch (error) {
    return toHttpError(error);
  }

  const exportedAt = new Date();
  const filter = filterDetail(query);
  return new Response(csvStream(query, scope, first, options.data.headers), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(filter, exportedAt)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Export-Date": exportedAt.toISOString(),
      "X-Export-Filter": filter,
    },
  });
}

/**
 * Pull-based: the next batch is read only when the client has taken the previous one, so a 250,000-row export holds
 * one batch in memory, and a client that disconnects stops the reads.
 */
function csvStream(query: RecommendationQuery, scope: ViewerScope, first: RecommendationRow[], headers: CsvHeaderLanguage): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: RecommendationRow[] | null = first;
  let lastId = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvPreamble(headers)));
    },
    async pull(controller) {
      try {
        const batch = pending ?? (await listRecommendationsAfter(query, lastId, BATCH_SIZE, scope));
        pending = null;
        const last = batch.at(-1);
        if (last) {
          controller.enqueue(encoder.encode(formatCsvRecords(batch.map(toCsvRecord))));
          lastId = last.id;
        }
        if (batch.length < BATCH_SIZE) controller.close();
      } catch (error) {
        // The status line is already sent: log, and abort the body so the client sees a failed download.
        console.error(error);
        controller.error(error);
      }
    },
  });
}
