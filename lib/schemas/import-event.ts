import { z } from "zod";
import type { ImportEvent } from "@/lib/import/plan";
import { importFormatSchema } from "@/lib/import/types";

/**
 * The import's events on the wire (one JSON object a line of POST /api/admin/import's answer), as zod schemas so the
 * OpenAPI description is generated from them. They mirror the contract in lib/import/plan.ts; the two checks at the
 * end fail the type check when either side changes without the other.
 */

const positionCountsSchema = z.object({ supported: z.number().int(), supportedInPart: z.number().int(), noted: z.number().int() });

export const importIssueSchema = z.object({
  location: z.string().describe('"file", "paragraph 28.66", "row 12", "rows 12, 40, 77 …"'),
  message: z.string(),
  kind: z.enum(["file", "layout", "unknown-state", "row", "review"]).optional().describe("What kind of problem, for grouping; absent means row."),
});

const reviewActionSchema = z
  .enum(["import", "skip", "replace", "refuse"])
  .describe("import: new or same source; skip: already loaded from another source; replace: switched on request (replace=1); refuse: replacing would lose organisations' work.");

export const reviewPlanSchema = z.object({
  stateUnderReview: z.string(),
  cycle: z.number().int(),
  session: z.number().int().nullable(),
  found: z.number().int().describe("Recommendations of this review in the file."),
  positions: positionCountsSchema,
  unknownRecommendingStates: z.number().int(),
  reported: z.number().int().nullable().describe("The officially reported total, when known."),
  loaded: z.number().int().describe("Recommendations of this review in the database now."),
  action: reviewActionSchema,
  existingFamily: z.enum(["OHCHR", "UPR_INFO", "UHRI"]).nullable(),
  note: z.string().nullable().describe("One line saying which source the review already has, when it is skipped or replaced."),
});

export const importPreviewSchema = z.object({
  format: importFormatSchema,
  fileName: z.string(),
  sha256: z.string(),
  recommendations: z.number().int(),
  positions: positionCountsSchema,
  recommendingStates: z.number().int(),
  unknownRecommendingStates: z.number().int(),
  notUpr: z.number().int().describe('Rows that are not UPR recommendations (treaty bodies, special procedures): "not UPR: N".'),
  findings: z.number().int().describe("Treaty-body and special-procedure findings in the file: one per record and State concerned."),
  unDocuments: z.number().int().describe("The UN documents (document symbols) those findings are passages of."),
  reviews: z.array(reviewPlanSchema),
  errors: z.array(importIssueSchema),
});

const reviewOutcomeSchema = z.object({
  stateUnderReview: z.string(),
  cycle: z.number().int(),
  action: reviewActionSchema,
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
});

const findingOutcomeSchema = z
  .object({
    documents: z.number().int(),
    documentsCreated: z.number().int(),
    documentsUpdated: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .describe("What the import did with the file's findings and their UN documents.");

export const importResultSchema = importPreviewSchema.extend({
  sourceDocumentId: z.number().int().nullable(),
  outcomes: z.array(reviewOutcomeSchema),
  findingOutcome: findingOutcomeSchema.nullable(),
});

export const importEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("parse"), done: z.number().int(), total: z.number().int() }).describe("Reading the file: rows or paragraphs done of total."),
  z.object({ type: z.literal("preview"), preview: importPreviewSchema }).describe("What the import will do, review by review."),
  z
    .object({
      type: z.literal("review"),
      index: z.number().int(),
      of: z.number().int(),
      stateUnderReview: z.string(),
      cycle: z.number().int(),
      phase: z.enum(["start", "done"]),
      outcome: reviewOutcomeSchema.optional(),
    })
    .describe("A review's transaction started, or committed (with its outcome)."),
  z.object({ type: z.literal("result"), result: importResultSchema }).describe("The import finished; the last line."),
  z.object({ type: z.literal("error"), message: z.string(), errors: z.array(importIssueSchema).optional() }).describe("The import stopped; the last line."),
]);

type Wire = z.infer<typeof importEventSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsContract: Same<Wire, ImportEvent> = true;
void sameAsContract;
