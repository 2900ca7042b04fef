import { createHash } from "node:crypto";
import {
  parsedRecommendationSchema,
  type ImportFormat,
  type ImportIssue,
  type ParsedDocument,
  type ParsedRecommendation,
} from "./types";

/** Pieces both parsers share: the empty result, and the last check of every record against the contract. */

export function sha256Of(buffer: Buffer): string {
  return createHash("sha256").update(buffer).digest("hex");
}

/** A result with no records: what a parser returns when the file itself cannot be read. */
export function emptyDocument(format: ImportFormat, buffer: Buffer, fileName: string, errors: ImportIssue[] = []): ParsedDocument {
  return { format, fileName, sha256: sha256Of(buffer), title: null, reviews: [], recommendations: [], errors };
}

/**
 * Checks each record against the zod contract and keeps only those that pass, so the database writer never sees a
 * malformed record. A failing record adds an issue unless its location already has one (which then explains it).
 */
export function validateRecommendations(
  drafts: readonly ParsedRecommendation[],
  errors: ImportIssue[],
): ParsedRecommendation[] {
  const valid: ParsedRecommendation[] = [];
  for (const draft of drafts) {
    const result = parsedRecommendationSchema.safeParse(draft);
    if (result.success) {
      valid.push(result.data);
    } else if (!errors.some((e) => e.location === draft.location)) {
      const detail = result.error.issues.map((i) => `${i.path.join(".") || "record"}: ${i.message}`).join("; ");
      errors.push({ location: draft.location, message: `invalid recommendation (${detail})` });
    }
  }
  return valid;
}

/** Calls `onProgress` every `every` items and once at the end, for long files. */
export function progressReporter(
  total: number,
  onProgress: ((done: number, total: number) => void) | undefined,
  every = 50,
): (done: number) => void {
  return (done) => {
    if (onProgress && (done % every === 0 || done === total)) onProgress(done, total);
  };
}
