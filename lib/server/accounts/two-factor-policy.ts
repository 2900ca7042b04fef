import "server-only";
import { recordAuditEvent } from "@/lib/server/audit";
import { getDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/http-errors";
import { actorId, authorizeActor, type Actor } from "./actor";

export type TwoFactorPolicyChange = { changed: boolean; requireTwoFactor: boolean; notEnrolled: number };

/**
 * Requires two-factor sign-in for an organisation, or stops requiring it (its owners, or the operator). While it is
 * on, the policy (lib/auth/policy.ts) opens the organisation's private data only to sessions that began with a second
 * factor, from the next request on; members without one keep reading public data and are told why. Sessions are not
 * ended: a password-only session already loses the private data, and ending it would add nothing but a sign-in.
 */
export async function setRequireTwoFactor(actor: Actor, organizationId: string, requireTwoFactor: boolean): Promise<TwoFactorPolicyChange> {
  authorizeActor(actor, "organization.setTwoFactorPolicy", { organizationId });
  return getDb().$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: organizationId }, select: { requireTwoFactor: true } });
    if (!before) throw new NotFoundError("no such organisation");
    const notEnrolled = await tx.member.count({ where: { organizationId, user: { twoFactorEnabled: false, passkeys: { none: {} } } } });
    if (before.requireTwoFactor === requireTwoFactor) return { changed: false, requireTwoFactor, notEnrolled };
    await tx.organization.update({ where: { id: organizationId }, data: { requireTwoFactor } });
    await recordAuditEvent(tx, {
      actorUserId: actorId(actor),
      organizationId,
      action: "org.require-2fa",
      subjectType: "organization",
      subjectId: organizationId,
      changes: { requireTwoFactor: [before.requireTwoFactor, requireTwoFactor], notEnrolled },
    });
    return { changed: true, requireTwoFactor, notEnrolled };
  });
}
