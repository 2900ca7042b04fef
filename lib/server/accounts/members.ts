import "server-only";
import { z } from "zod";
import { ORG_ROLES, type OrgRole } from "@/lib/auth/roles";
import { recordAuditEvent } from "@/lib/server/audit";
import { getDb, type Prisma } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/http-errors";
import { actorId, authorizeActor, endSessions, LastOwnerError, lockOrganization, type Actor } from "./actor";

type Tx = Prisma.TransactionClient;
type LockedMember = { id: string; organizationId: string; userId: string; role: string };

/** A member as their organisation's owners see them: by display name only (it may be a pseudonym), never an email. */
export type MemberRow = {
  memberId: string;
  name: string;
  role: string;
  /** Signs in with a second factor: an authenticator app (TOTP) or a passkey. */
  twoFactor: boolean;
  disabled: boolean;
  joinedAt: Date;
  isYou: boolean;
};

export type OrganizationMembers = {
  organization: { id: string; name: string; slug: string; requireTwoFactor: boolean };
  members: MemberRow[];
  /** Members without a second factor: when the organisation requires one, they read only public data until they enrol. */
  notEnrolled: number;
};

const roleSchema = z.enum(ORG_ROLES);

/** Whether the user can prove a second factor: a confirmed authenticator app or at least one passkey. */
const enrolled = (user: { twoFactorEnabled: boolean; _count: { passkeys: number } }): boolean => user.twoFactorEnabled || user._count.passkeys > 0;

/** The organisation's members for its owners' page, owners first, then by display name. */
export async function listOrganizationMembers(actor: Actor, organizationId: string): Promise<OrganizationMembers> {
  authorizeActor(actor, "organization.manageMembers", { organizationId });
  const organization = await getDb().organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      slug: true,
      requireTwoFactor: true,
      members: {
        select: { id: true, role: true, createdAt: true, userId: true, user: { select: { name: true, twoFactorEnabled: true, disabledAt: true, _count: { select: { passkeys: true } } } } },
      },
    },
  });
  if (!organization) throw new NotFoundError("no such organisation");
  const rank = (role: string) => (ORG_ROLES as readonly string[]).indexOf(role);
  const members = organization.members
    .map((m) => ({
      memberId: m.id,
      name: m.user.name,
      role: m.role,
      twoFactor: enrolled(m.user),
      disabled: m.user.disabledAt !== null,
      joinedAt: m.createdAt,
      isYou: actorId(actor) === m.userId,
    }))
    .sort((a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name));
  const { id, name, slug, requireTwoFactor } = organization;
  return { organization: { id, name, slug, requireTwoFactor }, members, notEnrolled: members.filter((m) => !m.twoFactor).length };
}

/**
 * Locks the member's organisation (so concurrent changes queue up), reads the member as they are now, and refuses a
 * change that would leave the organisation without an owner. `nextRole` null is a removal.
 */
export async function lockedMember(tx: Tx, memberId: string, nextRole: OrgRole | null): Promise<LockedMember> {
  const found = await tx.member.findUnique({ where: { id: memberId }, select: { organizationId: true } });
  if (!found) throw new NotFoundError("that person is no longer a member");
  await lockOrganization(tx, found.organizationId);
  const member = await tx.member.findUnique({ where: { id: memberId }, select: { id: true, organizationId: true, userId: true, role: true } });
  if (!member) throw new NotFoundError("that person is no longer a member");
  if (member.role === "owner" && nextRole !== "owner") {
    const owners = await tx.member.count({ where: { organizationId: member.organizationId, role: "owner" } });
    if (owners <= 1) {
      const organization = await tx.organization.findUniqueOrThrow({ where: { id: member.organizationId }, select: { name: true } });
      throw new LastOwnerError(organization.name);
    }
  }
  return member;
}

/** Gives the member a new role, signs them out everywhere and audits both, in the caller's transaction. */
export async function changeMemberRoleIn(tx: Tx, actorUserId: string | null, member: LockedMember, role: OrgRole): Promise<number> {
  await tx.member.update({ where: { id: member.id }, data: { role } });
  const sessionsEnded = await endSessions(tx, member.userId);
  await recordAuditEvent(tx, {
    actorUserId,
    organizationId: member.organizationId,
    action: "membership.update",
    subjectType: "member",
    subjectId: member.id,
    changes: { userId: member.userId, role: [member.role, role], sessionsEnded },
  });
  return sessionsEnded;
}

/** The organisation a membership belongs to, checked against the policy before anything is read or written. */
async function authorizeOnMember(actor: Actor, memberId: string): Promise<void> {
  const member = await getDb().member.findUnique({ where: { id: memberId }, select: { organizationId: true } });
  if (!member) {
    // Only someone who manages members somewhere learns that a membership no longer exists.
    if (actor.kind === "user") {
      if (!actor.viewer) throw new UnauthenticatedError();
      if (!actor.viewer.memberships.some((m) => m.role === "owner")) throw new ForbiddenError();
    }
    throw new NotFoundError("that person is no longer a member");
  }
  authorizeActor(actor, "organization.manageMembers", { organizationId: member.organizationId });
}

export type MembershipChange = { userId: string; organizationId: string; changed: boolean; sessionsEnded: number };

/**
 * Changes a member's role (owners of the organisation, or the operator). A real change signs the member out at once,
 * so their next request starts again from the new role; the last owner keeps their role.
 */
export async function changeRole(actor: Actor, memberId: string, rawRole: unknown): Promise<MembershipChange> {
  await authorizeOnMember(actor, memberId);
  const role = roleSchema.parse(rawRole);
  return getDb().$transaction(async (tx) => {
    const member = await lockedMember(tx, memberId, role);
    if (member.role === role) return { userId: member.userId, organizationId: member.organizationId, changed: false, sessionsEnded: 0 };
    const sessionsEnded = await changeMemberRoleIn(tx, actorId(actor), member, role);
    return { userId: member.userId, organizationId: member.organizationId, changed: true, sessionsEnded };
  });
}

/**
 * Removes a member from an organisation (owners of it, or the operator) and signs them out everywhere at once: a
 * detained staffer's seized laptop loses the organisation's private data at its next request. Their past assessments
 * and notes stay, attributed to their display name. The last owner cannot be removed.
 */
export async function removeMember(actor: Actor, memberId: string): Promise<MembershipChange> {
  await authorizeOnMember(actor, memberId);
  return getDb().$transaction(async (tx) => {
    const member = await lockedMember(tx, memberId, null);
    await tx.member.delete({ where: { id: member.id } });
    const sessionsEnded = await endSessions(tx, member.userId);
    await recordAuditEvent(tx, {
      actorUserId: actorId(actor),
      organizationId: member.organizationId,
      action: "membership.remove",
      subjectType: "member",
      subjectId: member.id,
      changes: { userId: member.userId, role: member.role, sessionsEnded },
    });
    return { userId: member.userId, organizationId: member.organizationId, changed: true, sessionsEnded };
  });
}
