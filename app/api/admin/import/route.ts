import { MAX_IMPORT_BYTES } from "@/lib/import/upload-limits";
import { adminImportQuerySchema } from "@/lib/schemas/admin-import";
import { assertSameOrigin } from "@/lib/server/csrf";
import { badRequest, jsonResponse, toHttpError } from "@/lib/server/http-errors";
import { ImportBusyError, RawBodyRequiredError, runImportJob, UnsupportedUploadError } from "@/lib/server/import-jobs";
import { getViewer } from "@/lib/server/permissions";
import { PayloadTooLargeError } from "@/lib/server/upload";
import { createNonce, securityHeaders, SIGNED_IN_CACHE_CONTROL } from "@/lib/security-headers";

/**
 * proxy.ts does not run for this route (it would buffer the upload in memory first), so the route sets the headers
 * every response carries itself. Every answer here is for a signed-in administrator, or a refusal: never cached.
 */
function secured(response: Response): Response {
  for (const [name, value] of Object.entries(securityHeaders(createNonce(), { dev: process.env.NODE_ENV === "development" }))) response.headers.set(name, value);
  response.headers.set("Cache-Control", SIGNED_IN_CACHE_CONTROL);
  return response;
}

async function handle(request: Request): Promise<Response> {
  const parsed = adminImportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error.issues);
  try {
    // Another site's page and anyone but an administrator are refused before the body is read.
    assertSameOrigin(request);
    const viewer = await getViewer(request);
    const events = await runImportJob(viewer, request, { query: parsed.data });
    return new Response(events, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return jsonResponse({ error: "payload_too_large", message: `the file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }, 413);
    if (error instanceof UnsupportedUploadError) return jsonResponse(error.refusal, 422);
    if (error instanceof RawBodyRequiredError) return jsonResponse({ error: "unsupported_media_type", message: error.message }, 415);
    if (error instanceof ImportBusyError) return jsonResponse({ error: "busy", message: error.message }, 429, { "Retry-After": "60" });
    return toHttpError(error);
  }
}

/**
 * POST /api/admin/import?mode=preview|apply[&state=ISO3][&cycle=N][&replace=1], for instance administrators: the file
 * (an OHCHR .docx, a UPR Info .csv, a UHRI .xlsx or .json, at most 100 MB) as the raw request body, its name in the
 * X-File-Name header (percent-encoded). Answers 200 with one ImportEvent per line (application/x-ndjson) as the import
 * runs in its own process: parse progress, the preview, then with mode=apply each review's start and end and the
 * result; an "error" line ends a failed one. Refusals come first, as JSON: 400 bad parameters, 401 signed out, 403 not
 * an administrator or another site's origin, 413 too large, 415 multipart, 422 not a file the importer reads, 429 busy.
 */
export async function POST(request: Request): Promise<Response> {
  return secured(await handle(request));
}
