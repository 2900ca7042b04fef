import { awaitingSecondFactor, can, readableOrganizations, type Action, type PolicyViewer } from "./policy";

/**
 * What the viewer may do on a recommendation's page, computed on the server from the policy and handed to the page's
 * components as plain values (they decide nothing themselves). Pure, like the policy.
 */
export type NamedOrganization = { organizationId: string; organizationName: string };
export type NamedPolicyViewer = Omit<PolicyViewer, "memberships"> & { memberships: readonly (PolicyViewer["memberships"][number] & { organizationName: string })[] };

export type RecommendationPermissions = {
  /** Organisations whose private assessments and notes the viewer reads now. */
  readable: string[];
  /** Where the viewer may record an assessment, write a note, decide a link across cycles. */
  assess: NamedOrganization[];
  /** Whose public assessment versions the viewer may withdraw (the button on the organisation's own history). */
  withdraw: NamedOrganization[];
  note: NamedOrganization[];
  decideLinks: NamedOrganization[];
  /** Where the viewer may link UN findings, and decide on the suggested ones. */
  linkFindings: NamedOrganization[];
  /** Where the viewer may correct the action category now, given the correction that stands (if any). */
  correctCategory: NamedOrganization[];
  /** Whether the viewer may clear the correction that stands. */
  clearCategory: boolean;
  /** The organisation whose correction stands and keeps the viewer's organisations from correcting, if any. */
  correctionStandsBy: string | null;
  /** The viewer's organisations that require a second factor this session lacks (their private data is hidden). */
  awaitingSecondFactor: string[];
};

type StandingCorrection = { organization: { id: string; name: string } } | null;

function where(viewer: NamedPolicyViewer | null, allowed: (organizationId: string) => boolean): NamedOrganization[] {
  return (viewer?.memberships ?? []).filter((m) => allowed(m.organizationId)).map(({ organizationId, organizationName }) => ({ organizationId, organizationName }));
}

function allows(viewer: NamedPolicyViewer | null, action: Extract<Action, "assessment.create" | "assessment.withdraw" | "note.create" | "recurrence.decide" | "findingLink.decide">) {
  return (organizationId: string): boolean => can(viewer, action, { organizationId }).allowed;
}

export function recommendationPermissions(viewer: NamedPolicyViewer | null, correction: StandingCorrection): RecommendationPermissions {
  const currentOrganizationId = correction?.organization.id ?? null;
  const correctCategory = where(viewer, (organizationId) => can(viewer, "actionCategory.override", { organizationId, currentOrganizationId }).allowed);
  // Organisations that could correct a category nobody had corrected, kept from it by the correction that stands.
  const heldOff = where(viewer, (organizationId) => can(viewer, "actionCategory.override", { organizationId, currentOrganizationId: null }).allowed);
  return {
    readable: readableOrganizations(viewer),
    assess: where(viewer, allows(viewer, "assessment.create")),
    withdraw: where(viewer, allows(viewer, "assessment.withdraw")),
    note: where(viewer, allows(viewer, "note.create")),
    decideLinks: where(viewer, allows(viewer, "recurrence.decide")),
    linkFindings: where(viewer, allows(viewer, "findingLink.decide")),
    correctCategory,
    clearCategory: correction !== null && can(viewer, "actionCategory.clear", { organizationId: correction.organization.id }).allowed,
    correctionStandsBy: correction !== null && correctCategory.length === 0 && heldOff.length > 0 ? correction.organization.name : null,
    awaitingSecondFactor: awaitingSecondFactor(viewer).map((m) => m.organizationName),
  };
}
