import { z } from "zod";
import { FILE_ISSUE_CODES, type SheetProblem } from "@/lib/csv-sheet/issues";
import type { Position } from "@/lib/import/types";

/**
 * The response-wording sheet on the wire. OHCHR's lists say only Supported or Noted; the State's own words per
 * recommendation ("accepted and already implemented", "rejected") are printed in the review's addendum. An
 * administrator types them into a sheet of `paragraph`, `wording` and optionally `addendum_paragraph`, and imports it
 * for a review already loaded. The preview is what the API answers and the CLI prints.
 */

export const RESPONSE_WORDING_MODES = ["preview", "apply"] as const;

/** A document symbol as the UN prints it ("A/HRC/40/6/Add.1"): letters, digits and / . - ( ) and spaces. */
export const documentSymbolSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9/.\-() ]*$/, "must be a document symbol such as A/HRC/40/6/Add.1");

/** GET and POST /api/admin/response-wording. `sourceSymbol` replaces the review's addendum symbol as the source. */
export const responseWordingQuerySchema = z.strictObject({
  review: z.coerce.number().int().positive().max(2_147_483_647),
  mode: z.enum(RESPONSE_WORDING_MODES).default("preview"),
  sourceSymbol: documentSymbolSchema.optional(),
});

export type ResponseWordingQuery = z.infer<typeof responseWordingQuerySchema>;

/** Every kind of problem a wording sheet can have, stable (the file-level ones are the status sheet's too). */
export const WORDING_ISSUE_CODES = [
  ...FILE_ISSUE_CODES,
  "source.noSymbol",
  "row.noParagraph",
  "row.duplicateParagraph",
  "paragraph.notInReview",
  "wording.empty",
  "wording.tooLong",
  "wording.contradictsPosition",
  "addendumParagraph.invalid",
] as const;

export type WordingIssueCode = (typeof WORDING_ISSUE_CODES)[number];
export type WordingIssue = SheetProblem<WordingIssueCode>;

/** What a recommendation's response says: the State's words and where they were read. */
export type WordingValues = { wording: string | null; source: string | null };

/** A row that sets a recommendation's wording (or only its source). */
export type WordingChange = {
  row: number;
  recommendationId: number;
  paragraph: string;
  /** The recorded position (OHCHR's), which the wording agrees with. */
  position: Position | null;
  before: WordingValues;
  after: { wording: string; source: string };
  /** The position the wording means, or null for words the position table does not know (taken as written). */
  impliedPosition: Position | null;
};

export type ResponseWordingPreview = {
  review: { id: number; label: string; addendumSymbol: string | null };
  /** The document the sources name: `sourceSymbol` when given, else the review's addendum symbol. */
  sourceSymbol: string | null;
  /** Data rows read from the file (blank rows are not counted). */
  rows: number;
  changes: WordingChange[];
  /** Rows that repeat the current wording (and source): skipped, not recorded again. */
  unchanged: number;
  errors: WordingIssue[];
};

export type ResponseWordingApplied = ResponseWordingPreview & { applied: number };
