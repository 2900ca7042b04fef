import "server-only";
import { actionsOfKind, MEMBER_ACCOUNT_ACTIONS, type AuditKind } from "@/lib/audit/kinds";
import { getDb, type Prisma } from "../db";
import { ForbiddenError, UnauthenticatedError } from "../http-errors";
import { readableOrganizationIds, type Viewer } from "../permissions";

/** Who did it, as the log shows it: the display name stored with the event, the operator, or an account gone since. */
export type AuditActor = { kind: "user"; name: string } | { kind: "operator" } | { kind: "unknown" };

export type AuditEventView = {
  id: number;
  at: string;
  actor: AuditActor;
  organization: string | null;
  action: string;
  subject: string;
  changes: unknown;
};

export type AuditLogFilter = { organizationId?: string; kind?: AuditKind; page?: number };

export const AUDIT_PAGE_SIZE = 50;

/** The organisations whose log the viewer may read: all (null) for an admin, else those they own. */
function readableLogs(viewer: Viewer | null): string[] | null {
  if (!viewer) throw new UnauthenticatedError();
  if (viewer.user.isAdmin) return null;
  const owned = viewer.memberships.filter((m) => m.role === "owner").map((m) => m.organizationId);
  if (owned.length === 0) throw new ForbiddenError();
  return owned;
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
  return !!viewer && (viewer.user.isAdmin || viewer.memberships.some((m) => m.role === "owner"));
}

/**
 * The events the viewer may read. An owner reads their organisations' events, and the account events (sign-ins,
 * second factor, sessions, renames; organizationId null) of the people who are members of those organisations now:
 * someone who has left takes their account history with them. An admin reads everything.
 */
async function auditWhere(viewer: Viewer | null, filter: AuditLogFilter): Promise<Prisma.AuditEventWhereInput> {
  const readable = readableLogs(viewer);
  if (filter.organizationId && readable && !readable.includes(filter.organizationId)) throw new ForbiddenError();
  const actions = actionsOfKind(filter.kind ?? "all");
  const ofKind: Prisma.AuditEventWhereInput = actions ? { action: { in: actions } } : {};
  if (filter.organizationId) return { ...ofKind, organizationId: filter.organizationId };
  if (!readable) return ofKind;
  const members = await getDb().member.findMany({ where: { organizationId: { in: readable } }, select: { userId: true }, distinct: ["userId"] });
  const memberIds = members.map((m) => m.userId);
  return {
    ...ofKind,
    OR: [
      { organizationId: { in: readable } },
      {
        organizationId: null,
        action: { in: [...MEMBER_ACCOUNT_ACTIONS] },
        OR: [{ actorUserId: { in: memberIds } }, { subjectType: "user", subjectId: { in: memberIds } }],
      },
    ],
  };
}

/** How many events the viewer's log holds (of the kind asked for): the page count of /audit. */
export async function countAuditEvents(viewer: Viewer | null, filter: AuditLogFilter = {}): Promise<number> {
  return getDb().auditEvent.count({ where: await auditWhere(viewer, filter) });
}

/**
 * One page of the audit log, newest first (AUDIT_PAGE_SIZE events). Actors appear by the display name stored with each
 * event when it was written, never their current one, so renaming oneself rewrites nothing; the operator CLI and the
 * seed appear as the operator.
 */
export async function listAuditEvents(viewer: Viewer | null, filter: AuditLogFilter = {}): Promise<AuditEventView[]> {
  const where = await auditWhere(viewer, filter);
  const events = await getDb().auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: ((filter.page ?? 1) - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const orgs = await getDb().organization.findMany({
    where: { id: { in: [...new Set(events.flatMap((e) => (e.organizationId ? [e.organizationId] : [])))] } },
    select: { id: true, name: true },
  });
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const ownOrganizations = new Set(readableOrganizationIds(viewer));
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actor: !e.actorUserId ? { kind: "operator" } : e.actorName ? { kind: "user", name: e.actorName } : { kind: "unknown" },
    organization: e.organizationId ? (orgName.get(e.organizationId) ?? null) : null,
    action: e.action,
    subject: e.subjectId ? `${e.subjectType} ${e.subjectId}` : e.subjectType,
    changes: e.organizationId && !ownOrganizations.has(e.organizationId) ? withheld(e.changes) : e.changes,
  }));
}
