import { describe, expect, it } from "vitest";
import { CAN_MANAGE_MEMBERS, CAN_READ_PRIVATE, CAN_WRITE, allowedRole, isOrgRole, type Membership } from "./roles";

const memberships: Membership[] = [
  { organizationId: "a", organizationName: "A", role: "owner" },
  { organizationId: "b", organizationName: "B", role: "editor" },
  { organizationId: "c", organizationName: "C", role: "viewer" },
];

describe("organisation roles", () => {
  it("knows exactly owner, editor and viewer", () => {
    expect(["owner", "editor", "viewer"].every(isOrgRole)).toBe(true);
    for (const other of ["member", "admin", "Owner", "", 1, null, undefined]) expect(isOrgRole(other)).toBe(false);
  });

  it("lets owners manage members, owners and editors write, and every member read private data", () => {
    expect(["a", "b", "c"].map((org) => allowedRole(memberships, org, CAN_MANAGE_MEMBERS))).toEqual(["owner", null, null]);
    expect(["a", "b", "c"].map((org) => allowedRole(memberships, org, CAN_WRITE))).toEqual(["owner", "editor", null]);
    expect(["a", "b", "c"].map((org) => allowedRole(memberships, org, CAN_READ_PRIVATE))).toEqual(["owner", "editor", "viewer"]);
  });

  it("gives nothing in an organisation the user is not a member of, whatever role they hold elsewhere", () => {
    expect(allowedRole(memberships, "z", CAN_READ_PRIVATE)).toBeNull();
    expect(allowedRole([], "a", CAN_READ_PRIVATE)).toBeNull();
  });
});
