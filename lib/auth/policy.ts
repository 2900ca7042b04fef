import type { OrgRole } from "./roles";

/**
 * Every permission decision of the app, in one table: `can(viewer, action, resource)`. Routes, server actions, pages
 * and the CLI's `--as` ask it; no module decides on its own. Pure (no database): the caller passes a Viewer read from
 * the database on this very request (lib/server/permissions.ts), so a changed role or a removed membership applies at
 * once. The authorisation matrix test walks POLICY, so an action without a rule, or a rule without a matrix row, fails.
 */

/** What the policy needs to know about who is asking (a subset of lib/server/permissions.ts's Viewer). */
export type PolicyViewer = {
  user: { id: string; isAdmin: boolean };
  /** How this session's second factor was proven ("totp", "backup-code", "passkey", "operator"), or null. */
  secondFactor: string | null;
  memberships: readonly { organizationId: string; role: OrgRole; requireTwoFactor: boolean }[];
};

/** The organisation a thing belongs to, and for notes and overrides who or which organisation wrote it. */
export type OrgResource = { organizationId: string };
export type NoteResource = { organizationId: string; authorUserId: string };
/** An action-category correction: the organisation writing it, and the one whose correction stands now (if any). */
export type OverrideResource = { organizationId: string; currentOrganizationId: string | null };
export type NoResource = Record<string, never>;
/** A public record added by an organisation (a UN document or finding), or imported (organisationId null). */
export type PublicRecordResource = { organizationId: string | null };

type Rule<R> = { resource: R; describe: string; decide: (viewer: PolicyViewer, resource: R) => Decision };

export type Refusal = "unauthenticated" | "forbidden" | "two-factor-required";
export type Decision = { allowed: true } | { allowed: false; reason: Refusal };

const ALLOW: Decision = { allowed: true };
const FORBID: Decision = { allowed: false, reason: "forbidden" };

function roleIn(viewer: PolicyViewer, organizationId: string): { role: OrgRole; requireTwoFactor: boolean } | null {
  return viewer.memberships.find((m) => m.organizationId === organizationId) ?? null;
}

/**
 * When the organisation requires two-factor sign-in, a rule that allows a member allows them only from a session that
 * began with a second factor ("two-factor-required" says why, so the member is told what to do). Applied after the
 * rule itself, so a member whom the rule refuses anyway is told "forbidden", never sent to enrol for nothing.
 */
function withSecondFactor<R extends OrgResource>(rule: (viewer: PolicyViewer, resource: R) => Decision) {
  return (viewer: PolicyViewer, resource: R): Decision => {
    const decision = rule(viewer, resource);
    if (!decision.allowed) return decision;
    if (roleIn(viewer, resource.organizationId)?.requireTwoFactor && !viewer.secondFactor) return { allowed: false, reason: "two-factor-required" };
    return ALLOW;
  };
}

/** A member with one of `roles` in the organisation (today's role: the Viewer is read on this very request). */
function memberWith(roles: readonly OrgRole[]) {
  return (viewer: PolicyViewer, resource: OrgResource): Decision => {
    const membership = roleIn(viewer, resource.organizationId);
    return membership && roles.includes(membership.role) ? ALLOW : FORBID;
  };
}

const anyMember = withSecondFactor(memberWith(["owner", "editor", "viewer"]));
const writer = withSecondFactor(memberWith(["owner", "editor"]));
const owner = withSecondFactor(memberWith(["owner"]));
const admin = (viewer: PolicyViewer): Decision => (viewer.user.isAdmin ? ALLOW : FORBID);

/** A note's author while still an editor or owner there, or an owner. The role is today's, never the one at writing. */
const noteWriter = withSecondFactor((viewer: PolicyViewer, note: NoteResource): Decision => {
  const role = roleIn(viewer, note.organizationId)?.role;
  return role === "owner" || (role === "editor" && note.authorUserId === viewer.user.id) ? ALLOW : FORBID;
});

/** A correction by a writer of its organisation, never over another organisation's standing correction. */
const overrideWriter = withSecondFactor((viewer: PolicyViewer, override: OverrideResource): Decision => {
  const role = roleIn(viewer, override.organizationId)?.role;
  const mine = override.currentOrganizationId === null || override.currentOrganizationId === override.organizationId;
  return (role === "owner" || role === "editor") && mine ? ALLOW : FORBID;
});

/** The organisation's writers edit what it added; instance administrators edit anything, and alone what was imported. */
const publicRecordEditor = (viewer: PolicyViewer, record: PublicRecordResource): Decision => {
  if (viewer.user.isAdmin) return ALLOW;
  if (record.organizationId === null) return FORBID;
  return writer(viewer, { organizationId: record.organizationId });
};

export const POLICY = {
  /** Read an organisation's private assessments, notes, statuses, status sheet, mid-term report and private CSV. */
  "organization.readPrivate": { resource: {} as OrgResource, describe: "any member", decide: anyMember },
  "assessment.create": { resource: {} as OrgResource, describe: "owners and editors", decide: writer },
  /** Take one of the organisation's public assessment versions out of every public view (published by mistake). */
  "assessment.withdraw": { resource: {} as OrgResource, describe: "owners and editors", decide: writer },
  "note.create": { resource: {} as OrgResource, describe: "owners and editors", decide: writer },
  /** Edit, delete or publish a note: its author while still an editor or owner there, or an owner. The role is today's. */
  "note.update": { resource: {} as NoteResource, describe: "the author while an editor or owner, or an owner", decide: noteWriter },
  "note.delete": { resource: {} as NoteResource, describe: "the author while an editor or owner, or an owner", decide: noteWriter },
  /** Correct a recommendation's action category: never over another organisation's standing correction. */
  "actionCategory.override": { resource: {} as OverrideResource, describe: "owners and editors, unless another organisation's correction stands", decide: overrideWriter },
  /** Clear a correction: owners and editors of the organisation that made it. */
  "actionCategory.clear": { resource: {} as OrgResource, describe: "owners and editors of the correcting organisation", decide: writer },
  "recurrence.decide": { resource: {} as OrgResource, describe: "owners and editors", decide: writer },
  /** Add a UN document or a finding (public records) for the organisation. */
  "finding.create": { resource: {} as OrgResource, describe: "owners and editors", decide: writer },
  /** Edit a UN document or a finding: the adding organisation's writers, or an admin (alone for imported ones). */
  "finding.update": { resource: {} as PublicRecordResource, describe: "owners and editors of the adding organisation, or instance administrators", decide: publicRecordEditor },
  /** Link a UN finding to a recommendation for the organisation (with a stance), reject a suggestion, or remove a link. */
  "findingLink.decide": { resource: {} as OrgResource, describe: "owners and editors", decide: writer },
  "statusSheet.import": { resource: {} as OrgResource, describe: "owners and editors", decide: writer },
  "organization.manageMembers": { resource: {} as OrgResource, describe: "owners", decide: owner },
  "organization.setTwoFactorPolicy": { resource: {} as OrgResource, describe: "owners", decide: owner },
  "organization.readAudit": { resource: {} as OrgResource, describe: "owners", decide: owner },
  "audit.readAll": { resource: {} as NoResource, describe: "instance administrators", decide: admin },
  "user.disable": { resource: {} as NoResource, describe: "instance administrators", decide: admin },
  "user.resetTwoFactor": { resource: {} as NoResource, describe: "instance administrators", decide: admin },
  /** Create an account, make someone an instance administrator, or add anyone to any organisation. */
  "user.create": { resource: {} as NoResource, describe: "instance administrators", decide: admin },
  "organization.create": { resource: {} as NoResource, describe: "instance administrators", decide: admin },
  "admin.import": { resource: {} as NoResource, describe: "instance administrators", decide: admin },
  "admin.responseWording": { resource: {} as NoResource, describe: "instance administrators", decide: admin },
  /** Add or remove a review's documents (national report, UN compilation, mid-term reports ...): official data. */
  "admin.reviewDocuments": { resource: {} as NoResource, describe: "instance administrators", decide: admin },
  /** Set or clear a review's calendar dates and where they come from: official data. */
  "admin.reviewCalendar": { resource: {} as NoResource, describe: "instance administrators", decide: admin },
} satisfies { [action: string]: Rule<never> | Rule<OrgResource> | Rule<NoteResource> | Rule<OverrideResource> | Rule<PublicRecordResource> | Rule<NoResource> };

export type Action = keyof typeof POLICY;
export type ResourceOf<A extends Action> = (typeof POLICY)[A]["resource"];

/** Whether the viewer (null: anonymous) may do the action on the resource, and if not, why. */
export function can<A extends Action>(viewer: PolicyViewer | null, action: A, resource: ResourceOf<A>): Decision {
  if (!viewer) return { allowed: false, reason: "unauthenticated" };
  return (POLICY[action].decide as (viewer: PolicyViewer, resource: ResourceOf<A>) => Decision)(viewer, resource);
}

/** The organisations whose private data the viewer may read now (two-factor policy included). */
export function readableOrganizations(viewer: PolicyViewer | null): string[] {
  return (viewer?.memberships ?? []).filter((m) => can(viewer, "organization.readPrivate", { organizationId: m.organizationId }).allowed).map((m) => m.organizationId);
}

/**
 * The viewer's memberships whose private data waits for a second factor: the organisation requires two-factor sign-in
 * and this session began without one. Pages name them in a notice that links to the account page.
 */
export function awaitingSecondFactor<M extends PolicyViewer["memberships"][number]>(viewer: (Omit<PolicyViewer, "memberships"> & { memberships: readonly M[] }) | null): M[] {
  return (viewer?.memberships ?? []).filter((m) => {
    const decision = can(viewer, "organization.readPrivate", { organizationId: m.organizationId });
    return !decision.allowed && decision.reason === "two-factor-required";
  });
}

/** The organisations the viewer may write assessments and notes in now. */
export function writableOrganizations(viewer: PolicyViewer | null): string[] {
  return (viewer?.memberships ?? []).filter((m) => can(viewer, "assessment.create", { organizationId: m.organizationId }).allowed).map((m) => m.organizationId);
}
