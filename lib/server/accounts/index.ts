import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { isOrgRole, type OrgRole } from "@/lib/auth/roles";
import { recordAuditEvent } from "@/lib/server/audit";
import { getAuth } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/http-errors";
import { authorize } from "@/lib/server/permissions";
import { AccountError, actorId, authorizeActor, type Actor } from "./actor";
import { changeMemberRoleIn, lockedMember } from "./members";
import { slugCandidates } from "./organization-slug";

/**
 * Organisations, accounts and memberships: the operator CLI and the pages call these, and each checks the actor's
 * permission itself and writes its audit event in the transaction of the change.
 */
export { AccountError, LastOwnerError, type Actor } from "./actor";
export { slugBase } from "./organization-slug";
export { changeRole, listOrganizationMembers, removeMember, type MemberRow, type OrganizationMembers } from "./members";
export { findMembership, findOrganizationByName, findUserByEmail } from "./lookups";
export { setRequireTwoFactor } from "./two-factor-policy";
export { ACCOUNTS_PAGE_SIZE, listAccounts, resetTwoFactor, setUserDisabled, type AccountRow } from "./account-admin";

export const MIN_PASSWORD_LENGTH = 12;

export type OrganizationSummary = { id: string; name: string; slug: string };

/**
 * Creates an organisation (admins and operators only). Names are unique because operators refer to them by name; the
 * slug is unique in any script (lib/server/accounts/organization-slug.ts).
 */
export async function createOrganization(actor: Actor, rawName: string): Promise<OrganizationSummary> {
  authorizeActor(actor, "organization.create", {});
  const name = z.string().trim().min(1).max(200).parse(rawName);
  const candidates = slugCandidates(name);
  return getDb().$transaction(async (tx) => {
    const clash = await tx.organization.findFirst({ where: { name }, select: { name: true } });
    if (clash) throw new AccountError(`an organisation named "${clash.name}" already exists`);
    const taken = new Set((await tx.organization.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((o) => o.slug));
    const slug = candidates.find((candidate) => !taken.has(candidate));
    if (!slug) throw new AccountError(`no free address for an organisation named "${name}": choose another name`);
    const org = await tx.organization.create({ data: { name, slug }, select: { id: true, name: true, slug: true } });
    await recordAuditEvent(tx, { actorUserId: actorId(actor), organizationId: org.id, action: "org.create", subjectType: "organization", subjectId: org.id, changes: { name, slug } });
    return org;
  });
}

export async function userExists(email: string): Promise<boolean> {
  return (await getDb().user.count({ where: { email: email.trim().toLowerCase() } })) > 0;
}

export type AddUserInput = {
  email: string;
  /** Required for a new user; an existing user's password is left as it is. */
  password?: string;
  /** Display name; may be a pseudonym. Defaults to the part of the email before the @. */
  name?: string;
  organization?: { name: string; role: OrgRole };
  admin?: boolean;
};

export type AddUserOutcome = { userId: string; created: boolean; membership: "added" | "updated" | "unchanged" | null; admin: boolean };

const emailSchema = z.email().transform((email) => email.toLowerCase());

/**
 * Creates the user when new (the password hashed by better-auth, stored as its "credential" account), then adds or
 * updates the membership and the admin flag, in one transaction with one audit event per change. Operators may do
 * all of it; a signed-in owner may add members to their own organisation; only admins may grant admin.
 */
export async function addUser(actor: Actor, input: AddUserInput): Promise<AddUserOutcome> {
  const email = emailSchema.parse(input.email.trim());
  if (input.organization && !isOrgRole(input.organization.role)) throw new AccountError(`unknown role "${String(input.organization.role)}"`);
  const db = getDb();
  const org = input.organization ? await db.organization.findUnique({ where: { name: input.organization.name }, select: { id: true } }) : null;
  if (input.organization && !org) throw new NotFoundError(`no organisation named "${input.organization.name}"`);
  if (input.admin || !org) authorizeActor(actor, "user.create", {});
  else if (actor.kind === "user" && !can(actor.viewer, "user.create", {}).allowed) authorize(actor.viewer, "organization.manageMembers", { organizationId: org.id });

  const existing = await db.user.findUnique({ where: { email }, select: { id: true, isAdmin: true } });
  let passwordHash: string | null = null;
  if (!existing) {
    if (!input.password || input.password.length < MIN_PASSWORD_LENGTH) throw new AccountError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    passwordHash = await (await getAuth().$context).password.hash(input.password);
  }
  const actorUserId = actorId(actor);
  return db.$transaction(async (tx) => {
    let userId = existing?.id;
    if (!userId) {
      const name = z.string().trim().min(1).max(100).parse(input.name ?? email.split("@")[0]);
      const user = await tx.user.create({ data: { email, name }, select: { id: true } });
      userId = user.id;
      await tx.account.create({ data: { userId, accountId: userId, providerId: "credential", password: passwordHash } });
      await recordAuditEvent(tx, { actorUserId, action: "user.create", subjectType: "user", subjectId: userId, changes: { email, name } });
    }
    const admin = input.admin === true || existing?.isAdmin === true;
    if (input.admin && !existing?.isAdmin) {
      await tx.user.update({ where: { id: userId }, data: { isAdmin: true } });
      await recordAuditEvent(tx, { actorUserId, action: "user.admin", subjectType: "user", subjectId: userId, changes: { isAdmin: [false, true] } });
    }
    let membership: AddUserOutcome["membership"] = null;
    if (org && input.organization) {
      const role = input.organization.role;
      const before = await tx.member.findUnique({ where: { organizationId_userId: { organizationId: org.id, userId } }, select: { id: true, role: true } });
      if (!before) {
        const member = await tx.member.create({ data: { organizationId: org.id, userId, role }, select: { id: true } });
        await recordAuditEvent(tx, { actorUserId, organizationId: org.id, action: "membership.add", subjectType: "member", subjectId: member.id, changes: { userId, role } });
        membership = "added";
      } else if (before.role !== role) {
        // The same change as on the organisation page: the last owner stays, and the member is signed out at once.
        await changeMemberRoleIn(tx, actorUserId, await lockedMember(tx, before.id, role), role);
        membership = "updated";
      } else membership = "unchanged";
    }
    return { userId, created: !existing, membership, admin };
  });
}
