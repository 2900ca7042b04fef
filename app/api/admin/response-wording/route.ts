import { decodeSheet, MAX_SHEET_BYTES } from "@/lib/csv-sheet/read";
import { responseWordingQuerySchema, type ResponseWordingPreview, type ResponseWordingQuery } from "@/lib/schemas/response-wording";
import { assertSameOrigin } from "@/lib/server/csrf";
import { badRequest, jsonResponse, toHttpError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import {
  applyResponseWording,
  assertCanImportResponseWording,
  exportResponseWordingTemplate,
  previewResponseWording,
  ResponseWordingRejectedError,
} from "@/lib/server/response-wording";
import { PayloadTooLargeError, uploadedSheetBytes } from "@/lib/server/upload";

function parseQuery(request: Request): { query: ResponseWordingQuery } | { response: Response } {
  const parsed = responseWordingQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return parsed.success ? { query: parsed.data } : { response: badRequest(parsed.error.issues) };
}

/**
 * GET /api/admin/response-wording?review=<id>: the review's wording template as a CSV download (instance
 * administrators). Its `position` and `recommendation` columns are for orientation: an import reads only
 * `paragraph`, `wording` and `addendum_paragraph`.
 */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseQuery(request);
  if ("response" in parsed) return parsed.response;
  try {
    const viewer = await getViewer(request);
    const template = await exportResponseWordingTemplate({ kind: "user", viewer }, parsed.query.review);
    return new Response(template.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${template.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return toHttpError(error);
  }
}

function previewResponse(preview: ResponseWordingPreview): Response {
  return preview.errors.length > 0 ? jsonResponse({ error: "invalid_sheet", ...preview }, 422) : jsonResponse(preview);
}

/**
 * POST /api/admin/response-wording?review=<id>&mode=preview|apply[&sourceSymbol=…] with the sheet as the body
 * (text/csv) or as the multipart field `file` (instance administrators). Answers the preview (200) or 422 with the row
 * errors; with mode=apply the wordings are set in one transaction and the answer adds `applied`.
 */
export async function POST(request: Request): Promise<Response> {
  const parsed = parseQuery(request);
  if ("response" in parsed) return parsed.response;
  const { review, mode, sourceSymbol } = parsed.query;
  try {
    // Refuse cross-site requests, and callers who may not import, before reading the body.
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    await assertCanImportResponseWording(viewer, review);

    const bytes = await uploadedSheetBytes(request, MAX_SHEET_BYTES);
    const decoded = bytes ? decodeSheet(bytes) : { error: { code: "file.missing" as const, message: 'no sheet: send it as the body (text/csv) or as the form field "file"' } };
    if ("error" in decoded) return jsonResponse({ error: "invalid_sheet", changes: [], unchanged: 0, errors: [decoded.error] }, 422);
    const actor = { kind: "user", viewer } as const;
    const target = { reviewId: review, sourceSymbol };
    if (mode === "preview") return previewResponse(await previewResponseWording(actor, target, decoded.text));
    return previewResponse(await applyResponseWording(actor, target, decoded.text));
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return jsonResponse({ error: "payload_too_large", message: `the sheet may be at most ${MAX_SHEET_BYTES / 1024 / 1024} MB` }, 413);
    if (error instanceof ResponseWordingRejectedError) return previewResponse(error.preview);
    return toHttpError(error);
  }
}
