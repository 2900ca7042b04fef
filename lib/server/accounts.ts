import "server-only";
import { z } from "zod";
import { can, type Action } from "@/lib/auth/policy";
import { isOrgRole, type OrgRole } from "@/lib/auth/roles";
import { recordAuditEvent } from "./audit";
import { getAuth } from "./auth";
import { getDb } from "./db";
import { NotFoundError } from "./http-errors";
import { authorize, type Viewer } from "./permissions";

/**
 * Organisations, accounts and memberships. The operator CLI acts as `{ kind: "operator" }` (whoever can run it
 * can open the database anyway); a signed-in user acts through their Viewer and is checked here, in every function.
 */
export type Actor = { kind: "operator" } | { kind: "user"; viewer: Viewer | null };

export const MIN_PASSWORD_LENGTH = 12;

/** A readable refusal (duplicate name, short password) the CLI prints as one line and exits 1. */
export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccountError";
  }
}

function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? (actor.viewer?.user.id ?? null) : null;
}

/** The operator may do anything; a user what the policy allows them (an instance administrator's action here). */
function requireAdminOrOperator(actor: Actor, action: Extract<Action, "organization.create" | "user.create">): void {
  if (actor.kind === "user") authorize(actor.viewer, action, {});
}

export function slugify(name: string): string {
  const slug = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return slug.slice(0, 60) || "org";
}

export type OrganizationSummary = { id: string; name: string; slug: string };

/** Creates an organisation (admins and operators only). Names are unique because operators refer to them by name. */
export async function createOrganization(actor: Actor, rawName: string): Promise<OrganizationSummary> {
  requireAdminOrOperator(actor, "organization.create");
  const name = z.string().trim().min(1).max(200).parse(rawName);
  const slug = slugify(name);
  return getDb().$transaction(async (tx) => {
    const clash = await tx.organization.findFirst({ where: { OR: [{ name }, { slug }] }, select: { name: true } });
    if (clash) throw new AccountError(`an organisation named "${clash.name}" already exists`);
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
  if (input.admin || !org) requireAdminOrOperator(actor, "user.create");
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
        await tx.member.update({ where: { id: before.id }, data: { role } });
        await recordAuditEvent(tx, { actorUserId, organizationId: org.id, action: "membership.update", subjectType: "member", subjectId: before.id, changes: { userId, role: [before.role, role] } });
        membership = "updated";
      } else membership = "unchanged";
    }
    return { userId, created: !existing, membership, admin };
  });
}
