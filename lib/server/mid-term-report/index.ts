import "server-only";
import { z } from "zod";
import { POSITION_PARAMS } from "@/lib/labels";
import { reportSections, summarise } from "@/lib/mid-term-report/sections";
import type { AssessmentDto } from "@/lib/schemas/assessment";
import type { MidTermReport, MidTermReportInput, ReportAssessment, ReportRecommendation, ReportTheme } from "@/lib/schemas/mid-term-report";
import { parseExplorerSearch, type PositionParam, type RecommendationQuery } from "@/lib/search-params";
import { currentAssessmentsOf } from "../assessments";
import { getDb } from "../db";
import { NotFoundError } from "../http-errors";
import type { Viewer } from "../permissions";
import { listRecommendations, type RecommendationRow } from "../recommendations";
import { getReviewSummary } from "../reviews";
import { resolveOrganization } from "../status-sheet";

/**
 * The mid-term report: one organisation's current assessments of one review's recommendations, by theme, for the page,
 * the HTML document, the .docx and the CSV alike. Only the organisation's own assessments are read (its latest
 * version of each, private or public; or, when asked, its latest public one that is not withdrawn): no other
 * organisation's, not even their public ones, and no notes.
 */

/** Rows per read: a review holds a few hundred recommendations, so one or two reads. */
const PAGE_SIZE = 500;

/** The positions of a report that leaves noted recommendations out. */
export const WITHOUT_NOTED: PositionParam[] = ["supported", "supported-in-part"];

/**
 * The explorer's query of a report's recommendations. The report's rows and every count on its form are read through
 * this one query (and the explorer's where-builder), so a count of N on the form gives a report of N.
 */
export function reportQuery(choice: { review: number; theme: readonly string[]; noted: boolean }): RecommendationQuery {
  return {
    ...parseExplorerSearch({}).query,
    review: [choice.review],
    theme: [...new Set(choice.theme)],
    position: choice.noted ? [] : WITHOUT_NOTED,
    sort: "paragraph",
    pageSize: PAGE_SIZE,
  };
}

function toReportAssessment(dto: AssessmentDto & { withdrawnAt: string | null }): ReportAssessment {
  const { status, assessedOn, confidence, visibility, version, rationale, evidence } = dto;
  return { status, assessedOn, confidence, visibility, withdrawnOn: dto.withdrawnAt?.slice(0, 10) ?? null, version, rationale, evidence };
}

function toReportRecommendation(row: RecommendationRow, current: (AssessmentDto & { withdrawnAt: string | null }) | undefined): ReportRecommendation {
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

/** Every recommendation of the report's query, in document order. */
async function reportRows(query: RecommendationQuery): Promise<RecommendationRow[]> {
  const rows: RecommendationRow[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listRecommendations({ ...query, page });
    rows.push(...result.items);
    if (rows.length >= result.total || result.items.length === 0) return rows;
  }
}

/** Refuses theme identifiers that name no theme, so a typo is a clear 400 rather than an empty report. */
async function knownThemes(slugs: readonly string[]): Promise<ReportTheme[]> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const themes = await getDb().theme.findMany({ where: { slug: { in: unique } }, select: { slug: true, code: true, name: true } });
  const unknown = unique.filter((slug) => !themes.some((theme) => theme.slug === slug));
  if (unknown.length > 0) throw new z.ZodError([{ code: "custom", path: ["theme"], message: `no such theme: ${unknown.join(", ")}`, input: undefined }]);
  return unique.map((slug) => themes.find((theme) => theme.slug === slug)!);
}

/**
 * How many recommendations of the whole review the organisation has assessed (in the scope read), whatever the themes
 * and positions chosen: what "has not assessed any recommendation of this review" must be based on.
 */
async function countAssessedInReview(organizationId: string, reviewId: number, publicOnly: boolean): Promise<number> {
  const assessed = await getDb().assessment.groupBy({
    by: ["recommendationId"],
    where: { organizationId, recommendation: { reviewId }, ...(publicOnly ? { visibility: "PUBLIC", withdrawnAt: null } : {}) },
  });
  return assessed.length;
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
  const assessments = input.assessments ?? "all";
  const publicOnly = assessments === "public";

  // The recommendations, and the organisation's current assessment of each (in the scope asked for).
  const rows = await reportRows(reportQuery({ review: review.id, theme: input.theme, noted: input.noted }));
  const [current, assessedInReview] = await Promise.all([
    currentAssessmentsOf(viewer, organization.id, rows.map((row) => row.id), { publicOnly }),
    countAssessedInReview(organization.id, review.id, publicOnly),
  ]);

  // By the chosen themes, else by each recommendation's primary theme; then each section's statuses.
  const sections = reportSections(rows, themes, (row) => toReportRecommendation(row, current.get(row.id)));
  const privateAssessments = [...current.values()].filter((a) => a.visibility !== "public" || a.withdrawnAt !== null).length;

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
    assessments,
    privateAssessments,
    generatedAt: now.toISOString(),
    assessed: current.size,
    assessedInReview,
    ...summarise(sections),
    sections,
  };
}

/**
 * `mid-term-CHN-cycle3-watch-a-private`: the file name of every format, without its extension. It ends in `private`
 * when the report holds any assessment that is not public, else `public`, so the file says so wherever it is saved.
 */
export function reportFileStem(report: MidTermReport): string {
  const holds = report.privateAssessments > 0 ? "private" : "public";
  return `mid-term-${report.review.stateUnderReview.iso3}-cycle${report.review.cycle}-${report.organization.slug}-${holds}`;
}
