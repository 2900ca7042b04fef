import "server-only";
import { z } from "zod";
import type { DecideFindingLink, FindingLinkDecision, FindingStanceWire } from "@/lib/schemas/finding-link";
import { recordAuditEvent } from "../audit";
import { getDb } from "../db";
import type { FindingLinkStatus, FindingStance } from "../generated/prisma/client";
import { NotFoundError, UnauthenticatedError } from "../http-errors";
import { writingOrganization, type Viewer } from "../permissions";
import { wordSimilarity } from "./suggestions";

export { listFindingBodies, listFindingLinks, type FindingBodies } from "./read";
export { listFindingSuggestions } from "./suggestions";

/**
 * Links between UN findings and recommendations, one per finding × recommendation × organisation
 * (prisma/schema.prisma, FindingLink): an editor or owner links a finding with a stance and an excerpt for their
 * organisation (CONFIRMED: public, counted by the explorer's `finding=` filter), rejects a suggestion (REJECTED: never
 * suggested to that organisation again) or removes the row. Every change is audited; a decision that changes nothing
 * is not.
 */

const STANCE_TO_DB: Record<FindingStanceWire, FindingStance> = { contradicts: "CONTRADICTS", supports: "SUPPORTS", context: "CONTEXT" };

function fieldError(field: string, message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: [field], message, input: undefined }]);
}

/** Spaces as one: an excerpt copied from a page keeps its words, not always the source's line breaks. */
const squeeze = (text: string): string => text.replace(/\s+/g, " ").trim();

export type FindingLinkOutcome = { decision: FindingLinkDecision; changed: boolean };

/**
 * Records the organisation's decision on a finding for a recommendation. The finding must be about the State under
 * review of the recommendation's review, and an excerpt must be the finding's own words. `suggested` says the decision
 * answers a suggestion: its similarity is stored with it.
 */
export async function decideFindingLink(viewer: Viewer | null, recommendationId: number, input: DecideFindingLink & { suggested?: boolean }): Promise<FindingLinkOutcome> {
  if (!viewer) throw new UnauthenticatedError();
  // Check the user may write for the organisation (editor or owner, its two-factor policy included).
  const organizationId = writingOrganization(viewer, "findingLink.decide", input.organizationId);
  return getDb().$transaction(async (tx) => {
    // Check the recommendation and the finding, and that they concern the same State.
    const recommendation = await tx.recommendation.findUnique({ where: { id: recommendationId }, select: { text: true, review: { select: { stateUnderReviewIso3: true } } } });
    if (!recommendation) throw new NotFoundError();
    const finding = await tx.finding.findUnique({ where: { id: input.findingId }, select: { text: true, stateIso3: true } });
    if (!finding) throw fieldError("findingId", "no such finding");
    if (finding.stateIso3 !== recommendation.review.stateUnderReviewIso3) throw fieldError("findingId", "must be a finding about the State under review");
    const excerpt = input.decision === "confirmed" && input.excerpt ? input.excerpt : null;
    if (excerpt && !squeeze(finding.text).includes(squeeze(excerpt))) throw fieldError("excerpt", "must be a passage of the finding's text, word for word");

    const key = { findingId_recommendationId_organizationId: { findingId: input.findingId, recommendationId, organizationId } };
    const before = await tx.findingLink.findUnique({ where: key });
    const subject = { actorUserId: viewer.user.id, organizationId, action: "finding-link.decide" as const, subjectType: "finding-link", subjectId: `${input.findingId}-${recommendationId}` };
    const was = before ? { decision: before.status === "CONFIRMED" ? "confirmed" : "rejected", stance: before.stance?.toLowerCase() ?? null, excerpt: before.excerpt } : null;

    // Remove the organisation's row, if it has one.
    if (input.decision === "removed") {
      if (!before) return { decision: "removed", changed: false };
      await tx.findingLink.delete({ where: key });
      await recordAuditEvent(tx, { ...subject, changes: { findingId: input.findingId, recommendationId, decision: [was!.decision, "removed"], stance: [was!.stance, null], excerpt: [was!.excerpt, null] } });
      return { decision: "removed", changed: true };
    }

    // Confirm with a stance, or reject; unchanged, nothing is written.
    const status: FindingLinkStatus = input.decision === "confirmed" ? "CONFIRMED" : "REJECTED";
    const stance = input.decision === "confirmed" ? STANCE_TO_DB[input.stance!] : null;
    if (before && before.status === status && before.stance === stance && before.excerpt === excerpt) return { decision: input.decision, changed: false };
    const similarity = input.suggested ? await wordSimilarity(tx, recommendationId, input.findingId) : (before?.similarity ?? null);
    const decided = { status, stance, excerpt, similarity, decidedByUserId: viewer.user.id, decidedAt: new Date() };
    await tx.findingLink.upsert({ where: key, create: { findingId: input.findingId, recommendationId, organizationId, ...decided }, update: decided });
    await recordAuditEvent(tx, {
      ...subject,
      changes: {
        findingId: input.findingId,
        recommendationId,
        decision: [was?.decision ?? null, input.decision],
        stance: [was?.stance ?? null, input.stance ?? null],
        excerpt: [was?.excerpt ?? null, excerpt],
      },
    });
    return { decision: input.decision, changed: true };
  });
}
