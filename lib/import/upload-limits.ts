/**
 * What the browser import accepts, shared by its page, its route and lib/schemas/admin-import.ts. Plain constants
 * with no zod, because the page's script imports them (zod probes `Function("")`, which the CSP reports).
 */

/** Journalists bring whole exports (UHRI's full export is about 250,000 rows); 100 MB holds every known one. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** What the file chooser offers; the content decides the format (lib/import detectFormat). */
export const IMPORT_FILE_EXTENSIONS = [".docx", ".csv", ".xlsx", ".json"] as const;

/** The header that carries the file's name (percent-encoded, as `encodeURIComponent` writes it) with a raw body. */
export const FILE_NAME_HEADER = "x-file-name";

/**
 * Why an upload is not a file the importer reads, so the page can say it in its language; the route's `message` is
 * the English text the API answers.
 */
export const UPLOAD_REFUSAL_CODES = ["empty", "pdf", "legacyOffice", "otherArchive", "notArchive", "notJson", "binary", "unknown"] as const;
export type UploadRefusalCode = (typeof UPLOAD_REFUSAL_CODES)[number];
