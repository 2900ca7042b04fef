import "server-only";
import type { AssessmentDto } from "@/lib/schemas/assessment";
import type { Prisma } from "../generated/prisma/client";
import { fromDbDate, fromDbEnum } from "../wire-enums";

/** The columns of an assessment version as the API and the pages show it, with its evidence and any withdrawal. */
export const ASSESSMENT_SELECT = {
  id: true,
  organizationId: true,
  status: true,
  assessedOn: true,
  createdAt: true,
  rationale: true,
  confidence: true,
  visibility: true,
  version: true,
  organization: { select: { name: true } },
  author: { select: { name: true } },
  evidence: { orderBy: { position: "asc" }, select: { kind: true, reference: true, excerpt: true, date: true, stance: true, findingId: true } },
  withdrawnAt: true,
  withdrawalReason: true,
  withdrawnBy: { select: { name: true } },
} as const satisfies Prisma.AssessmentSelect;

export type AssessmentRow = Prisma.AssessmentGetPayload<{ select: typeof ASSESSMENT_SELECT }>;

export function toDto(row: AssessmentRow): AssessmentDto {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    authorName: row.author.name,
    status: fromDbEnum(row.status),
    assessedOn: fromDbDate(row.assessedOn),
    createdAt: row.createdAt.toISOString(),
    rationale: row.rationale,
    confidence: fromDbEnum(row.confidence),
    visibility: fromDbEnum(row.visibility),
    version: row.version,
    evidence: row.evidence.map((item) => ({
      kind: item.kind === "UN_SYMBOL" ? "un-symbol" : "url",
      reference: item.reference,
      excerpt: item.excerpt,
      date: item.date ? fromDbDate(item.date) : null,
      stance: fromDbEnum(item.stance),
      // Only when a finding was picked: evidence typed by hand reads as it always has.
      ...(item.findingId !== null ? { findingId: item.findingId } : {}),
    })),
    withdrawal: row.withdrawnAt ? { withdrawnAt: row.withdrawnAt.toISOString(), withdrawnByName: row.withdrawnBy?.name ?? null, reason: row.withdrawalReason ?? "" } : null,
  };
}

