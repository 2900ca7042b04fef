import type { ImportFormat, ImportIssue } from "./types";
import type { SourceFamily } from "./source-family";

/**
 * What an import will do, review by review, and what it did: the contract between the writer
 * (lib/server/imports), the CLI (scripts/upr.ts) and the browser import (/admin/import). Pure types, no database,
 * so the client page can read them too.
 */

export type PositionCounts = { supported: number; supportedInPart: number; noted: number };

/**
 * - import: the review has no recommendations yet, or only from this file's family (a re-import updates them)
 * - skip: the review already holds recommendations from another family; left as it is (the default)
 * - replace: the same, but the administrator asked to switch its source (`--replace`); audited
 * - refuse: replacing is impossible without losing organisations' work (assessments, notes, links, overrides)
 */
export type ReviewAction = "import" | "skip" | "replace" | "refuse";

export type ReviewPlan = {
  stateUnderReview: string;
  cycle: number;
  session: number | null;
  /** Recommendations of this review in the file. */
  found: number;
  positions: PositionCounts;
  /** Recommendations with a recommending State the source marks unknown. */
  unknownRecommendingStates: number;
  /** The officially reported total, when the review's facts hold one. */
  reported: number | null;
  /** Recommendations of this review in the database now. */
  loaded: number;
  action: ReviewAction;
  /** The family the review's loaded recommendations come from, when they come from another one. */
  existingFamily: SourceFamily | null;
  /** One line a person can read: "already loaded from the OHCHR thematic list (CHN-cycle3-2018-thematic-list.docx)". */
  note: string | null;
};

export type ImportPreview = {
  format: ImportFormat;
  fileName: string;
  sha256: string;
  recommendations: number;
  positions: PositionCounts;
  recommendingStates: number;
  /** Recommendations that have at least one recommending State the source marks unknown. */
  unknownRecommendingStates: number;
  /** Rows that are not UPR recommendations (treaty bodies, special procedures): "not UPR: N". */
  notUpr: number;
  /** Treaty-body and special-procedure findings in the file (one per record and State concerned), and their documents. */
  findings: number;
  unDocuments: number;
  reviews: ReviewPlan[];
  errors: ImportIssue[];
};

export type ReviewOutcome = {
  stateUnderReview: string;
  cycle: number;
  action: ReviewAction;
  created: number;
  updated: number;
  unchanged: number;
  /** Recommendations of the review's former source removed by a replace. */
  removed: number;
};

/** What an import did with the file's findings (lib/server/findings/import.ts). */
export type FindingOutcome = {
  /** UN documents in the file. */
  documents: number;
  documentsCreated: number;
  documentsUpdated: number;
  created: number;
  updated: number;
  unchanged: number;
};

export type ImportResult = ImportPreview & { sourceDocumentId: number | null; outcomes: ReviewOutcome[]; findingOutcome: FindingOutcome | null };

/** Progress of a running import, as the CLI prints it and the browser import streams it (one JSON object a line). */
export type ImportEvent =
  | { type: "parse"; done: number; total: number }
  | { type: "preview"; preview: ImportPreview }
  | { type: "review"; index: number; of: number; stateUnderReview: string; cycle: number; phase: "start" | "done"; outcome?: ReviewOutcome }
  | { type: "result"; result: ImportResult }
  | { type: "error"; message: string; errors?: ImportIssue[] };
