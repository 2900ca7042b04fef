import "server-only";
import { getDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/http-errors";

/**
 * How the operator CLI names things (an organisation by its name, a person by their email) turned into ids, with a
 * one-line refusal the operator can act on when there is no such thing.
 */
export async function findOrganizationByName(name: string): Promise<{ id: string; name: string; slug: string }> {
  const organization = await getDb().organization.findUnique({ where: { name: name.trim() }, select: { id: true, name: true, slug: true } });
  if (!organization) throw new NotFoundError(`no organisation named "${name}"`);
  return organization;
}

export async function findUserByEmail(email: string): Promise<{ id: string; email: string }> {
  const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
  if (!user) throw new NotFoundError(`no user with the email "${email}"`);
  return user;
}

/** The membership of the person with that email in the named organisation. */
export async function findMembership(organizationName: string, email: string): Promise<{ memberId: string; organizationId: string; userId: string }> {
  const [organization, user] = await Promise.all([findOrganizationByName(organizationName), findUserByEmail(email)]);
  const member = await getDb().member.findUnique({ where: { organizationId_userId: { organizationId: organization.id, userId: user.id } }, select: { id: true } });
  if (!member) throw new NotFoundError(`${user.email} is not a member of "${organization.name}"`);
  return { memberId: member.id, organizationId: organization.id, userId: user.id };
}
