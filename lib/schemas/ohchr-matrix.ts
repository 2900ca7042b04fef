import { z } from "zod";
import type { ThemeScheme } from "@/lib/import/types";
import { MID_TERM_REPORT_LANGUAGES, REPORT_ASSESSMENT_SCOPES, type MidTermReport, type ReportAssessment, type ReportFinding } from "./mid-term-report";

/**
 * The OHCHR matrix on the wire: a review's thematic list in OHCHR's own layout, its fourth column ("Assessment/comments
 * on level of implementation") filled from one organisation's current assessments. The same choices of organisation
 * and assessments as the mid-term report; one format, the .docx OHCHR publishes.
 */

const single = (value: unknown): unknown => (Array.isArray(value) && value.length === 1 ? value[0] : value);

export const OHCHR_MATRIX_FORMATS = ["docx"] as const;

export const ohchrMatrixQuerySchema = z.strictObject({
  review: z.preprocess(single, z.coerce.number().int().positive().max(2_147_483_647)),
  /** Id or slug of one of the caller's organisations; needed only by a member of several. */
  organization: z.preprocess(single, z.string().trim().min(1).max(200).optional()),
  /** `public`: the organisation's public assessments only (withdrawn public versions never count); `all` by default. */
  assessments: z.preprocess(single, z.enum(REPORT_ASSESSMENT_SCOPES).default("all")),
  format: z.preprocess(single, z.enum(OHCHR_MATRIX_FORMATS).default("docx")),
  /** The language of the fourth column's own words (statuses, labels); the published columns stay as published. */
  lang: z.preprocess(single, z.enum(MID_TERM_REPORT_LANGUAGES).default("en")),
});

export type OhchrMatrixQuery = z.infer<typeof ohchrMatrixQuerySchema>;
export type OhchrMatrixInput = Pick<OhchrMatrixQuery, "review" | "organization"> & { assessments?: OhchrMatrixQuery["assessments"] };

export function parseOhchrMatrixParams(params: URLSearchParams): ReturnType<typeof ohchrMatrixQuerySchema.safeParse> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const seen = raw[key];
    raw[key] = seen === undefined ? value : [seen, value].flat();
  }
  return ohchrMatrixQuerySchema.safeParse(raw);
}

export type MatrixTheme = { id: number; scheme: ThemeScheme; code: string | null; name: string; primary: boolean };

/** A recommendation as imported (the first three columns), with the organisation's current assessment and findings. */
export type MatrixRow = {
  id: number;
  paragraph: string | null;
  /** Exactly as stored. */
  text: string;
  position: "SUPPORTED" | "SUPPORTED_IN_PART" | "NOTED" | null;
  responseWording: string | null;
  /** Set when a response-wording sheet, not the list, gave `responseWording`. */
  responseWordingSource: string | null;
  positionSource: string | null;
  themes: MatrixTheme[];
  current: ReportAssessment | null;
  findings: ReportFinding[];
};

export type OhchrMatrix = Pick<MidTermReport, "organization" | "assessments" | "privateAssessments" | "generatedAt"> & {
  review: Pick<MidTermReport["review"], "id" | "stateUnderReview" | "cycle" | "session" | "reviewDate">;
  /** Every recommendation of the review, in paragraph order. */
  rows: MatrixRow[];
};
