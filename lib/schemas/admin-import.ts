import { z } from "zod";
import { UPLOAD_REFUSAL_CODES } from "@/lib/import/upload-limits";

/**
 * The browser import of official documents by instance administrators (POST /api/admin/import): the query, the
 * refusal the route answers for a file of the wrong kind (the limits are in lib/import/upload-limits.ts).
 */

export const ADMIN_IMPORT_MODES = ["preview", "apply"] as const;

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

export const uploadRefusalSchema = z.object({
  error: z.literal("unsupported_file"),
  code: z.enum(UPLOAD_REFUSAL_CODES),
  message: z.string(),
});
export type UploadRefusal = z.infer<typeof uploadRefusalSchema>;
