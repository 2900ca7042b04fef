import { z } from "zod";
import { FILE_NAME_HEADER, MAX_IMPORT_BYTES } from "@/lib/import/upload-limits";
import { adminImportQuerySchema, uploadRefusalSchema } from "@/lib/schemas/admin-import";
import { importEventSchema } from "@/lib/schemas/import-event";
import { embedded, error, json, ref, type JsonSchema } from "./json-schema";

/**
 * What instance administrators use over HTTP: the browser import of official documents. The query and the events are
 * the zod schemas the route and the import job use (lib/schemas/admin-import.ts, import-event.ts).
 */

export const adminResponseSchemas = { ImportEvent: importEventSchema, UploadRefusal: uploadRefusalSchema };

const PARAMETERS: Record<keyof typeof adminImportQuerySchema.shape, string> = {
  mode: "`preview` (default): read the file and say what an import would do, writing nothing. `apply`: import it.",
  state: "State under review, ISO 3166 alpha-3: only its recommendations from an export holding many; the State of a document whose heading does not name it.",
  cycle: "UPR cycle: a filter for exports holding several, the cycle of a document whose heading does not say.",
  replace: "`1`: reviews already loaded from another source (OHCHR, UPR Info, UHRI) are replaced by this file's recommendations, unless organisations' work hangs on them; audited. Default `0`: such reviews are skipped, each with a note naming its source.",
};

function parameters(): JsonSchema[] {
  return Object.entries(adminImportQuerySchema.shape).map(([name, field]) => {
    const contract = field instanceof z.ZodPipe ? field.in : field;
    return {
      name,
      in: "query",
      required: false,
      description: PARAMETERS[name as keyof typeof PARAMETERS],
      schema: embedded(z.toJSONSchema(contract as z.ZodType, { io: "input", unrepresentable: "any" })),
    };
  });
}

export function adminPaths(): Record<string, JsonSchema> {
  return {
    "/api/admin/import": {
      post: {
        operationId: "importDocument",
        summary: "Import an official document (instance administrators): preview it, then apply it, with progress as it runs.",
        description:
          `The file is the raw request body (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB): an OHCHR thematic list (.docx), a UPR Info export ` +
          "(.csv, the 2015 layout or the current database), or a UHRI export (.xlsx or .json); the format is detected from the content. " +
          `Its name goes in the \`${FILE_NAME_HEADER}\` header, percent-encoded. The file is read and written by a separate process, the same ` +
          "code path as `npm run upr -- import`; each review is one transaction, all or nothing, and a failure (or a kill) leaves the review " +
          "in progress as it was. The answer streams one ImportEvent per line as it happens: `parse` progress, the `preview`, then with " +
          "mode=apply each review's `start` and `done` and the `result`; an `error` line ends a failed run. Every upload is in the audit log " +
          "(`import.upload`, with the administrator, the file's name and SHA-256), and the import's writes too. Refusals come before the body " +
          "is read (400, 401, 403, 415, 429) or while it streams (413).",
        security: [{ sessionCookie: [] }],
        parameters: [
          ...parameters(),
          { name: FILE_NAME_HEADER, in: "header", required: false, description: "The file's name, percent-encoded (`encodeURIComponent`).", schema: { type: "string" } },
        ],
        requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
        responses: {
          "200": {
            description: "The import's events, one JSON object per line (NDJSON), as they happen.",
            content: { "application/x-ndjson": { schema: ref("ImportEvent") } },
          },
          "400": error("A parameter is unknown or has a bad value; `issues` names it."),
          "401": error("No valid session cookie: sign in first."),
          "403": error("The caller is not an instance administrator, or the request came from another site."),
          "413": error(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`),
          "415": error("A multipart form: send the file itself as the body."),
          "422": json("Not a file the importer reads (a PDF, an old .doc or .xls, an empty file…); `code` says which.", "UploadRefusal"),
          "429": error("Two imports are running already; try again when one has finished (Retry-After)."),
          "500": error("Unexpected server error (details are logged, never returned)."),
        },
      },
    },
  };
}
