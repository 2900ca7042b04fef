import { statusSheetQuerySchema, type StatusSheetPreview, type StatusSheetQuery } from "@/lib/schemas/status-sheet";
import { decodeSheet, MAX_SHEET_BYTES } from "@/lib/status-sheet/csv";
import { assertSameOrigin } from "@/lib/server/csrf";
import { badRequest, jsonResponse, toHttpError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { PayloadTooLargeError, uploadedSheetBytes } from "@/lib/server/upload";
import { applyStatusSheet, assertCanImportStatusSheet, exportStatusSheet, previewStatusSheet, StatusSheetRejectedError } from "@/lib/server/status-sheet";

function parseQuery(request: Request): { query: StatusSheetQuery } | { response: Response } {
  const parsed = statusSheetQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return parsed.success ? { query: parsed.data } : { response: badRequest(parsed.error.issues) };
}

/** GET /api/status-sheet?review=<id>[&organization=<id or slug>]: the organisation's sheet as a CSV download. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseQuery(request);
  if ("response" in parsed) return parsed.response;
  try {
    const viewer = await getViewer(request);
    const sheet = await exportStatusSheet({ kind: "user", viewer }, { reviewId: parsed.query.review, organization: parsed.query.organization });
    return new Response(sheet.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${sheet.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
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
  const parsed = parseQuery(request);
  if ("response" in parsed) return parsed.response;
  const { review, organization, mode } = parsed.query;
  try {
    // Refuse cross-site requests, and callers who may not import, before reading the body.
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    const target = { reviewId: review, organization };
    await assertCanImportStatusSheet(viewer, target);

    const bytes = await uploadedSheetBytes(request, MAX_SHEET_BYTES);
    const decoded = bytes ? decodeSheet(bytes) : { error: { code: "file.missing" as const, message: 'no sheet: send it as the body (text/csv) or as the form field "file"' } };
    if ("error" in decoded) return jsonResponse({ error: "invalid_sheet", changes: [], unchanged: 0, errors: [decoded.error], conflicts: [] }, 422);
    if (mode === "preview") return previewResponse(await previewStatusSheet({ kind: "user", viewer }, target, decoded.text));
    const result = await applyStatusSheet(viewer, target, decoded.text);
    return previewResponse(result);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return jsonResponse({ error: "payload_too_large", message: `the sheet may be at most ${MAX_SHEET_BYTES / 1024 / 1024} MB` }, 413);
    if (error instanceof StatusSheetRejectedError) return previewResponse(error.preview);
    return toHttpError(error);
  }
}
