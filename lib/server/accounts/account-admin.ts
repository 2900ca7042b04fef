import "server-only";
import { recordAuditEvent } from "@/lib/server/audit";
import { getDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/http-errors";
import { AccountError, actorId, authorizeActor, endSessions, type Actor } from "./actor";

/** An account as instance administrators see it on /admin/accounts. */
export type AccountRow = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  /** A confirmed authenticator app (TOTP). */
  totp: boolean;
  passkeys: number;
  organizations: { name: string; role: string }[];
};

/** The most accounts the admin page lists at once; an instance of NGO members stays far below it. */
export const ACCOUNTS_PAGE_SIZE = 500;

/** Every account, by email. Whoever may disable accounts may list them (the same instance administrators). */
export async function listAccounts(actor: Actor): Promise<AccountRow[]> {
  authorizeActor(actor, "user.disable", {});
  const users = await getDb().user.findMany({
    orderBy: { email: "asc" },
    take: ACCOUNTS_PAGE_SIZE,
    select: {
      id: true,
      email: true,
      name: true,
      isAdmin: true,
      disabledAt: true,
      twoFactorEnabled: true,
      _count: { select: { passkeys: true } },
      memberships: { select: { role: true, organization: { select: { name: true } } }, orderBy: { organization: { name: "asc" } } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    isAdmin: u.isAdmin,
    disabled: u.disabledAt !== null,
    totp: u.twoFactorEnabled,
    passkeys: u._count.passkeys,
    organizations: u.memberships.map((m) => ({ name: m.organization.name, role: m.role })),
  }));
}

export type AccountChange = { changed: boolean; sessionsEnded: number };

/**
 * Disables an account (instance administrators, or the operator) and signs it out everywhere at once, or enables it
 * again. A disabled account gets no session from any sign-in route (lib/server/auth/index.ts); its memberships, past
 * assessments and notes stay, attributed to its display name, so enabling it gives the same account back. An
 * administrator cannot disable their own account (the operator CLI can disable anyone).
 */
export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean): Promise<AccountChange> {
  authorizeActor(actor, "user.disable", {});
  if (disabled && actorId(actor) === userId) throw new AccountError("you cannot disable your own account");
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
    if (!user) throw new NotFoundError("no such account");
    if ((user.disabledAt !== null) === disabled) return { changed: false, sessionsEnded: 0 };
    const disabledAt = disabled ? new Date() : null;
    await tx.user.update({ where: { id: userId }, data: { disabledAt } });
    const sessionsEnded = disabled ? await endSessions(tx, userId) : 0;
    await recordAuditEvent(tx, {
      actorUserId: actorId(actor),
      action: disabled ? "user.disable" : "user.enable",
      subjectType: "user",
      subjectId: userId,
      changes: { disabledAt: [user.disabledAt?.toISOString() ?? null, disabledAt?.toISOString() ?? null], ...(disabled ? { sessionsEnded } : {}) },
    });
    return { changed: true, sessionsEnded };
  });
}

export type TwoFactorReset = AccountChange & { passkeysRemoved: number };

/**
 * Resets an account's second factors (instance administrators, or the operator), for a member whose phone or key was
 * lost or seized: the authenticator app and its recovery codes go, and so do the account's passkeys, since a passkey
 * on a seized device signs in on its own. The account is signed out everywhere and signs in again with its password,
 * then enrols afresh; an organisation that requires two-factor sign-in shows it only public data until then.
 */
export async function resetTwoFactor(actor: Actor, userId: string): Promise<TwoFactorReset> {
  authorizeActor(actor, "user.resetTwoFactor", {});
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true, _count: { select: { twoFactors: true, passkeys: true } } } });
    if (!user) throw new NotFoundError("no such account");
    if (!user.twoFactorEnabled && user._count.twoFactors === 0 && user._count.passkeys === 0) return { changed: false, sessionsEnded: 0, passkeysRemoved: 0 };
    await tx.twoFactor.deleteMany({ where: { userId } });
    const passkeysRemoved = (await tx.passkey.deleteMany({ where: { userId } })).count;
    await tx.user.update({ where: { id: userId }, data: { twoFactorEnabled: false } });
    const sessionsEnded = await endSessions(tx, userId);
    await recordAuditEvent(tx, {
      actorUserId: actorId(actor),
      action: "user.reset-2fa",
      subjectType: "user",
      subjectId: userId,
      changes: { twoFactorEnabled: [user.twoFactorEnabled, false], passkeysRemoved, sessionsEnded },
    });
    return { changed: true, sessionsEnded, passkeysRemoved };
  });
}
