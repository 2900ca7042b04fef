import "server-only";
import { z } from "zod";
import { POSITION_PARAMS } from "@/lib/labels";
import { reportSections, summarise } from "@/lib/mid-term-report/sections";
import type { MidTermReport, MidTermReportInput, ReportAssessment, ReportFinding, ReportRecommendation, ReportTheme } from "@/lib/schemas/mid-term-report";
import { filtersOf, parseExplorerSearch, type PositionParam, type RecommendationQuery } from "@/lib/search-params";
import { getDb } from "../db";
import { NotFoundError } from "../http-errors";
import type { Viewer } from "../permissions";
import { buildRecommendationOrder, buildRecommendationWhere } from "../recommendation-where";
import { resolveOrganization } from "../status-sheet";
import { currentAssessmentsInReview } from "./assessments";
import { confirmedFindingsInReview } from "./findings";

/**
 * The mid-term report: one organisation's current assessments of one review's recommendations, by theme, for the page,
 * the HTML document, the .docx and the CSV alike. Only the organisation's own assessments are read (its latest
 * version of each, private or public; or, when asked, its latest public one that is not withdrawn): no other
 * organisation's, not even their public ones, and no notes.
 */

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
  };
}

/** A recommendation as the report reads it: the explorer's columns it prints, its States in order, its themes. */
type ReportRow = {
  id: number;
  paragraph: string | null;
  text: string;
  textLanguage: string;
  position: "SUPPORTED" | "SUPPORTED_IN_PART" | "NOTED" | null;
  responseWording: string | null;
  positionSource: string | null;
  recommendingStates: { iso3: string; name: string }[];
  /** In the explorer's order (the primary one first), for the sections. */
  themes: { slug: string; code: string | null; name: string; primary: boolean }[];
};

function toReportRecommendation(row: ReportRow, current: ReportAssessment | undefined, findings: ReportFinding[] = []): ReportRecommendation {
  return {
    id: row.id,
    paragraph: row.paragraph,
    text: row.text,
    textLanguage: row.textLanguage,
    recommendingStates: row.recommendingStates,
    position: row.position ? POSITION_PARAMS[row.position] : null,
    responseWording: row.responseWording,
    positionSource: row.positionSource,
    current: current ?? null,
    findings,
  };
}

/**
 * Every recommendation of the report's query, in document order, as the explorer lists them (its where-builder and
 * order): one statement. The rows are picked through the `reviewId` index, then their States and themes are gathered
 * in one pass each over those rows, rather than a lookup per row.
 */
async function reportRows(query: RecommendationQuery): Promise<ReportRow[]> {
  const where = buildRecommendationWhere(filtersOf(query));
  return getDb().$queryRaw<ReportRow[]>`
    WITH picked AS MATERIALIZED (
      SELECT r."id", r."reviewId", r."ordinal", r."paragraph", r."text", r."textLanguage", r."position", r."responseWording", r."positionSource"
      FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" WHERE ${where}
    ),
    states AS (
      SELECT rs."recommendationId" AS "id", json_agg(json_build_object('iso3', c."iso3", 'name', c."name") ORDER BY rs."ordinal") AS "list"
      FROM picked p JOIN "RecommendationState" rs ON rs."recommendationId" = p."id" JOIN "Country" c ON c."iso3" = rs."countryIso3" GROUP BY 1
    ),
    themes AS (
      SELECT rt."recommendationId" AS "id",
        json_agg(json_build_object('slug', t."slug", 'code', t."code", 'name', t."name", 'primary', rt."primary") ORDER BY rt."primary" DESC, t."scheme", t."code", t."name") AS "list"
      FROM picked p JOIN "RecommendationTheme" rt ON rt."recommendationId" = p."id" JOIN "Theme" t ON t."id" = rt."themeId" GROUP BY 1
    )
    SELECT r."id", r."paragraph", r."text", r."textLanguage", r."position"::text AS "position", r."responseWording", r."positionSource",
      COALESCE(s."list", '[]') AS "recommendingStates", COALESCE(t."list", '[]') AS "themes"
    FROM picked r LEFT JOIN states s ON s."id" = r."id" LEFT JOIN themes t ON t."id" = r."id"
    ORDER BY ${buildRecommendationOrder(query.sort, query)}`;
}

type ReportReview = MidTermReport["review"];

/** The review's facts and how many of its recommendations are loaded (counted for this review alone): one statement. */
async function getReportReview(id: number): Promise<ReportReview | null> {
  const [row] = await getDb().$queryRaw<(Omit<ReportReview, "stateUnderReview"> & { iso3: string; name: string })[]>`
    SELECT v."id", v."stateUnderReviewIso3" AS "iso3", c."name", v."cycle", v."session", to_char(v."reviewDate", 'YYYY-MM-DD') AS "reviewDate",
      v."reportSymbol", v."addendumSymbol", (SELECT count(*)::int FROM "Recommendation" r WHERE r."reviewId" = v."id") AS "loaded", v."reportedTotal"
    FROM "Review" v JOIN "Country" c ON c."iso3" = v."stateUnderReviewIso3" WHERE v."id" = ${id}`;
  if (!row) return null;
  const { iso3, name, ...review } = row;
  return {
    id: review.id,
    stateUnderReview: { iso3, name },
    cycle: review.cycle,
    session: review.session,
    reviewDate: review.reviewDate,
    reportSymbol: review.reportSymbol,
    addendumSymbol: review.addendumSymbol,
    loaded: review.loaded,
    reportedTotal: review.reportedTotal,
  };
}

/** The themes named (each once, in the order asked), or the slugs that name no theme. */
async function findThemes(slugs: readonly string[]): Promise<{ themes: ReportTheme[]; unknown: string[] }> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return { themes: [], unknown: [] };
  const themes = await getDb().theme.findMany({ where: { slug: { in: unique } }, select: { slug: true, code: true, name: true } });
  const unknown = unique.filter((slug) => !themes.some((theme) => theme.slug === slug));
  return { themes: unknown.length > 0 ? [] : unique.map((slug) => themes.find((theme) => theme.slug === slug)!), unknown };
}

/**
 * The report for one organisation the caller belongs to (any role: it holds the organisation's private assessments).
 * 401 without a session, 403 when the organisation is not one of the caller's, 404 for an unknown review, 400 for a
 * theme identifier that names no theme (so a typo is a clear 400 rather than an empty report).
 */
export async function getMidTermReport(viewer: Viewer | null, input: MidTermReportInput, now = new Date()): Promise<MidTermReport> {
  // Check the caller may read this organisation's private data.
  const organization = await resolveOrganization({ kind: "user", viewer }, input.organization, "organization.readPrivate");
  const assessments = input.assessments ?? "all";
  const publicOnly = assessments === "public";

  // Independent reads, all scoped by the review, at once: the review, the themes asked for, the recommendations, and
  // the organisation's current assessment of each recommendation of the review (in the scope asked for), and the UN
  // findings it linked to them.
  const [review, { themes, unknown }, rows, inReview, findings] = await Promise.all([
    getReportReview(input.review),
    findThemes(input.theme),
    reportRows(reportQuery({ review: input.review, theme: input.theme, noted: input.noted })),
    currentAssessmentsInReview(viewer, organization.id, input.review, { publicOnly }),
    confirmedFindingsInReview(viewer, organization.id, input.review),
  ]);
  if (!review) throw new NotFoundError("no such review");
  if (unknown.length > 0) throw new z.ZodError([{ code: "custom", path: ["theme"], message: `no such theme: ${unknown.join(", ")}`, input: undefined }]);
  // The report's rows' assessments; how many of the whole review it has assessed, whatever the themes and positions
  // chosen, is what "has not assessed any recommendation of this review" must be based on.
  const current = new Map<number, ReportAssessment>();
  for (const row of rows) {
    const assessment = inReview.get(row.id);
    if (assessment) current.set(row.id, assessment);
  }
  const assessedInReview = inReview.size;

  // By the chosen themes, else by each recommendation's primary theme; then each section's statuses.
  const sections = reportSections(rows, themes, (row) => toReportRecommendation(row, current.get(row.id), findings.get(row.id)));
  const privateAssessments = [...current.values()].filter((a) => a.visibility !== "public" || a.withdrawnOn !== null).length;

  return {
    organization,
    review,
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
