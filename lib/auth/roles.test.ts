import { describe, expect, it } from "vitest";
import { isOrgRole } from "./roles";

describe("organisation roles", () => {
  it("knows exactly owner, editor and viewer", () => {
    expect(["owner", "editor", "viewer"].every(isOrgRole)).toBe(true);
    for (const other of ["member", "admin", "Owner", "", 1, null, undefined]) expect(isOrgRole(other)).toBe(false);
  });
});
