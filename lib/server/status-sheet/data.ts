import "server-only";
import type { SheetValues } from "@/lib/schemas/status-sheet";
import type { StatusSheetRecord } from "@/lib/status-sheet/csv";
import type { SheetBasis, SheetCurrent } from "@/lib/status-sheet/plan";
import { fromDbDate, fromDbEnum, toDbDate, toDbEnum } from "../wire-enums";
import type { AssessmentStatus, Confidence, Prisma, Visibility } from "../generated/prisma/client";

/** The status sheet's reads: the review's recommendations and one organisation's assessments of them. */

type Tx = Prisma.TransactionClient;

export type SheetRecommendationRow = {
  id: number;
  paragraph: string | null;
  text: string;
  position: string | null;
  responseWording: string | null;
  recommendingStates: { country: { name: string } }[];
};

/** Every recommendation of the review, in the order the document prints them. */
export async function loadSheetRecommendations(db: Tx, reviewId: number): Promise<SheetRecommendationRow[]> {
  return db.recommendation.findMany({
    where: { reviewId },
    orderBy: [{ ordinal: "asc" }, { id: "asc" }],
    select: {
      id: true,
      paragraph: true,
      text: true,
      position: true,
      responseWording: true,
      recommendingStates: { orderBy: { ordinal: "asc" }, select: { country: { select: { name: true } } } },
    },
  });
}

/**
 * The recommendations' ids and paragraphs, and the organisation's assessments of them, newest version first. Only
 * this organisation's rows are read (the filter is in the query), so no other organisation's private assessment can
 * reach a sheet.
 */
export async function loadSheetBasis(db: Tx, reviewId: number, organizationId: string): Promise<SheetBasis> {
  // One after the other: inside a transaction both would share one connection.
  const recommendations = await db.recommendation.findMany({ where: { reviewId }, orderBy: [{ ordinal: "asc" }, { id: "asc" }], select: { id: true, paragraph: true } });
  const assessments = await db.assessment.findMany({
    where: { organizationId, recommendation: { reviewId } },
    orderBy: [{ recommendationId: "asc" }, { version: "desc" }],
    select: {
      recommendationId: true,
      status: true,
      assessedOn: true,
      rationale: true,
      confidence: true,
      visibility: true,
      version: true,
      createdAt: true,
      author: { select: { name: true } },
    },
  });
  const byRecommendation = new Map<number, SheetCurrent[]>();
  for (const row of assessments) {
    const list = byRecommendation.get(row.recommendationId) ?? [];
    list.push({
      status: fromDbEnum(row.status),
      assessedOn: fromDbDate(row.assessedOn),
      rationale: row.rationale.replace(/\r\n?/g, "\n").trim(),
      confidence: fromDbEnum(row.confidence),
      visibility: fromDbEnum(row.visibility),
      version: row.version,
      authorName: row.author.name,
      createdAt: row.createdAt.toISOString(),
    });
    byRecommendation.set(row.recommendationId, list);
  }
  return { recommendations, assessments: byRecommendation };
}

const POSITION_WORDS: Record<string, string> = { SUPPORTED: "supported", SUPPORTED_IN_PART: "supported in part", NOTED: "noted" };

/** One row of the exported sheet; a recommendation without an assessment reads `not_assessed`, version 0. */
export function sheetRecord(recommendation: SheetRecommendationRow, current: SheetCurrent | undefined): StatusSheetRecord {
  return {
    paragraph: recommendation.paragraph ?? "",
    recommendation_id: String(recommendation.id),
    recommending_states: recommendation.recommendingStates.map((s) => s.country.name).join("; "),
    recommendation: recommendation.text,
    government_response: recommendation.responseWording ?? (recommendation.position ? (POSITION_WORDS[recommendation.position] ?? "") : ""),
    status: current?.status ?? "not_assessed",
    assessed_on: current?.assessedOn ?? "",
    rationale: current?.rationale ?? "",
    confidence: current?.confidence ?? "",
    visibility: current?.visibility ?? "",
    version: String(current?.version ?? 0),
  };
}

/** The new assessment's columns, as the database enums. */
export function toDbValues(values: SheetValues): { status: AssessmentStatus; assessedOn: Date; rationale: string; confidence: Confidence; visibility: Visibility } {
  return {
    status: toDbEnum(values.status),
    assessedOn: toDbDate(values.assessedOn),
    rationale: values.rationale,
    confidence: toDbEnum(values.confidence),
    visibility: toDbEnum(values.visibility),
  };
}
