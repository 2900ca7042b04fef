import { z } from "zod";
import { listsByKey } from "@/lib/http/params";
import { fields } from "@/lib/search-params";
import { type AssessmentStatusValue, type ConfidenceValue, type EvidenceDto, type VisibilityValue } from "./assessment";

/**
 * The mid-term report on the wire: what an organisation asks for (a review, themes, whether to include noted
 * recommendations, whether to use its public assessments only) and what it gets. The page's form, the route handler
 * and the server share these.
 */

export const MID_TERM_REPORT_FORMATS = ["html", "docx", "csv"] as const;
/** The languages a downloaded report's own words can be in (the recommendation texts stay as published). */
export const MID_TERM_REPORT_LANGUAGES = ["en", "zh"] as const;
export type MidTermReportLanguage = (typeof MID_TERM_REPORT_LANGUAGES)[number];
export type MidTermReportFormat = (typeof MID_TERM_REPORT_FORMATS)[number];

const single = (value: unknown): unknown => (Array.isArray(value) && value.length === 1 ? value[0] : value);

/**
 * Noted recommendations are included unless `noted=0` (or false) leaves them out: a theme whose recommendations were
 * all noted (the death penalty in China's reviews) must not give an empty report by default.
 */
const notedFlag = z.preprocess(single, z.enum(["0", "1", "true", "false", "on"]).optional()).transform((value) => value !== "0" && value !== "false");

/** Whose assessments the report reads: all of the organisation's (private ones included) or its public ones only. */
export const REPORT_ASSESSMENT_SCOPES = ["all", "public"] as const;
export type ReportAssessmentScope = (typeof REPORT_ASSESSMENT_SCOPES)[number];

export const midTermReportQuerySchema = z.strictObject({
  review: z.preprocess(single, z.coerce.number().int().positive().max(2_147_483_647)),
  /** Theme identifiers of any scheme (uhri:a12, upr-info:death-penalty); none means every theme. */
  theme: fields.theme,
  noted: notedFlag,
  /** `public`: the organisation's public assessments only (withdrawn public versions never count); `all` by default. */
  assessments: z.preprocess(single, z.enum(REPORT_ASSESSMENT_SCOPES).default("all")),
  /** Id or slug of one of the caller's organisations; needed only by a member of several. */
  organization: z.preprocess(single, z.string().trim().min(1).max(200).optional()),
  format: z.preprocess(single, z.enum(MID_TERM_REPORT_FORMATS).default("html")),
  lang: z.preprocess(single, z.enum(MID_TERM_REPORT_LANGUAGES).default("en")),
});

export type MidTermReportQuery = z.infer<typeof midTermReportQuerySchema>;
/** What the server builds a report from; `assessments` defaults to all of the organisation's. */
export type MidTermReportInput = Omit<MidTermReportQuery, "format" | "lang" | "assessments"> & { assessments?: ReportAssessmentScope };

/** Repeated keys (`theme=a&theme=b`) become a list, single ones stay a string, as the form and the API send them. */
export function parseMidTermReportParams(params: URLSearchParams | Record<string, string | string[] | undefined>): ReturnType<typeof midTermReportQuerySchema.safeParse> {
  const entries = params instanceof URLSearchParams ? [...params] : Object.entries(params).flatMap(([key, value]) => (value === undefined ? [] : [value].flat().map((v) => [key, v] as const)));
  const raw = Object.fromEntries(Object.entries(listsByKey(entries)).map(([key, values]) => [key, values.length === 1 ? values[0]! : values]));
  return midTermReportQuerySchema.safeParse(raw);
}

/** The statuses in the order the summary table lists them: worst to best, then what could not be judged. */
export const REPORT_STATUS_ORDER: readonly AssessmentStatusValue[] = [
  "fully_implemented",
  "partially_implemented",
  "not_implemented",
  "regressed",
  "unable_to_assess",
  "not_assessed",
];

export type ReportTheme = { slug: string | null; code: string | null; name: string };

/**
 * The organisation's current status of a recommendation: its latest assessment, whatever its visibility (or, with
 * `assessments=public`, its latest public one that is not withdrawn).
 */
export type ReportAssessment = {
  status: AssessmentStatusValue;
  assessedOn: string;
  confidence: ConfidenceValue;
  visibility: VisibilityValue;
  /** Set when this public version was withdrawn (published by mistake): no longer public, only the organisation's. */
  withdrawnOn: string | null;
  version: number;
  rationale: string;
  evidence: ReportEvidence[];
};

/** A UN finding as the report cites it: its document's body and symbol, its paragraph, and where to read it. */
export type ReportCitedFinding = {
  id: number;
  body: string;
  symbol: string;
  paragraph: string | null;
  /** The document's date (YYYY-MM-DD), when known. */
  date: string | null;
  /** The document's own address, else docs.un.org by symbol; null when neither is known. */
  url: string | null;
};

/** An evidence item, with the finding it cites when the editor picked one (Evidence.findingId). */
export type ReportEvidence = EvidenceDto & { finding?: ReportCitedFinding | null };

export const REPORT_FINDING_STANCES = ["contradicts", "supports", "context"] as const;
export type ReportFindingStance = (typeof REPORT_FINDING_STANCES)[number];

/** A finding the organisation linked to the recommendation (a CONFIRMED FindingLink of its own), with its stance. */
export type ReportFinding = ReportCitedFinding & {
  stance: ReportFindingStance;
  /** The short excerpt the organisation chose when it linked the finding, if any. */
  excerpt: string | null;
};

export type ReportRecommendation = {
  id: number;
  paragraph: string | null;
  /** Exactly as stored. */
  text: string;
  /** The language `text` is published in (BCP 47), for the `lang` of the element that holds it. */
  textLanguage: string;
  recommendingStates: { iso3: string; name: string }[];
  position: "supported" | "supported-in-part" | "noted" | null;
  /** The State's own words, e.g. "accepted and already implemented". */
  responseWording: string | null;
  positionSource: string | null;
  /** Null: the organisation has not assessed it (reported as not assessed). */
  current: ReportAssessment | null;
  /** The UN findings the organisation linked to it (confirmed links), contradicting ones first; absent reads as none. */
  findings?: ReportFinding[];
};

export type StatusCounts = Record<AssessmentStatusValue, number>;

export type MidTermReport = {
  organization: { id: string; name: string; slug: string };
  review: {
    id: number;
    stateUnderReview: { iso3: string; name: string };
    cycle: number;
    session: number | null;
    reviewDate: string | null;
    reportSymbol: string | null;
    addendumSymbol: string | null;
    /** Recommendations of the review loaded here, against the officially reported total when known. */
    loaded: number;
    reportedTotal: number | null;
  };
  /** The themes chosen: when any, the sections are these themes, and a recommendation is under each of them it has. */
  themes: ReportTheme[];
  includeNoted: boolean;
  /** Whose assessments were read: all of the organisation's, or its public ones only. */
  assessments: ReportAssessmentScope;
  /** Current assessments in the report that are not public (private, or a withdrawn public version): the banner's. */
  privateAssessments: number;
  generatedAt: string;
  /** Recommendations in the report that the organisation has assessed (in the scope read). */
  assessed: number;
  /** Recommendations of the whole review it has assessed (in the scope read), whatever the themes and positions chosen. */
  assessedInReview: number;
  /** One row per section; with chosen themes, a recommendation counts under each of them it has. */
  summary: { theme: ReportTheme; counts: StatusCounts; total: number }[];
  /** Each recommendation once. */
  totals: { counts: StatusCounts; total: number };
  sections: { theme: ReportTheme; recommendations: ReportRecommendation[] }[];
};
