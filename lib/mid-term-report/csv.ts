import { stringify } from "csv-stringify/sync";
import { CSV_STRINGIFY_OPTIONS, neutraliseCell, UTF8_BOM } from "@/lib/csv/format";
import type { MidTermReport, MidTermReportLanguage } from "@/lib/schemas/mid-term-report";
import { reportText } from "./text";

/**
 * The mid-term report as CSV: one row per recommendation under each theme heading, in the report's order (theme by
 * theme). Grouped by primary theme, that is one row per recommendation; grouped by the themes chosen, a recommendation
 * with several of them has a row under each (`theme` says which; `recommendation_id` repeats). Machine keys, stable so
 * a report can cite a column: append new columns at the end; never rename or reorder. As in every CSV of the site,
 * nothing comes before the header row, so the banner is the `notice` column of every row (and the file name ends in
 * `-private` or `-public`). Every cell is neutralised against formula injection, as the recommendations export does.
 */
export const MID_TERM_CSV_COLUMNS = [
  "state_under_review",
  "cycle",
  "theme",
  "paragraph",
  "recommendation_id",
  "text",
  "recommending_states_iso3",
  "recommending_states",
  "position",
  "response_wording",
  "status",
  "assessed_on",
  "confidence",
  "visibility",
  "version",
  "rationale",
  "evidence",
  "organization",
  "withdrawn_on",
  "notice",
  "findings",
] as const;

export type MidTermCsvColumn = (typeof MID_TERM_CSV_COLUMNS)[number];

/** Keys and machine values (status, position, ISO dates) are the same in every language; `lang` words the evidence, headings and notice. */
export function midTermCsvRecords(report: MidTermReport, lang: MidTermReportLanguage = "en"): Record<MidTermCsvColumn, string>[] {
  const words = reportText(lang, { isoDates: true });
  const { evidenceText } = words;
  const notice = words.bannerLine(report);
  return report.sections.flatMap(({ theme, recommendations }) =>
    recommendations.map((recommendation) => {
      const current = recommendation.current;
      return {
        state_under_review: report.review.stateUnderReview.iso3,
        cycle: String(report.review.cycle),
        theme: words.themeLabel(theme),
        paragraph: recommendation.paragraph ?? "",
        recommendation_id: String(recommendation.id),
        text: recommendation.text,
        recommending_states_iso3: recommendation.recommendingStates.map((s) => s.iso3).join("; "),
        recommending_states: recommendation.recommendingStates.map((s) => s.name).join("; "),
        position: recommendation.position ?? "",
        response_wording: recommendation.responseWording ?? "",
        status: current?.status ?? "not_assessed",
        assessed_on: current?.assessedOn ?? "",
        confidence: current?.confidence ?? "",
        visibility: current?.visibility ?? "",
        version: current ? String(current.version) : "",
        rationale: current?.rationale ?? "",
        // One line per item: stance, reference, date and what it says.
        evidence: (current?.evidence ?? []).map(evidenceText).join("\n"),
        organization: report.organization.name,
        withdrawn_on: current?.withdrawnOn ?? "",
        notice,
        // One line per finding the organisation linked: stance, body, symbol, paragraph, then where to read it.
        findings: (recommendation.findings ?? []).map((finding) => [words.findingText(finding), finding.url].filter(Boolean).join(" ")).join("\n"),
      };
    }),
  );
}

/** UTF-8 with a BOM (Excel), RFC 4180, one header row. */
export function formatMidTermCsv(report: MidTermReport, lang: MidTermReportLanguage = "en"): string {
  const rows = midTermCsvRecords(report, lang).map((record) => MID_TERM_CSV_COLUMNS.map((column) => neutraliseCell(record[column])));
  return UTF8_BOM + stringify([[...MID_TERM_CSV_COLUMNS], ...rows], CSV_STRINGIFY_OPTIONS);
}
