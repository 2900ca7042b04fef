import { describe, expect, it } from "vitest";
import { awaitingSecondFactor, can, POLICY, readableOrganizations, writableOrganizations, type Action, type PolicyViewer, type Refusal } from "./policy";
import type { OrgRole } from "./roles";

/**
 * The policy table, rule by rule: each action against each kind of caller, in an organisation without the two-factor
 * policy, in one that requires it with a password-only session, and in one that requires it with a second factor.
 * The expected cells are written out here, not derived from the policy, so a changed rule fails a cell.
 */
const ORG = "org-a";
const OTHER = "org-b";
const ME = "user-me";
const SOMEONE = "user-someone";

type Caller = "anonymous" | "signedIn" | "viewer" | "editor" | "owner" | "outsider" | "admin";
const CALLERS: Caller[] = ["anonymous", "signedIn", "viewer", "editor", "owner", "outsider", "admin"];
type Setting = "no policy" | "2FA required, password only" | "2FA required, second factor";
const SETTINGS: Setting[] = ["no policy", "2FA required, password only", "2FA required, second factor"];

function callerIn(caller: Caller, setting: Setting): PolicyViewer | null {
  if (caller === "anonymous") return null;
  const requireTwoFactor = setting !== "no policy";
  const secondFactor = setting === "2FA required, second factor" ? "totp" : null;
  const membership = (organizationId: string, role: OrgRole) => [{ organizationId, role, requireTwoFactor }];
  const memberships = caller === "viewer" || caller === "editor" || caller === "owner" ? membership(ORG, caller) : caller === "outsider" ? membership(OTHER, "owner") : [];
  return { user: { id: ME, isAdmin: caller === "admin" }, secondFactor, memberships };
}

/** One rule on one resource, and the callers it allows when nothing else (the two-factor policy) stands in the way. */
type Case = { action: Action; on: string; resource: never; allowed: Caller[] };
const ORG_RESOURCE = { organizationId: ORG };
const cases = [
  { action: "organization.readPrivate", on: "A", resource: ORG_RESOURCE, allowed: ["viewer", "editor", "owner"] },
  { action: "assessment.create", on: "A", resource: ORG_RESOURCE, allowed: ["editor", "owner"] },
  { action: "assessment.withdraw", on: "A", resource: ORG_RESOURCE, allowed: ["editor", "owner"] },
  { action: "note.create", on: "A", resource: ORG_RESOURCE, allowed: ["editor", "owner"] },
  // Hole 2: authorship alone gives nothing; the role is today's.
  { action: "note.update", on: "a note of A by the caller", resource: { organizationId: ORG, authorUserId: ME }, allowed: ["editor", "owner"] },
  { action: "note.update", on: "a note of A by someone else", resource: { organizationId: ORG, authorUserId: SOMEONE }, allowed: ["owner"] },
  { action: "note.delete", on: "a note of A by the caller", resource: { organizationId: ORG, authorUserId: ME }, allowed: ["editor", "owner"] },
  { action: "note.delete", on: "a note of A by someone else", resource: { organizationId: ORG, authorUserId: SOMEONE }, allowed: ["owner"] },
  // Hole 3: never over another organisation's standing correction.
  { action: "actionCategory.override", on: "for A, no correction standing", resource: { organizationId: ORG, currentOrganizationId: null }, allowed: ["editor", "owner"] },
  { action: "actionCategory.override", on: "for A, A's correction standing", resource: { organizationId: ORG, currentOrganizationId: ORG }, allowed: ["editor", "owner"] },
  { action: "actionCategory.override", on: "for A, B's correction standing", resource: { organizationId: ORG, currentOrganizationId: OTHER }, allowed: [] },
  { action: "actionCategory.clear", on: "A's correction", resource: ORG_RESOURCE, allowed: ["editor", "owner"] },
  { action: "recurrence.decide", on: "for A", resource: ORG_RESOURCE, allowed: ["editor", "owner"] },
  { action: "findingLink.decide", on: "for A", resource: ORG_RESOURCE, allowed: ["editor", "owner"] },
  { action: "statusSheet.import", on: "A's sheet", resource: ORG_RESOURCE, allowed: ["editor", "owner"] },
  { action: "finding.create", on: "for A", resource: ORG_RESOURCE, allowed: ["editor", "owner"] },
  { action: "finding.update", on: "A's finding", resource: ORG_RESOURCE, allowed: ["editor", "owner", "admin"] },
  { action: "finding.update", on: "an imported finding", resource: { organizationId: null }, allowed: ["admin"] },
  { action: "organization.manageMembers", on: "A", resource: ORG_RESOURCE, allowed: ["owner"] },
  { action: "organization.setTwoFactorPolicy", on: "A", resource: ORG_RESOURCE, allowed: ["owner"] },
  { action: "organization.readAudit", on: "A", resource: ORG_RESOURCE, allowed: ["owner"] },
  { action: "audit.readAll", on: "the instance", resource: {}, allowed: ["admin"] },
  { action: "user.disable", on: "the instance", resource: {}, allowed: ["admin"] },
  { action: "user.resetTwoFactor", on: "the instance", resource: {}, allowed: ["admin"] },
  { action: "user.create", on: "the instance", resource: {}, allowed: ["admin"] },
  { action: "organization.create", on: "the instance", resource: {}, allowed: ["admin"] },
  { action: "admin.import", on: "the instance", resource: {}, allowed: ["admin"] },
  { action: "admin.responseWording", on: "the instance", resource: {}, allowed: ["admin"] },
  { action: "admin.reviewDocuments", on: "the instance", resource: {}, allowed: ["admin"] },
  { action: "admin.reviewCalendar", on: "the instance", resource: {}, allowed: ["admin"] },
] as Case[];

/** The answer a cell expects: membership rules ask for the second factor only of callers they would otherwise allow. */
function expected(test: Case, caller: Caller, setting: Setting): true | Refusal {
  if (caller === "anonymous") return "unauthenticated";
  if (!test.allowed.includes(caller)) return "forbidden";
  const organisationRule = caller !== "admin";
  return organisationRule && setting === "2FA required, password only" ? "two-factor-required" : true;
}

function answer(viewer: PolicyViewer | null, test: Case): true | Refusal {
  const decision = can(viewer, test.action, test.resource);
  return decision.allowed ? true : decision.reason;
}

describe("the policy table", () => {
  it("has a case here for every action in POLICY", () => {
    expect([...new Set(cases.map((c) => c.action))].sort()).toEqual(Object.keys(POLICY).sort());
  });

  for (const test of cases) {
    for (const setting of SETTINGS) {
      it(`${test.action} on ${test.on}, ${setting}`, () => {
        const actual = Object.fromEntries(CALLERS.map((caller) => [caller, answer(callerIn(caller, setting), test)]));
        const wanted = Object.fromEntries(CALLERS.map((caller) => [caller, expected(test, caller, setting)]));
        expect(actual).toEqual(wanted);
      });
    }
  }

  it("describes every rule in words", () => {
    for (const [action, rule] of Object.entries(POLICY)) expect(rule.describe, action).toMatch(/\w{4,}/);
  });
});

describe("the organisations a viewer reads and writes", () => {
  const viewer = (secondFactor: string | null): PolicyViewer => ({
    user: { id: ME, isAdmin: false },
    secondFactor,
    memberships: [
      { organizationId: "strict-editor", role: "editor", requireTwoFactor: true },
      { organizationId: "open-editor", role: "editor", requireTwoFactor: false },
      { organizationId: "open-viewer", role: "viewer", requireTwoFactor: false },
      { organizationId: "strict-viewer", role: "viewer", requireTwoFactor: true },
    ],
  });

  it("leaves out an organisation that requires a second factor the session lacks, and names it", () => {
    expect(readableOrganizations(viewer(null))).toEqual(["open-editor", "open-viewer"]);
    expect(writableOrganizations(viewer(null))).toEqual(["open-editor"]);
    expect(awaitingSecondFactor(viewer(null)).map((m) => m.organizationId)).toEqual(["strict-editor", "strict-viewer"]);
  });

  it("gives them back once the session began with a second factor", () => {
    for (const factor of ["totp", "backup-code", "passkey", "operator"]) {
      expect(readableOrganizations(viewer(factor))).toEqual(["strict-editor", "open-editor", "open-viewer", "strict-viewer"]);
      expect(writableOrganizations(viewer(factor))).toEqual(["strict-editor", "open-editor"]);
      expect(awaitingSecondFactor(viewer(factor))).toEqual([]);
    }
  });

  it("gives an anonymous visitor and a member of nothing no organisation", () => {
    expect(readableOrganizations(null)).toEqual([]);
    expect(writableOrganizations(null)).toEqual([]);
    expect(awaitingSecondFactor(null)).toEqual([]);
    expect(readableOrganizations({ user: { id: ME, isAdmin: true }, secondFactor: null, memberships: [] })).toEqual([]);
  });
});
