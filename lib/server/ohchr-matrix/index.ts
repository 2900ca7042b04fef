import "server-only";
import type { OhchrMatrix, OhchrMatrixInput, MatrixRow } from "@/lib/schemas/ohchr-matrix";
import type { Download } from "../audit/downloads";
import { getDb } from "../db";
import { NotFoundError } from "../http-errors";
import type { Viewer } from "../permissions";
import { currentAssessmentsInReview } from "../mid-term-report/assessments";
import { confirmedFindingsInReview } from "../mid-term-report/findings";
import { resolveOrganization } from "../status-sheet";

/**
 * A review's thematic list in OHCHR's layout, its fourth column filled from one organisation's current assessments
 * (its latest version of each, private or public; or its latest public one that is not withdrawn) and the findings it
 * linked. The same access as the mid-term report: a member of the organisation, any role (401 without a session, 403
 * for an organisation not the caller's, 404 for an unknown review). No other organisation's assessment, note or link is
 * read.
 */

type Row = Omit<MatrixRow, "current" | "findings">;

/** Every recommendation of the review as imported, in paragraph order, with all its themes: one statement. */
async function matrixRows(reviewId: number): Promise<Row[]> {
  return getDb().$queryRaw<Row[]>`
    SELECT r."id", r."paragraph", r."text", r."position"::text AS "position", r."responseWording", r."responseWordingSource", r."positionSource",
      COALESCE((SELECT json_agg(json_build_object('id', t."id", 'scheme', t."scheme", 'code', t."code", 'name', t."name", 'primary', rt."primary") ORDER BY t."id")
        FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId" WHERE rt."recommendationId" = r."id"), '[]') AS "themes"
    FROM "Recommendation" r WHERE r."reviewId" = ${reviewId}
    ORDER BY r."ordinal", r."id"`;
}

async function matrixReview(reviewId: number): Promise<OhchrMatrix["review"] | null> {
  const review = await getDb().review.findUnique({
    where: { id: reviewId },
    select: { id: true, cycle: true, session: true, reviewDate: true, stateUnderReview: { select: { iso3: true, name: true } } },
  });
  if (!review) return null;
  return { id: review.id, cycle: review.cycle, session: review.session, reviewDate: review.reviewDate?.toISOString().slice(0, 10) ?? null, stateUnderReview: review.stateUnderReview };
}

export async function getOhchrMatrix(viewer: Viewer | null, input: OhchrMatrixInput, now = new Date()): Promise<OhchrMatrix> {
  // Check the caller may read this organisation's private data: the mid-term report's check and choice of organisation.
  const organization = await resolveOrganization({ kind: "user", viewer }, input.organization, "organization.readPrivate");
  const assessments = input.assessments ?? "all";

  // The review, its recommendations as imported, and the organisation's assessments and links in it: at once.
  const [review, rows, current, findings] = await Promise.all([
    matrixReview(input.review),
    matrixRows(input.review),
    currentAssessmentsInReview(viewer, organization.id, input.review, { publicOnly: assessments === "public" }),
    confirmedFindingsInReview(viewer, organization.id, input.review),
  ]);
  if (!review) throw new NotFoundError("no such review");
  const privateAssessments = [...current.values()].filter((a) => a.visibility !== "public" || a.withdrawnOn !== null).length;
  return {
    organization,
    review,
    assessments,
    privateAssessments,
    generatedAt: now.toISOString(),
    rows: rows.map((row) => ({ ...row, current: current.get(row.id) ?? null, findings: findings.get(row.id) ?? [] })),
  };
}

/**
 * The matrix's download, in the organisation's log as a mid-term report download (it is one, in OHCHR's layout):
 * every recommendation of the review, and how many private assessments went out in it.
 */
export function matrixDownload(matrix: OhchrMatrix, format: "docx", lang: string): Download {
  return {
    kind: "mid-term-report",
    organizationIds: [matrix.organization.id],
    format,
    rows: matrix.rows.length,
    subjectType: "review",
    subjectId: String(matrix.review.id),
    details: {
      review: `${matrix.review.stateUnderReview.name}, cycle ${matrix.review.cycle}`,
      layout: "ohchr-matrix",
      assessments: matrix.assessments,
      privateAssessments: matrix.privateAssessments,
      lang,
    },
  };
}
