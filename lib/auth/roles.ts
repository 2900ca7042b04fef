import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";

/**
 * The three roles a member can hold in an organisation, stored in `Member.role` exactly as these strings.
 * owner: manages members; editor: writes assessments and notes; viewer: reads the organisation's private data.
 * Pure (no database) so the logic is unit-tested and shared by the server, the CLI and better-auth's plugin.
 */
export const ORG_ROLES = ["owner", "editor", "viewer"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export function isOrgRole(value: unknown): value is OrgRole {
  return typeof value === "string" && (ORG_ROLES as readonly string[]).includes(value);
}

/** Roles allowed to read an organisation's private data, to write in it, and to manage its members. */
export const CAN_READ_PRIVATE: readonly OrgRole[] = ["owner", "editor", "viewer"];
export const CAN_WRITE: readonly OrgRole[] = ["owner", "editor"];
export const CAN_MANAGE_MEMBERS: readonly OrgRole[] = ["owner"];

export type Membership = { organizationId: string; organizationName: string; role: OrgRole };

/** The caller's role in the organisation when it is one of `allowed`; null otherwise (not a member, or too low a role). */
export function allowedRole(memberships: readonly Membership[], organizationId: string, allowed: readonly OrgRole[]): OrgRole | null {
  const membership = memberships.find((m) => m.organizationId === organizationId);
  return membership && allowed.includes(membership.role) ? membership.role : null;
}

/** better-auth's access control: its organisation statements plus ours, so its own endpoints agree with ours. */
const statements = { ...defaultStatements, assessment: ["create"], note: ["create", "update", "delete"] } as const;
export const accessControl = createAccessControl(statements);
export const accessRoles = {
  owner: accessControl.newRole({ ...ownerAc.statements, assessment: ["create"], note: ["create", "update", "delete"] }),
  editor: accessControl.newRole({ ...memberAc.statements, assessment: ["create"], note: ["create", "update"] }),
  viewer: accessControl.newRole({ ...memberAc.statements }),
};
