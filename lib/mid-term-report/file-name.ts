import { safeFileName } from "@/lib/http/content-disposition";
import type { MidTermReport, MidTermReportLanguage } from "@/lib/schemas/mid-term-report";
import { reportText } from "./text";

/**
 * "China, 2018 (3rd cycle) – mid-term report of Heron Group (holds private assessments)": the file name a reader sees,
 * in the report's language, saying as the ASCII stem does whether it holds private assessments.
 */
export function reportFileName(report: MidTermReport, lang: MidTermReportLanguage, extension: string): string {
  const words = reportText(lang);
  const holds = report.privateAssessments > 0 ? "private" : "public";
  return `${safeFileName(words.t("reportFileName", { review: words.reviewTitle(report), organization: report.organization.name, holds }))}.${extension}`;
}
