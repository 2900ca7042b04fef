import "server-only";
import type { WithdrawAssessmentInput, WithdrawnAssessment } from "@/lib/schemas/assessment";
import { recordAuditEvent } from "../audit";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ConflictError, NotFoundError, UnauthenticatedError } from "../http-errors";
import { authorize, type Viewer } from "../permissions";
import { ASSESSMENT_SELECT, toDto } from "./dto";
import { PUBLIC_ASSESSMENT } from "./public";

export const PRIVATE_VERSION_MESSAGE = "this version is private: only a public version can be withdrawn";
export const ALREADY_WITHDRAWN_MESSAGE = "this version has already been withdrawn";

/** The organisation's public version that outsiders see as current (its highest), if any. */
async function currentPublicVersion(tx: Prisma.TransactionClient, recommendationId: number, organizationId: string): Promise<number | null> {
  const row = await tx.assessment.findFirst({ where: { recommendationId, organizationId, ...PUBLIC_ASSESSMENT }, orderBy: { version: "desc" }, select: { version: true } });
  return row?.version ?? null;
}

/**
 * Takes one of an organisation's public assessment versions out of every public view, for a version published by
 * mistake: for someone at risk, one step must make it unpublished again. The version stays in the organisation's own
 * history, marked withdrawn with who, when and why (also in the audit log); the organisation's previous public version,
 * if any, becomes the current public one. Owners and editors of the organisation only.
 *
 * Another organisation's private or withdrawn version is not revealed to exist (404). A private version, or one
 * already withdrawn, is refused with 409 and the version as it is: repeating a withdrawal changes nothing, and two
 * racing withdrawals are told apart by the row lock of the conditional update, never by a second audit event.
 */
export async function withdrawAssessment(viewer: Viewer | null, assessmentId: string, input: WithdrawAssessmentInput): Promise<WithdrawnAssessment> {
  // Check who is asking, and that they may see this version at all.
  if (!viewer) throw new UnauthenticatedError();
  const db = getDb();
  const found = await db.assessment.findUnique({ where: { id: assessmentId }, select: { ...ASSESSMENT_SELECT, recommendationId: true } });
  const member = !!found && viewer.memberships.some((m) => m.organizationId === found.organizationId);
  if (!found || (!member && (found.visibility !== "PUBLIC" || found.withdrawnAt))) throw new NotFoundError();

  // Check the caller may withdraw for its organisation, then that the version is public and still published.
  const { organizationId, recommendationId, version } = found;
  authorize(viewer, "assessment.withdraw", { organizationId });
  if (found.visibility !== "PUBLIC") throw new ConflictError(toDto(found), PRIVATE_VERSION_MESSAGE);
  if (found.withdrawnAt) throw new ConflictError(toDto(found), ALREADY_WITHDRAWN_MESSAGE);

  return db.$transaction(async (tx) => {
    // Withdraw only if it is still published: a concurrent withdrawal holds the row, and this one then matches nothing.
    const before = await currentPublicVersion(tx, recommendationId, organizationId);
    const { count } = await tx.assessment.updateMany({
      where: { id: assessmentId, ...PUBLIC_ASSESSMENT },
      data: { withdrawnAt: new Date(), withdrawnByUserId: viewer.user.id, withdrawalReason: input.reason },
    });
    const row = await tx.assessment.findUniqueOrThrow({ where: { id: assessmentId }, select: ASSESSMENT_SELECT });
    if (count === 0) throw new ConflictError(toDto(row), ALREADY_WITHDRAWN_MESSAGE);

    // What the public sees now, and the audit event with who, when (the event's time) and why.
    const after = await currentPublicVersion(tx, recommendationId, organizationId);
    await recordAuditEvent(tx, {
      actorUserId: viewer.user.id,
      organizationId,
      action: "assessment.withdraw",
      subjectType: "assessment",
      subjectId: assessmentId,
      changes: { recommendationId, version, reason: input.reason, currentPublicVersion: [before, after] },
    });
    return { assessment: toDto(row), currentPublicVersion: after };
  });
}
