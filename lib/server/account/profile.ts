import "server-only";
import { comparableName } from "@/lib/schemas/account-settings";
import { recordAuditEvent } from "../audit";
import { getDb } from "../db";
import type { Viewer } from "../permissions";
import { AccountRefusal, requireSignedIn } from "./refusal";

/**
 * Changes the person's display name (better-auth's /update-user is closed). The name is what co-members see instead
 * of an email, so it may not be, compared without case or width, the name of another member of any organisation the
 * person belongs to: nobody can pass for a colleague. Audited as "user.rename" with the name before and after.
 * `name` comes through displayNameSchema (trimmed, 1–80 characters, nothing invisible).
 */
export async function renameUser(viewer: Viewer | null, name: string): Promise<{ changed: boolean }> {
  const { user } = requireSignedIn(viewer);
  return getDb().$transaction(async (tx) => {
    const me = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } });
    if (me.name === name) return { changed: false };
    const coMembers = await tx.user.findMany({
      where: { id: { not: user.id }, memberships: { some: { organization: { members: { some: { userId: user.id } } } } } },
      select: { name: true },
    });
    const wanted = comparableName(name);
    if (coMembers.some((other) => comparableName(other.name) === wanted)) throw new AccountRefusal("nameTaken", "name");
    await tx.user.update({ where: { id: user.id }, data: { name } });
    await recordAuditEvent(tx, { actorUserId: user.id, action: "user.rename", subjectType: "user", subjectId: user.id, changes: { name: [me.name, name] } });
    return { changed: true };
  });
}
