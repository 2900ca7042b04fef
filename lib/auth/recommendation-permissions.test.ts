import { describe, expect, it } from "vitest";
import { recommendationPermissions, type NamedPolicyViewer } from "./recommendation-permissions";

const A = { id: "org-a", name: "Org A" };
const B = { id: "org-b", name: "Org B" };

function member(role: "owner" | "editor" | "viewer", org = A, options: { requireTwoFactor?: boolean; secondFactor?: string | null } = {}): NamedPolicyViewer {
  return {
    user: { id: "me", isAdmin: false },
    secondFactor: options.secondFactor ?? null,
    memberships: [{ organizationId: org.id, organizationName: org.name, role, requireTwoFactor: options.requireTwoFactor ?? false }],
  };
}
const named = (org: typeof A) => [{ organizationId: org.id, organizationName: org.name }];

describe("what a viewer may do on a recommendation's page", () => {
  it("gives an anonymous visitor nothing", () => {
    expect(recommendationPermissions(null, null)).toEqual({
      readable: [],
      assess: [],
      withdraw: [],
      note: [],
      decideLinks: [],
      linkFindings: [],
      correctCategory: [],
      clearCategory: false,
      correctionStandsBy: null,
      awaitingSecondFactor: [],
    });
  });

  it("lets an editor write and correct, and clear their own organisation's correction", () => {
    const may = recommendationPermissions(member("editor"), { organization: A });
    expect(may).toMatchObject({ readable: [A.id], assess: named(A), withdraw: named(A), note: named(A), decideLinks: named(A), linkFindings: named(A), correctCategory: named(A), clearCategory: true, correctionStandsBy: null });
  });

  it("gives an editor of B no form over A's correction, and says whose correction stands", () => {
    const may = recommendationPermissions(member("editor", B), { organization: A });
    expect(may).toMatchObject({ correctCategory: [], clearCategory: false, correctionStandsBy: A.name, assess: named(B) });
  });

  it("says nothing of A's correction to a viewer, who could not correct anyway", () => {
    expect(recommendationPermissions(member("viewer", B), { organization: A })).toMatchObject({ readable: [B.id], correctCategory: [], correctionStandsBy: null, assess: [], withdraw: [] });
  });

  it("hides the private data and the forms of an organisation that requires a second factor, and names it", () => {
    const may = recommendationPermissions(member("owner", A, { requireTwoFactor: true }), { organization: A });
    expect(may).toEqual({
      readable: [],
      assess: [],
      withdraw: [],
      note: [],
      decideLinks: [],
      linkFindings: [],
      correctCategory: [],
      clearCategory: false,
      correctionStandsBy: null,
      awaitingSecondFactor: [A.name],
    });
    const withFactor = recommendationPermissions(member("owner", A, { requireTwoFactor: true, secondFactor: "passkey" }), { organization: A });
    expect(withFactor).toMatchObject({ readable: [A.id], assess: named(A), clearCategory: true, awaitingSecondFactor: [] });
  });
});
