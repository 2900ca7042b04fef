import { exportFileName } from "@/lib/csv/format";
import { contentDisposition } from "@/lib/http/content-disposition";
import { labelLanguageOf, takeCsvOptions } from "@/lib/csv/options";
import { csvWords, type CsvWords } from "@/lib/csv/recommendation-words";
import { csvPreamble, formatCsvRecords, toCsvRecord } from "@/lib/csv/recommendations";
import { parseApiSearch } from "@/lib/search-params";
import { filterDetail, recordStatusOfMineDownload } from "@/lib/server/audit/downloads";
import { readableExportName } from "@/lib/server/filter-labels";
import { scopeApiQuery } from "@/lib/server/explorer-scope";
import { badRequest, toHttpError } from "@/lib/server/http-errors";
import { publicOrigin } from "@/lib/server/public-origin";
import { listRecommendationIds, listRecommendationsByIds } from "@/lib/server/recommendation-export";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { resolveApiCycles } from "@/lib/server/review-calendar";

/** Rows per database round trip: large enough to keep up with COPY, small enough that memory stays flat. */
const BATCH_SIZE = 1_000;

/**
 * GET /api/recommendations.csv: the WHOLE filtered set (the same where-builder as the list, so the file has exactly
 * the list's `total` rows), not one page, in the list's order: `sort` (relevance by default with `q`) with the same
 * tie-breakers, so row N of the file is row N of the screen's pages. `page` and `pageSize` are accepted so a URL
 * copied from the API or the explorer works, but ignored. The order is read once (the ids), the rows in batches.
 */
export async function GET(request: Request): Promise<Response> {
  // Validate the export's own option (`headers=zh`), then the filter parameters as strictly as the JSON API.
  const { options, filters } = takeCsvOptions(new URL(request.url).searchParams);
  if (!options.success) return badRequest(options.error.issues);
  const parsed = parseApiSearch(filters);
  if (!parsed.success) return badRequest(parsed.error.issues);
  let query = parsed.data;
  const headers = options.data.headers;

  // Read the order and the first batch before answering, so a database failure is still a clean 500, not a cut-off
  // file. The organisations `statusOf=mine` reads come from the session, as on the screen, so the file equals the list.
  let ids: Int32Array;
  let first: RecommendationRow[];
  try {
    // `cycle=2018`: the cycle of the reviews held that year; a year with no loaded review is a 400 naming `cycle`.
    const resolved = await resolveApiCycles(query);
    if ("refusal" in resolved) return resolved.refusal;
    query = resolved.query;
    const scoped = await scopeApiQuery(request, query);
    if ("refusal" in scoped) return scoped.refusal;
    ids = await listRecommendationIds(query, scoped.scope);
    first = await listRecommendationsByIds(ids.subarray(0, BATCH_SIZE));
    // A file of the organisation's private statuses is recorded before it starts, with the rows it will hold.
    await recordStatusOfMineDownload(scoped, {
      kind: "recommendations",
      format: "csv",
      rows: ids.length,
      subjectType: "recommendations",
      details: { filter: filterDetail(query), sort: query.sort, headers },
    });
  } catch (error) {
    return toHttpError(error);
  }

  const exportedAt = new Date();
  const filter = filterDetail(query);
  const words = csvWords(labelLanguageOf(headers), publicOrigin());
  // Named for people in the labels' language (the filters' names, never their slugs), with the ASCII name as fallback.
  let fileName: string;
  try {
    fileName = await readableExportName(query, labelLanguageOf(headers), exportedAt);
  } catch (error) {
    return toHttpError(error);
  }
  return new Response(csvStream(ids, first, words, csvPreamble(headers)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(fileName, { fallback: exportFileName(filter, exportedAt) }),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Export-Date": exportedAt.toISOString(),
      "X-Export-Filter": filter,
    },
  });
}

/**
 * Pull-based: the next batch is read only when the client has taken the previous one, so a 250,000-row export holds
 * one batch of rows in memory (and the ids, 4 bytes each), and a client that disconnects stops the reads.
 */
function csvStream(ids: Int32Array, first: RecommendationRow[], words: CsvWords, preamble: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: RecommendationRow[] | null = first;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(preamble));
    },
    async pull(controller) {
      try {
        const batch = pending ?? (await listRecommendationsByIds(ids.subarray(offset, offset + BATCH_SIZE)));
        pending = null;
        offset += BATCH_SIZE;
        if (batch.length > 0) controller.enqueue(encoder.encode(formatCsvRecords(batch.map((row) => toCsvRecord(row, words)))));
        if (offset >= ids.length) controller.close();
      } catch (error) {
        // The status line is already sent: log, and abort the body so the client sees a failed download.
        console.error(error);
        controller.error(error);
      }
    },
  });
}
