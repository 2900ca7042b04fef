import "server-only";
import { z } from "zod";
import { POSITION_PARAMS } from "@/lib/labels";
import type { AssessmentDto } from "@/lib/schemas/assessment";
import {
  REPORT_STATUS_ORDER,
  type MidTermReport,
  type MidTermReportInput,
  type ReportAssessment,
  type ReportRecommendation,
  type ReportTheme,
  type StatusCounts,
} from "@/lib/schemas/mid-term-report";
import { SCHEME_LABELS } from "@/lib/themes";
import type { ThemeScheme } from "@/lib/import/types";
import { parseExplorerSearch, type RecommendationQuery } from "@/lib/search-params";
import { currentAssessmentsOf } from "./assessments";
import { getDb } from "./db";
import { NotFoundError } from "./http-errors";
import type { Viewer } from "./permissions";
import { listRecommendations, type RecommendationRow } from "./recommendations";
import { getReviewSummary } from "./reviews";
import { resolveOrganization } from "./status-sheet";

/**
 * The mid-term report: one organisation's current assessments of one review's recommendations, grouped by theme, for
 * the page, the .docx and the CSV alike. Only the organisation's own assessments are read (its latest version of
 * each, private or public): no other organisation's, not even their public ones, and no notes.
 */

export const UNTHEMED: ReportTheme = { slug: null, code: null, name: "Unthemed" };

/** Rows per read: a review holds a few hundred recommendations, so one or two reads. */
const PAGE_SIZE = 500;

function emptyCounts(): StatusCounts {
  return Object.fromEntries(REPORT_STATUS_ORDER.map((status) => [status, 0])) as StatusCounts;
}

/**
 * The heading a recommendation is filed under: its primary theme (the OHCHR "Theme:" heading), else its first theme
 * (UPR Info rows), else "Unthemed", so each recommendation appears once.
 */
function groupTheme(row: RecommendationRow): ReportTheme {
  const theme = row.themes.find((t) => t.primary) ?? row.themes[0];
  return theme ? { slug: theme.slug, code: theme.code, name: theme.name } : UNTHEMED;
}

function toReportAssessment(dto: AssessmentDto): ReportAssessment {
  const { status, assessedOn, confidence, visibility, version, rationale, evidence } = dto;
  return { status, assessedOn, confidence, visibility, version, rationale, evidence };
}

function toReportRecommendation(row: RecommendationRow, current: AssessmentDto | undefined): ReportRecommendation {
  return {
    id: row.id,
    paragraph: row.paragraph,
    text: row.text,
    textLanguage: row.textLanguage,
    recommendingStates: row.recommendingStates.map(({ iso3, name }) => ({ iso3, name })),
    position: row.position ? POSITION_PARAMS[row.position] : null,
    responseWording: row.responseWording,
    positionSource: row.source.positionSource,
    current: current ? toReportAssessment(current) : null,
  };
}

/** Every recommendation of the review matching the choice, in document order, through the explorer's where-builder. */
async function reportRows(reviewId: number, themes: string[], includeNoted: boolean): Promise<RecommendationRow[]> {
  const query: RecommendationQuery = {
    ...parseExplorerSearch({}).query,
    review: [reviewId],
    theme: themes,
    position: includeNoted ? [] : ["supported", "supported-in-part"],
    sort: "paragraph",
    pageSize: PAGE_SIZE,
  };
  const rows: RecommendationRow[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listRecommendations({ ...query, page });
    rows.push(...result.items);
    if (rows.length >= result.total || result.items.length === 0) return rows;
  }
}

/** Refuses theme identifiers that name no theme, so a typo is a clear 400 rather than an empty report. */
async function knownThemes(slugs: string[]): Promise<ReportTheme[]> {
  if (slugs.length === 0) return [];
  const themes = await getDb().theme.findMany({ where: { slug: { in: slugs } }, select: { slug: true, code: true, name: true } });
  const unknown = slugs.filter((slug) => !themes.some((theme) => theme.slug === slug));
  if (unknown.length > 0) throw new z.ZodError([{ code: "custom", path: ["theme"], message: `no such theme: ${unknown.join(", ")}`, input: undefined }]);
  return slugs.map((slug) => themes.find((theme) => theme.slug === slug)!);
}

/**
 * The report for one organisation the caller belongs to (any role: it holds the organisation's private assessments).
 * 401 without a session, 403 when the organisation is not one of the caller's, 404 for an unknown review.
 */
export async function getMidTermReport(viewer: Viewer | null, input: MidTermReportInput, now = new Date()): Promise<MidTermReport> {
  // Check the caller may read this organisation's private data.
  const organization = await resolveOrganization({ kind: "user", viewer }, input.organization, "organization.readPrivate");

  // The review and the themes asked for.
  const review = await getReviewSummary(input.review);
  if (!review) throw new NotFoundError("no such review");
  const themes = await knownThemes(input.theme);

  // The recommendations, and the organisation's current assessment of each.
  const rows = await reportRows(review.id, input.theme, input.noted);
  const current = await currentAssessmentsOf(viewer, organization.id, rows.map((row) => row.id));

  // Group by theme heading, in the order the document first reaches each; "Unthemed" last.
  const sections = new Map<string, MidTermReport["sections"][number]>();
  for (const row of rows) {
    const theme = groupTheme(row);
    const key = theme.slug ?? "";
    const section = sections.get(key) ?? { theme, recommendations: [] };
    section.recommendations.push(toReportRecommendation(row, current.get(row.id)));
    sections.set(key, section);
  }
  const ordered = [...sections.values()].sort((a, b) => Number(a.theme.slug === null) - Number(b.theme.slug === null));

  // The summary: each theme's count of current statuses, not assessed included.
  const totals = { counts: emptyCounts(), total: 0 };
  const summary = ordered.map(({ theme, recommendations }) => {
    const counts = emptyCounts();
    for (const recommendation of recommendations) {
      const status = recommendation.current?.status ?? "not_assessed";
      counts[status] += 1;
      totals.counts[status] += 1;
    }
    totals.total += recommendations.length;
    return { theme, counts, total: recommendations.length };
  });

  return {
    organization,
    review: {
      id: review.id,
      stateUnderReview: review.stateUnderReview,
      cycle: review.cycle,
      session: review.session,
      reviewDate: review.reviewDate,
      reportSymbol: review.reportSymbol,
      addendumSymbol: review.addendumSymbol,
      loaded: review.loaded,
      reportedTotal: review.reported.total,
    },
    themes,
    includeNoted: input.noted,
    generatedAt: now.toISOString(),
    assessed: current.size,
    summary,
    totals,
    sections: ordered,
  };
}

export type ReportThemeOption = { slug: string; name: string; code: string | null; count: number };
export type ReportThemeGroup = { scheme: ThemeScheme; label: string; themes: ReportThemeOption[] };

/** The themes of a review's recommendations with how many each has, by scheme: the choices of the report form. */
export async function listReviewThemes(reviewId: number): Promise<ReportThemeGroup[]> {
  const themes = await getDb().theme.findMany({
    where: { recommendations: { some: { recommendation: { reviewId } } } },
    orderBy: [{ scheme: "asc" }, { code: "asc" }, { name: "asc" }],
    select: { slug: true, name: true, code: true, scheme: true, _count: { select: { recommendations: { where: { recommendation: { reviewId } } } } } },
  });
  const groups = new Map<ThemeScheme, ReportThemeGroup>();
  for (const theme of themes) {
    const group = groups.get(theme.scheme) ?? { scheme: theme.scheme, label: SCHEME_LABELS[theme.scheme], themes: [] };
    group.themes.push({ slug: theme.slug, name: theme.name, code: theme.code, count: theme._count.recommendations });
    groups.set(theme.scheme, group);
  }
  return [...groups.values()];
}

/** `mid-term-CHN-cycle3-watch-a`: the file name of every format, without its extension. */
export function reportFileStem(report: MidTermReport): string {
  return `mid-term-${report.review.stateUnderReview.iso3}-cycle${report.review.cycle}-${report.organization.slug}`;
}
