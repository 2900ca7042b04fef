import { z } from "zod";

/**
 * The browser import of official documents by instance administrators (POST /api/admin/import): the query, the
 * limits the page and the route share, and the refusal the route answers for a file of the wrong kind. No database,
 * no country table: the page's client code imports this file.
 */

/** Journalists bring whole exports (UHRI's full export is about 250,000 rows); 100 MB holds every known one. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** What the file chooser offers; the content decides the format (lib/import detectFormat). */
export const IMPORT_FILE_EXTENSIONS = [".docx", ".csv", ".xlsx", ".json"] as const;

export const ADMIN_IMPORT_MODES = ["preview", "apply"] as const;

/** The header that carries the file's name (percent-encoded, as `encodeURIComponent` writes it) with a raw body. */
export const FILE_NAME_HEADER = "x-file-name";

/** POST /api/admin/import: unknown parameters and bad values are a 400, before the body is read. */
export const adminImportQuerySchema = z.strictObject({
  mode: z.enum(ADMIN_IMPORT_MODES).default("preview"),
  /** A filter for multi-State exports, and the fallback for a document whose heading lacks the State (ISO3). */
  state: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "must be an ISO 3166 alpha-3 code such as CHN")
    .transform((code) => code.toUpperCase())
    .optional(),
  /** A filter for multi-cycle exports, and the fallback for a document whose heading lacks the cycle. */
  cycle: z.coerce.number().int().min(1).max(9).optional(),
  /** 1: reviews already loaded from another source take this file's recommendations instead (audited). */
  replace: z.enum(["0", "1"]).default("0").transform((value) => value === "1"),
});

export type AdminImportQuery = z.infer<typeof adminImportQuerySchema>;

/**
 * Why an upload is not a file the importer reads, so the page can say it in its language; `message` is the English
 * text the API answers.
 */
export const UPLOAD_REFUSAL_CODES = ["empty", "pdf", "legacyOffice", "otherArchive", "notArchive", "notJson", "binary", "unknown"] as const;
export type UploadRefusalCode = (typeof UPLOAD_REFUSAL_CODES)[number];

export const uploadRefusalSchema = z.object({
  error: z.literal("unsupported_file"),
  code: z.enum(UPLOAD_REFUSAL_CODES),
  message: z.string(),
});
export type UploadRefusal = z.infer<typeof uploadRefusalSchema>;
