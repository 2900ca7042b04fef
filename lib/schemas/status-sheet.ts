import { z } from "zod";
import { FILE_ISSUE_CODES, formatSheetIssue, type SheetIssueValues, type SheetProblem } from "@/lib/csv-sheet/issues";
import type { AssessmentStatusValue, ConfidenceValue, VisibilityValue } from "./assessment";

/**
 * The status sheet on the wire: an organisation's current assessments of one review as CSV, edited in a spreadsheet
 * and imported back. The preview is what the API answers, the page shows and the CLI prints.
 */

export const STATUS_SHEET_MODES = ["preview", "apply"] as const;

/** GET and POST /api/status-sheet: `organization` (id or slug) may be left out by a member of one organisation. */
export const statusSheetQuerySchema = z.strictObject({
  review: z.coerce.number().int().positive().max(2_147_483_647),
  organization: z.string().trim().min(1).max(200).optional(),
  mode: z.enum(STATUS_SHEET_MODES).default("preview"),
});

export type StatusSheetQuery = z.infer<typeof statusSheetQuerySchema>;

/**
 * Every kind of problem a sheet can have, stable: `code` lets the page word it in its language (statusSheet.problem.*)
 * with `values` as ICU arguments, while `message` stays the English text the API and the CLI show.
 */
export const SHEET_ISSUE_CODES = [
  ...FILE_ISSUE_CODES,
  "row.noReference",
  "row.duplicateParagraph",
  "row.duplicateRecommendation",
  "recommendationId.invalid",
  "recommendationId.notInReview",
  "paragraph.mismatch",
  "paragraph.mismatchNoParagraph",
  "paragraph.notInReview",
  "status.notOneOf",
  "assessedOn.notDate",
  "rationale.tooLong",
  "confidence.notOneOf",
  "visibility.notOneOf",
  "version.invalid",
  "version.notExist",
  "conflict.savedSince",
  "conflict.savedSinceRecommendation",
] as const;

export type SheetIssueCode = (typeof SHEET_ISSUE_CODES)[number];
export type { SheetIssueValues };

/** A problem with the file (no `row`) or with one row; `row` is the spreadsheet's row number (the header is row 1). */
export type SheetIssue = SheetProblem<SheetIssueCode>;

/** What an assessment says, as the sheet's editable columns hold it. */
export type SheetValues = {
  status: AssessmentStatusValue;
  assessedOn: string;
  rationale: string;
  confidence: ConfidenceValue;
  visibility: VisibilityValue;
};

export type SheetField = keyof SheetValues;

/** A row that becomes a new assessment version. `before` is null when the organisation had none. */
export type SheetChange = {
  row: number;
  recommendationId: number;
  paragraph: string | null;
  before: (SheetValues & { version: number }) | null;
  after: SheetValues;
  fields: SheetField[];
};

/** A row edited from a version someone has since replaced: importing it would silently undo their save. */
export type SheetConflict = {
  row: number;
  recommendationId: number;
  paragraph: string | null;
  sheetVersion: number;
  currentVersion: number;
  savedBy: string;
  savedAt: string;
  /** As for a SheetIssue; `values.savedAt` is the ISO timestamp (the page formats it). */
  code: SheetIssueCode;
  values: SheetIssueValues;
  message: string;
};

export type StatusSheetPreview = {
  review: { id: number; label: string };
  organization: { id: string; name: string; slug: string };
  /** Data rows read from the file (blank rows are not counted). */
  rows: number;
  changes: SheetChange[];
  /** Rows that change nothing (as exported, or equal to the current assessment): skipped, not recorded again. */
  unchanged: number;
  errors: SheetIssue[];
  conflicts: SheetConflict[];
};

export type StatusSheetApplied = StatusSheetPreview & { applied: number };

/** `row 7, status: "half done" is not one of …`: how the CLI, the page and messages name a problem. */
export { formatSheetIssue };

export type StatusSheetErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "twoFactorRequired"
  | "noReview"
  | "noOrganisation"
  | "conflict"
  | "chooseReview"
  | "chooseFile"
  | "fileTooLarge"
  | "unreadable"
  | "previewFirst"
  | "sheetTooLarge";

/** The status sheet page's import form, as its server actions answer it. */
export type StatusSheetFormState =
  | { kind: "idle" }
  /** `message` in English (logs, tests); `code` and `values` let the page say it in its own language (statusSheet.errors), `issue` the file problem behind `unreadable`. */
  | { kind: "error"; message: string; code?: StatusSheetErrorCode; values?: Record<string, string | number>; issue?: SheetIssue }
  /** `sheet` is the file's text, sent back with "Apply" only when the preview has changes and no problems. */
  | { kind: "preview"; key: string; fileName: string; sheet: string | null; preview: StatusSheetPreview }
  | { kind: "applied"; key: string; message: string; result: StatusSheetApplied };
