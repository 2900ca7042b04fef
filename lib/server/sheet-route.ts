import "server-only";
import type { z } from "zod";
import { decodeSheet, MAX_SHEET_BYTES } from "@/lib/csv-sheet/read";
import { contentDisposition } from "@/lib/http/content-disposition";
import { badRequest, jsonResponse } from "@/lib/server/http-errors";
import { PayloadTooLargeError, uploadedSheetBytes } from "@/lib/server/upload";

/**
 * What the two sheet routes (/api/status-sheet, /api/admin/response-wording) share: the query read by a zod schema,
 * the CSV download, the uploaded sheet decoded (or the 422 a file problem answers) and the 413 of a body too large, so
 * both answer a bad query, a bad file and a huge body alike.
 */

/** The query string read by the route's schema, or the 400 naming what is wrong. */
export function parseSheetQuery<Schema extends z.ZodType>(request: Request, schema: Schema): { query: z.output<Schema> } | { response: Response } {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return parsed.success ? { query: parsed.data } : { response: badRequest(parsed.error.issues) };
}

/**
 * An exported sheet as a download, never cached (it holds the caller's data) nor sniffed as anything but CSV, named
 * for people with the ASCII name as fallback.
 */
export function csvDownload(csv: string, { fileName, readableName }: { fileName: string; readableName: string }): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(readableName, { fallback: fileName }),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * The uploaded sheet's text (the raw body or the multipart field `file`), or the 422 of an empty preview whose one
 * error is the file's problem (missing, not UTF-8, …); `empty` adds the route's other empty lists. Throws
 * PayloadTooLargeError past MAX_SHEET_BYTES (see {@link tooLargeResponse}).
 */
export async function uploadedSheetText(request: Request, empty: Record<string, unknown> = {}): Promise<{ text: string } | { response: Response }> {
  const bytes = await uploadedSheetBytes(request, MAX_SHEET_BYTES);
  const decoded = bytes ? decodeSheet(bytes) : { error: { code: "file.missing" as const, message: 'no sheet: send it as the body (text/csv) or as the form field "file"' } };
  if ("error" in decoded) return { response: jsonResponse({ error: "invalid_sheet", changes: [], unchanged: 0, errors: [decoded.error], ...empty }, 422) };
  return { text: decoded.text };
}

/** The 413 of a sheet past MAX_SHEET_BYTES; null for any other error. */
export function tooLargeResponse(error: unknown): Response | null {
  if (!(error instanceof PayloadTooLargeError)) return null;
  return jsonResponse({ error: "payload_too_large", message: `the sheet may be at most ${MAX_SHEET_BYTES / 1024 / 1024} MB` }, 413);
}
