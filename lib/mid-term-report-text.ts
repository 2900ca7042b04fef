import { STANCE_LABELS, STATUS_LABELS } from "@/components/recommendations/assessment-labels";
import { cycleLabel, POSITION_PARAM_LABELS } from "@/lib/labels";
import type { EvidenceDto } from "@/lib/schemas/assessment";
import type { MidTermReport, ReportRecommendation, ReportTheme } from "@/lib/schemas/mid-term-report";

/**
 * The words every format of the mid-term report shares (page, HTML download, .docx, CSV), so they say the same thing.
 * Pure: no server code.
 */

export { STATUS_LABELS };

/** "China, 3rd cycle (2018)". */
export function reviewTitle(report: MidTermReport): string {
  const year = report.review.reviewDate ? Number(report.review.reviewDate.slice(0, 4)) : null;
  return `${report.review.stateUnderReview.name}, ${cycleLabel(report.review.cycle, year)}`;
}

export function reportTitle(report: MidTermReport): string {
  return `Mid-term report: ${reviewTitle(report)}`;
}

/** "A12 Acceptance of international norms", or the name alone for an uncoded theme. */
export function themeLabel(theme: ReportTheme): string {
  return theme.code && !theme.name.startsWith(theme.code) ? `${theme.code} ${theme.name}` : theme.name;
}

/** The review's facts as label and value pairs, in the order every format prints them. */
export function reviewFacts(report: MidTermReport): [string, string][] {
  const { review } = report;
  const loaded = review.reportedTotal === null ? `${review.loaded}` : `${review.loaded} of ${review.reportedTotal} reported`;
  return [
    ["Organisation", report.organization.name],
    ["State under review", `${review.stateUnderReview.name} (${review.stateUnderReview.iso3})`],
    ["Cycle", cycleLabel(review.cycle)],
    ["Session", review.session === null ? "not recorded" : String(review.session)],
    ["Review date", review.reviewDate ?? "not recorded"],
    ["Working Group report", review.reportSymbol ?? "not recorded"],
    ["Responses (addendum)", review.addendumSymbol ?? "not recorded"],
    ["Recommendations loaded", loaded],
    ["Themes", report.themes.length === 0 ? "all" : report.themes.map(themeLabel).join("; ")],
    ["Positions included", report.includeNoted ? "supported, supported in part and noted" : "supported and supported in part"],
    ["Generated", report.generatedAt.slice(0, 10)],
  ];
}

/** The government's response: the normalised position, and the State's own words when they differ. */
export function responseText(recommendation: ReportRecommendation): string {
  const position = recommendation.position ? POSITION_PARAM_LABELS[recommendation.position] : "No position recorded";
  const wording = recommendation.responseWording;
  return wording && wording.toLowerCase() !== position.toLowerCase() ? `${position} (“${wording}”)` : position;
}

export function statesText(recommendation: ReportRecommendation): string {
  return recommendation.recommendingStates.map((state) => state.name).join(", ");
}

/** "Supports: A/HRC/40/6 (2019-03-01) — “what it says”". */
export function evidenceText(item: EvidenceDto): string {
  const date = item.date ? ` (${item.date})` : "";
  const excerpt = item.excerpt ? ` — “${item.excerpt}”` : "";
  return `${STANCE_LABELS[item.stance]}: ${item.reference}${date}${excerpt}`;
}

/** "Partially implemented, assessed 2026-10-01, confidence high, private": the current status in one line. */
export function statusLine(recommendation: ReportRecommendation): string {
  const current = recommendation.current;
  if (!current) return STATUS_LABELS.not_assessed;
  return `${STATUS_LABELS[current.status]}, assessed ${current.assessedOn}, confidence ${current.confidence}, ${current.visibility}`;
}

/** What a report says when the organisation has assessed none of its recommendations. */
export const NOTHING_ASSESSED = "Your organisation has not assessed any recommendation of this review yet: every recommendation below is listed as not assessed.";
export const NO_RECOMMENDATIONS = "No recommendation of this review matches the themes and positions chosen.";

export function paragraphLabel(recommendation: ReportRecommendation): string {
  return recommendation.paragraph ? `Paragraph ${recommendation.paragraph}` : `Recommendation ${recommendation.id}`;
}
