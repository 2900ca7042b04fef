import "server-only";
import { coarseUserAgent } from "@/lib/account/user-agent";
import { recordAuditEvent } from "../audit";
import { getAuth } from "../auth";
import { callAuthRoute } from "../auth/call-route";
import { getDb } from "../db";
import { NotFoundError } from "../http-errors";
import type { Viewer } from "../permissions";
import { AccountRefusal, expectSuccess, requireSignedIn } from "./refusal";

/**
 * A person's own sessions: what the account page lists and ends. Never the token (it is the session) and never an
 * address (none is kept: lib/server/auth/index.ts strips it).
 */
export type SessionRow = {
  id: string;
  createdAt: Date;
  /** When the session was last renewed or changed (better-auth's updatedAt): at most a day behind its last use. */
  lastSeenAt: Date;
  browser: string | null;
  os: string | null;
  current: boolean;
};

/** The id of the session the request carries, or null without one. */
export async function currentSessionId(requestHeaders: Headers): Promise<string | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  return session?.session.id ?? null;
}

export async function listSessions(viewer: Viewer | null, currentId: string | null): Promise<SessionRow[]> {
  const { user } = requireSignedIn(viewer);
  const rows = await getDb().session.findMany({
    where: { userId: user.id, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, updatedAt: true, userAgent: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  const sessions = rows.map((row) => ({ id: row.id, createdAt: row.createdAt, lastSeenAt: row.updatedAt, ...coarseUserAgent(row.userAgent), current: row.id === currentId }));
  // This session first, then the others by last use.
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}

/**
 * Ends one of the person's other sessions (a lost laptop's), by id, and audits it ("session.revoke"). Another
 * person's session id is "not found", exactly like one that does not exist. The current session ends by signing out.
 */
export async function revokeSession(viewer: Viewer | null, currentId: string | null, sessionId: string): Promise<void> {
  const { user } = requireSignedIn(viewer);
  if (sessionId === currentId) throw new AccountRefusal("currentSession");
  await getDb().$transaction(async (tx) => {
    const session = await tx.session.findFirst({ where: { id: sessionId, userId: user.id }, select: { id: true, createdAt: true, userAgent: true } });
    if (!session) throw new NotFoundError("no such session");
    await tx.session.delete({ where: { id: session.id } });
    const { browser, os } = coarseUserAgent(session.userAgent);
    await recordAuditEvent(tx, { actorUserId: user.id, action: "session.revoke", subjectType: "session", subjectId: session.id, changes: { createdAt: session.createdAt.toISOString(), browser, os } });
  });
}

/** Ends every session of the person but this one (better-auth's revoke-other-sessions, audited by its hooks). */
export async function endOtherSessions(viewer: Viewer | null, requestHeaders: Headers): Promise<void> {
  requireSignedIn(viewer);
  await getAuth().api.revokeOtherSessions({ headers: requestHeaders });
}

/**
 * Changes the password and ends every other session (whoever knew the old password may be signed in elsewhere);
 * better-auth replaces this session with a new one, which keeps its second factor. Through the HTTP handler, so the
 * current password is guessed no faster here than on the API route.
 */
export async function changePassword(viewer: Viewer | null, requestHeaders: Headers, input: { currentPassword: string; newPassword: string }): Promise<void> {
  requireSignedIn(viewer);
  const answer = await callAuthRoute("/change-password", { ...input, revokeOtherSessions: true }, requestHeaders);
  expectSuccess(answer, { password: "currentPassword" });
}
