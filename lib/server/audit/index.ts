import "server-only";
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type AuditAction =
  | "org.create"
  | "user.create"
  | "user.admin"
  | "membership.add"
  | "membership.update"
  | "import"
  | "import.replace"
  | "import.upload"
  | "finding.import"
  | "finding.create"
  | "finding.update"
  | "un-document.create"
  | "un-document.update"
  | "assessment.create"
  | "assessment.withdraw"
  | "status-sheet.import"
  | "note.create"
  | "note.update"
  | "note.delete"
  | "recommendation-link.decide"
  | "finding-link.decide"
  | "action-category.override"
  | "action-category.clear"
  | "action-category.derive"
  | "recommendation-text.import"
  | "response-wording.set"
  | "response-wording.import"
  // A review's documents (its national report, the UN compilation, mid-term reports ...), by instance administrators.
  | "review-document.add"
  | "review-document.remove"
  // A review's calendar dates and their source, by instance administrators.
  | "review-calendar.set"
  | "review-calendar.clear"
  // Accounts (issue 14). User-level events have organizationId null; owners see those of their current members.
  | "auth.sign-in"
  | "auth.sign-in-failed"
  | "auth.two-factor.enable"
  | "auth.two-factor.disable"
  | "auth.recovery-codes.regenerate"
  | "auth.passkey.add"
  | "auth.passkey.delete"
  | "auth.password.change"
  | "session.revoke"
  | "user.rename"
  | "user.disable"
  | "user.enable"
  | "user.reset-2fa"
  | "membership.remove"
  | "org.require-2fa"
  // Downloads of an organisation's private data: who, what, how many rows.
  | "download.status-sheet"
  | "download.mid-term-report"
  | "download.recommendations"
  | "download.stats";

export type AuditEventInput = {
  /** Null for the operator CLI and the first-start seed. */
  actorUserId: string | null;
  organizationId?: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  /** What changed, as { field: [before, after] } or a summary; never a password or a hash. */
  changes: Prisma.InputJsonValue;
};

function auditRow(event: AuditEventInput, actorName: string | null) {
  return {
    actorUserId: event.actorUserId,
    actorName,
    organizationId: event.organizationId ?? null,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    changes: event.changes,
  };
}

/**
 * The actors' display names as they are in this transaction: the log keeps the name the actor had when they acted,
 * so a later rename (to another member's name, say) does not rewrite who did past events.
 */
async function actorNames(tx: Tx, events: AuditEventInput[]): Promise<Map<string, string>> {
  const ids = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  if (ids.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/**
 * Records one write in the audit log. It takes the transaction of the write it describes, so the event and the
 * change are committed together or not at all. The actor's current display name is stored with it.
 */
export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await recordAuditEvents(tx, [event]);
}

/** Several events of one write (a status sheet import records one per assessment) in one statement, same transaction. */
export async function recordAuditEvents(tx: Tx, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const names = await actorNames(tx, events);
  await tx.auditEvent.createMany({ data: events.map((e) => auditRow(e, e.actorUserId ? (names.get(e.actorUserId) ?? null) : null)) });
}

/**
 * Events whose actor is the viewer of this request, whose name was just read from the database: no second lookup, so
 * a download costs one insert.
 */
export async function recordAuditEventsAs(tx: Tx, actor: { id: string; name: string }, events: Omit<AuditEventInput, "actorUserId">[]): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({ data: events.map((e) => auditRow({ ...e, actorUserId: actor.id }, actor.name)) });
}
