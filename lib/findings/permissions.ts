import { can, type PolicyViewer } from "@/lib/auth/policy";

/**
 * What a viewer may do on the finding and document pages, from the policy (lib/auth/policy.ts): the pages get plain
 * values and decide nothing themselves. The server functions check again on every write.
 */
export type FindingPermissions = {
  /** Organisations the viewer may add documents and findings for now. */
  addFor: { id: string; name: string }[];
  /** Whether the viewer may edit the record shown (null organisation: imported). */
  edit: boolean;
};

type Member = PolicyViewer["memberships"][number] & { organizationName: string };

export function findingPermissions(
  viewer: (Omit<PolicyViewer, "memberships"> & { memberships: readonly Member[] }) | null,
  record: { organizationId: string | null } | null,
): FindingPermissions {
  const addFor = (viewer?.memberships ?? [])
    .filter((m) => can(viewer, "finding.create", { organizationId: m.organizationId }).allowed)
    .map((m) => ({ id: m.organizationId, name: m.organizationName }));
  return { addFor, edit: record !== null && can(viewer, "finding.update", { organizationId: record.organizationId }).allowed };
}
