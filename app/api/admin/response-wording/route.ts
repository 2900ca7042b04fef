import { responseWordingQuerySchema, type ResponseWordingPreview } from "@/lib/schemas/response-wording";
import { assertSameOrigin } from "@/lib/server/csrf";
import { jsonResponse, toHttpError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import {
  applyResponseWording,
  assertCanImportResponseWording,
  exportResponseWordingTemplate,
  previewResponseWording,
  ResponseWordingRejectedError,
} from "@/lib/server/response-wording";
import { csvDownload, parseSheetQuery, tooLargeResponse, uploadedSheetText } from "@/lib/server/sheet-route";

/**
 * GET /api/admin/response-wording?review=<id>: the review's wording template as a CSV download (instance
 * administrators). Its `position` and `recommendation` columns are for orientation: an import reads only
 * `paragraph`, `wording` and `addendum_paragraph`.
 */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseSheetQuery(request, responseWordingQuerySchema);
  if ("response" in parsed) return parsed.response;
  try {
    const viewer = await getViewer(request);
    const template = await exportResponseWordingTemplate({ kind: "user", viewer }, parsed.query.review);
    return csvDownload(template.csv, template);
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
  const parsed = parseSheetQuery(request, responseWordingQuerySchema);
  if ("response" in parsed) return parsed.response;
  const { review, mode, sourceSymbol } = parsed.query;
  try {
    // Refuse cross-site requests, and callers who may not import, before reading the body.
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    await assertCanImportResponseWording(viewer, review);

    const sheet = await uploadedSheetText(request);
    if ("response" in sheet) return sheet.response;
    const actor = { kind: "user", viewer } as const;
    const target = { reviewId: review, sourceSymbol };
    if (mode === "preview") return previewResponse(await previewResponseWording(actor, target, sheet.text));
    return previewResponse(await applyResponseWording(actor, target, sheet.text));
  } catch (error) {
    if (error instanceof ResponseWordingRejectedError) return previewResponse(error.preview);
    return tooLargeResponse(error) ?? toHttpError(error);
  }
}
