import { statusSheetQuerySchema, type StatusSheetPreview } from "@/lib/schemas/status-sheet";
import { assertSameOrigin } from "@/lib/server/csrf";
import { jsonResponse, toHttpError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { csvDownload, parseSheetQuery, tooLargeResponse, uploadedSheetText } from "@/lib/server/sheet-route";
import { applyStatusSheet, assertCanImportStatusSheet, exportStatusSheet, previewStatusSheet, StatusSheetRejectedError } from "@/lib/server/status-sheet";

/** GET /api/status-sheet?review=<id>[&organization=<id or slug>]: the organisation's sheet as a CSV download. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseSheetQuery(request, statusSheetQuerySchema);
  if ("response" in parsed) return parsed.response;
  try {
    const viewer = await getViewer(request);
    const sheet = await exportStatusSheet({ kind: "user", viewer }, { reviewId: parsed.query.review, organization: parsed.query.organization });
    return csvDownload(sheet.csv, sheet);
  } catch (error) {
    return toHttpError(error);
  }
}

function previewResponse(preview: StatusSheetPreview, extra: Record<string, unknown> = {}): Response {
  const status = preview.errors.length > 0 ? 422 : preview.conflicts.length > 0 ? 409 : 200;
  const error = status === 422 ? { error: "invalid_sheet" } : status === 409 ? { error: "conflict" } : {};
  return jsonResponse({ ...error, ...preview, ...extra }, status);
}

/**
 * POST /api/status-sheet?review=<id>[&organization=…]&mode=preview|apply with the sheet as the body (text/csv) or as
 * the multipart field `file`. Answers the preview (200), or 422 with the row errors, 409 with the conflicts; with
 * mode=apply the changes are recorded in one transaction and the answer adds `applied`.
 */
export async function POST(request: Request): Promise<Response> {
  const parsed = parseSheetQuery(request, statusSheetQuerySchema);
  if ("response" in parsed) return parsed.response;
  const { review, organization, mode } = parsed.query;
  try {
    // Refuse cross-site requests, and callers who may not import, before reading the body.
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    const target = { reviewId: review, organization };
    await assertCanImportStatusSheet(viewer, target);

    const sheet = await uploadedSheetText(request, { conflicts: [] });
    if ("response" in sheet) return sheet.response;
    if (mode === "preview") return previewResponse(await previewStatusSheet({ kind: "user", viewer }, target, sheet.text));
    const result = await applyStatusSheet(viewer, target, sheet.text);
    return previewResponse(result);
  } catch (error) {
    if (error instanceof StatusSheetRejectedError) return previewResponse(error.preview);
    return tooLargeResponse(error) ?? toHttpError(error);
  }
}
