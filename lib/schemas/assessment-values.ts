/**
 * The words of an assessment (statuses, confidence, visibility, evidence), without zod, so browser code (the
 * assessment form) can list them without loading the schema library. lib/schemas/assessment.ts builds its schemas
 * from them and re-exports them.
 */

export const ASSESSMENT_STATUSES = [
  "not_assessed",
  "not_implemented",
  "partially_implemented",
  "fully_implemented",
  "regressed",
  "unable_to_assess",
] as const;
export const CONFIDENCES = ["low", "medium", "high"] as const;
export const VISIBILITIES = ["private", "public"] as const;
export const EVIDENCE_KINDS = ["url", "un-symbol"] as const;
export const EVIDENCE_STANCES = ["supports", "contradicts", "context"] as const;

export type AssessmentStatusValue = (typeof ASSESSMENT_STATUSES)[number];
export type ConfidenceValue = (typeof CONFIDENCES)[number];
export type VisibilityValue = (typeof VISIBILITIES)[number];
export type EvidenceKindValue = (typeof EVIDENCE_KINDS)[number];
export type EvidenceStanceValue = (typeof EVIDENCE_STANCES)[number];

export const MAX_RATIONALE_LENGTH = 10_000;
export const MAX_EVIDENCE_ITEMS = 50;
export const MAX_WITHDRAWAL_REASON_LENGTH = 1_000;
