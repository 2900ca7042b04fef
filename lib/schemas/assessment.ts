import { z } from "zod";
import {
  ASSESSMENT_STATUSES,
  CONFIDENCES,
  EVIDENCE_KINDS,
  EVIDENCE_STANCES,
  MAX_EVIDENCE_ITEMS,
  MAX_RATIONALE_LENGTH,
  MAX_WITHDRAWAL_REASON_LENGTH,
  VISIBILITIES,
} from "./assessment-values";

/**
 * Implementation assessments on the wire: the JSON API body, the form and the server share these schemas. The values
 * are lowercase contract words, never the database enums (see lib/server/assessments/ for the mapping).
 */

export * from "./assessment-values";

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "not a calendar date");

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The message of a missing or unknown stance; the form replaces it with one naming the evidence row. */
export const STANCE_REQUIRED = "choose whether the evidence contradicts the government's response, supports it, or is context only";

export const evidenceSchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    /** Required unless a finding is picked: its document's symbol is then the reference. */
    reference: z.string().trim().max(2_000).default(""),
    excerpt: z.string().trim().max(5_000).optional(),
    date: isoDateSchema.optional(),
    /** Required, with no default: the person says which way the evidence points. */
    stance: z.enum(EVIDENCE_STANCES, { error: STANCE_REQUIRED }),
    /** A UN finding picked instead of a typed symbol (lib/server/finding-links): its document's symbol becomes `reference`. */
    findingId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  })
  .refine((item) => item.findingId !== undefined || item.reference !== "", { message: "required", path: ["reference"] })
  .refine((item) => item.findingId !== undefined || item.reference === "" || item.kind !== "url" || isHttpUrl(item.reference), {
    message: "a URL starting with http:// or https://",
    path: ["reference"],
  });

export const assessmentInputSchema = z.object({
  status: z.enum(ASSESSMENT_STATUSES),
  assessedOn: isoDateSchema,
  rationale: z.string().trim().max(MAX_RATIONALE_LENGTH),
  confidence: z.enum(CONFIDENCES),
  visibility: z.enum(VISIBILITIES).default("private"),
  evidence: z.array(evidenceSchema).max(MAX_EVIDENCE_ITEMS).default([]),
  /** Needed only when the caller is a member of several organisations. */
  organizationId: z.string().min(1).optional(),
  /** The version the editor started from; when given and a newer one exists, the save is refused (409). */
  expectedVersion: z.number().int().min(0).optional(),
});

export type AssessmentInput = z.infer<typeof assessmentInputSchema>;
export type EvidenceInput = z.infer<typeof evidenceSchema>;

/** The API's answers, described once for the handlers' types and the OpenAPI document. */
export const evidenceDtoSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  reference: z.string().describe("A URL (kind url) or a UN document symbol such as A/HRC/40/6 (kind un-symbol)"),
  excerpt: z.string().nullable(),
  date: z.iso.date().nullable(),
  findingId: z.number().int().optional().describe("The UN finding cited, when one was picked (its document's symbol is `reference`); see /findings/{id}"),
  stance: z
    .enum(EVIDENCE_STANCES)
    .describe("How the evidence bears on the government's response (its claim at the review): contradicts it, supports it, or is context only"),
});

/** A public version the organisation took back; only its own members read withdrawn versions. */
export const withdrawalSchema = z
  .object({
    withdrawnAt: z.iso.datetime(),
    withdrawnByName: z.string().nullable().describe("The display name of who withdrew it; null when that account no longer exists"),
    reason: z.string(),
  })
  .describe("Set when the organisation withdrew this public version: it is then in no public view, count, CSV or chart");

export const assessmentDtoSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    authorName: z.string().describe("The author's display name, which may be a pseudonym"),
    status: z.enum(ASSESSMENT_STATUSES),
    assessedOn: z.iso.date(),
    createdAt: z.iso.datetime(),
    rationale: z.string(),
    confidence: z.enum(CONFIDENCES),
    visibility: z.enum(VISIBILITIES),
    version: z
      .number()
      .int()
      .positive()
      .describe("Per organisation and recommendation, from 1; send it back as expectedVersion. Outside the organisation, its public versions are numbered 1..n among themselves, so private ones leave no gap"),
    evidence: z.array(evidenceDtoSchema),
    withdrawal: withdrawalSchema.nullable(),
  })
  .describe("One version of an organisation's assessment");

/** One organisation's assessments the caller may see: the latest of them first as `current`, then all, newest first. */
export const organizationAssessmentsSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  current: assessmentDtoSchema,
  history: z.array(assessmentDtoSchema).describe("Every version the caller may see, newest first, `current` included"),
});

export const assessmentListSchema = z.object({ organizations: z.array(organizationAssessmentsSchema) });

export const createdAssessmentSchema = z.object({ id: z.string(), version: z.number().int().positive() });

/** Withdrawing a public version: why, in words the organisation's log keeps. */
export const withdrawAssessmentInputSchema = z.object({
  reason: z.string().trim().min(1, "required").max(MAX_WITHDRAWAL_REASON_LENGTH).describe("Why the version is withdrawn; kept in the audit log"),
});

export const withdrawnAssessmentSchema = z.object({
  assessment: assessmentDtoSchema,
  currentPublicVersion: z
    .number()
    .int()
    .positive()
    .nullable()
    .describe("The organisation's version that the public now sees as current (its own numbering), or null when none of its versions is public"),
});

export type EvidenceDto = z.infer<typeof evidenceDtoSchema>;
export type AssessmentDto = z.infer<typeof assessmentDtoSchema>;
export type OrganizationAssessments = z.infer<typeof organizationAssessmentsSchema>;
export type CreatedAssessment = z.infer<typeof createdAssessmentSchema>;
export type Withdrawal = z.infer<typeof withdrawalSchema>;
export type WithdrawAssessmentInput = z.infer<typeof withdrawAssessmentInputSchema>;
export type WithdrawnAssessment = z.infer<typeof withdrawnAssessmentSchema>;
