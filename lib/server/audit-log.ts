import "server-only";
import { getDb } from "./db";
import { can, readableOrganizations } from "@/lib/auth/policy";
import { ForbiddenError, TwoFactorRequiredError, UnauthenticatedError } from "./http-errors";
import type { Viewer } from "./permissions";

export type AuditEventView = {
  id: number;
  at: string;
  actor: string;
  organization: string | null;
  action: string;
  subject: string;
  changes: unknown;
};

export const AUDIT_PAGE_SIZE = 200;

/** The organisations whose log the viewer may read (the policy's `audit.readAll`, else `organization.readAudit`): all (null) or some. */
function readableLogs(viewer: Viewer | null): string[] | null {
  if (!viewer) throw new UnauthenticatedError();
  if (can(viewer, "audit.readAll", {}).allowed) return null;
  const decisions = viewer.memberships.map((m) => ({ organizationId: m.organizationId, decision: can(viewer, "organization.readAudit", { organizationId: m.organizationId }) }));
  const owned = decisions.filter((d) => d.decision.allowed).map((d) => d.organizationId);
  if (owned.length > 0) return owned;
  if (decisions.some((d) => !d.decision.allowed && d.decision.reason === "two-factor-required")) throw new TwoFactorRequiredError();
  throw new ForbiddenError();
}

/**
 * What an admin reading another organisation's events sees of their changes: which fields changed, never the values.
 * A private note's text, an assessment's rationale and status, evidence and tags stay inside the organisation, even
 * from the instance's operators (a seized admin account must not expose an NGO's private work).
 */
function withheld(changes: unknown): { withheld: string; fields: string[] } {
  const fields = changes && typeof changes === "object" && !Array.isArray(changes) ? Object.keys(changes).sort() : [];
  return { withheld: "values are private to the organisation", fields };
}

/** True when the viewer may open /audit (the header shows the link only then). */
export function canReadAuditLog(viewer: Viewer | null): boolean {
  return can(viewer, "audit.readAll", {}).allowed || (viewer?.memberships ?? []).some((m) => can(viewer, "organization.readAudit", { organizationId: m.organizationId }).allowed);
}

/**
 * The audit log, newest first: owners see their organisations' events, admins see every event. Actors are shown by
 * display name only; the operator CLI and the seed appear as "operator".
 */
export async function listAuditEvents(viewer: Viewer | null, filter: { organizationId?: string } = {}): Promise<AuditEventView[]> {
  const readable = readableLogs(viewer);
  if (filter.organizationId && readable && !readable.includes(filter.organizationId)) throw new ForbiddenError();
  const organizationIds = filter.organizationId ? [filter.organizationId] : readable;
  const events = await getDb().auditEvent.findMany({
    where: organizationIds ? { organizationId: { in: organizationIds } } : {},
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE,
  });
  const [users, orgs] = await Promise.all([
    getDb().user.findMany({ where: { id: { in: events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])) } }, select: { id: true, name: true } }),
    getDb().organization.findMany({ where: { id: { in: events.flatMap((e) => (e.organizationId ? [e.organizationId] : [])) } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const ownOrganizations = new Set(readableOrganizations(viewer));
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actorUserId ? (userName.get(e.actorUserId) ?? "deleted user") : "operator",
    organization: e.organizationId ? (orgName.get(e.organizationId) ?? null) : null,
    action: e.action,
    subject: e.subjectId ? `${e.subjectType} ${e.subjectId}` : e.subjectType,
    changes: e.organizationId && !ownOrganizations.has(e.organizationId) ? withheld(e.changes) : e.changes,
  }));
}
