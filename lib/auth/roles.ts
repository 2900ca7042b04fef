import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";

/**
 * The three roles a member can hold in an organisation, stored in `Member.role` exactly as these strings.
 * owner: manages members; editor: writes assessments and notes; viewer: reads the organisation's private data (the
 * rules are lib/auth/policy.ts's).
 */
export const ORG_ROLES = ["owner", "editor", "viewer"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export function isOrgRole(value: unknown): value is OrgRole {
  return typeof value === "string" && (ORG_ROLES as readonly string[]).includes(value);
}

export type Membership = { organizationId: string; organizationName: string; role: OrgRole };

/**
 * better-auth's organisation plugin needs the role names. Every one of its routes is closed (lib/server/auth), so these
 * grant nothing: what a role may do in this app is decided by lib/auth/policy.ts alone.
 */
export const accessControl = createAccessControl(defaultStatements);
export const accessRoles = {
  owner: accessControl.newRole(ownerAc.statements),
  editor: accessControl.newRole(memberAc.statements),
  viewer: accessControl.newRole(memberAc.statements),
};
