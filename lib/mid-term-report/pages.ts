import type { MidTermReport, ReportRecommendation, ReportTheme } from "@/lib/schemas/mid-term-report";

/**
 * The report on screen, a page of recommendations at a time. A review of a thousand recommendations would otherwise
 * make a page of several megabytes that takes seconds to render; the summary above always counts the whole report, and
 * the downloads (.docx, CSV, printable HTML) always hold all of it. Pure, so the cut is tested without a browser.
 */

export const REPORT_PAGE_SIZE = 50;

/** A theme's part of one page; `continued` when the theme began on an earlier page (its heading says so). */
export type ReportPageSection = { theme: ReportTheme; continued: boolean; recommendations: ReportRecommendation[] };

export type ReportPage = {
  /** The page shown, clamped to 1..pages. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last entries shown, of `total` (a recommendation under two chosen themes is two entries). */
  from: number;
  to: number;
  total: number;
  sections: ReportPageSection[];
};

/** Page `requested` (any number: clamped) of the report's sections, in their order, `size` entries per page. */
export function reportPage(sections: MidTermReport["sections"], requested: number, size = REPORT_PAGE_SIZE): ReportPage {
  const total = sections.reduce((sum, section) => sum + section.recommendations.length, 0);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Number.isFinite(requested) ? Math.min(Math.max(1, Math.trunc(requested)), pages) : 1;
  const start = (page - 1) * size;
  const end = Math.min(total, start + size);
  const shown: ReportPageSection[] = [];
  let offset = 0;
  for (const { theme, recommendations } of sections) {
    const first = Math.max(start, offset);
    const last = Math.min(end, offset + recommendations.length);
    if (first < last) shown.push({ theme, continued: first > offset, recommendations: recommendations.slice(first - offset, last - offset) });
    offset += recommendations.length;
  }
  return { page, pages, from: total === 0 ? 0 : start + 1, to: end, total, sections: shown };
}
