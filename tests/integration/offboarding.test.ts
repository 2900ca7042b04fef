import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as me } from "@/app/api/me/route";
import {
  addUser,
  changeRole,
  createOrganization,
  findMembership,
  LastOwnerError,
  listAccounts,
  listOrganizationMembers,
  removeMember,
  resetTwoFactor,
  setRequireTwoFactor,
  setUserDisabled,
  type Actor,
} from "@/lib/server/accounts";
import { ACCOUNT_DISABLED } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { AccountError } from "@/lib/server/accounts";
import { ForbiddenError, TwoFactorRequiredError, UnauthenticatedError } from "@/lib/server/http-errors";
import { importParsedDocument } from "@/lib/server/imports";
import { createNote, listNotes } from "@/lib/server/notes";
import { authorize, getViewer, type Viewer } from "@/lib/server/permissions";
import { syncCountries } from "@/lib/server/countries";
import { formulaFixture } from "../helpers/api-fixtures";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

/**
 * Offboarding at once: removing a member, changing their role, disabling their account or resetting their second
 * factors ends every session they have, in the transaction of the change, so a cookie that worked a moment ago gets
 * 401 at its next request. Each change is audited; the last owner stays; a disabled account gets a clear 403 at
 * sign-in and its notes keep its display name.
 */
const OPERATOR = { kind: "operator" } as const;
const ORG = "Offboarding Watch";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let orgId: string;
let addresses = 0;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  await syncCountries(getDb());
  await importParsedDocument(formulaFixture(2));
  orgId = (await createOrganization(OPERATOR, ORG)).id;
  for (const [email, role] of [
    ["owner@example.org", "owner"],
    ["editor@example.org", "editor"],
    ["viewer@example.org", "viewer"],
    ["leaver@example.org", "editor"],
  ] as const) {
    await addUser(OPERATOR, { email, password: PASSWORD, name: email.split("@")[0], organization: { name: ORG, role } });
  }
  await addUser(OPERATOR, { email: "admin@example.org", password: PASSWORD, name: "Admin", admin: true });
});
afterAll(async () => {
  await database.drop();
});

/** A fresh session cookie, each from an address of its own (sign-in is rate-limited per address). */
function session(email: string): Promise<string> {
  addresses += 1;
  return signIn(email, `10.44.0.${addresses}`);
}

async function meStatus(cookie: string): Promise<number> {
  return (await me(new Request(`${ORIGIN}/api/me`, { headers: { cookie } }))).status;
}

async function actorOf(cookie: string): Promise<Actor> {
  return { kind: "user", viewer: await getViewer(new Request(`${ORIGIN}/`, { headers: { cookie } })) };
}

async function memberId(email: string): Promise<string> {
  return (await findMembership(ORG, email)).memberId;
}

/** Sign-ins are audited too (auth.*): these tests are about what the offboarding functions write. */
const NOT_SIGN_INS = { NOT: { action: { startsWith: "auth." } } };

async function lastEvent() {
  return getDb().auditEvent.findFirstOrThrow({ where: NOT_SIGN_INS, orderBy: { id: "desc" }, select: { action: true, actorUserId: true, organizationId: true, subjectId: true, changes: true } });
}

const countEvents = () => getDb().auditEvent.count({ where: NOT_SIGN_INS });

const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

describe("an owner removes a member or changes a role", () => {
  it("removal ends every session of the member at once, in the same transaction as the audit event", async () => {
    const owner = await actorOf(await session("owner@example.org"));
    const [laptop, phone] = [await session("leaver@example.org"), await session("leaver@example.org")];
    expect(await meStatus(laptop)).toBe(200);
    expect(await meStatus(phone)).toBe(200);
    const id = await memberId("leaver@example.org");

    const outcome = await removeMember(owner, id);
    expect(outcome).toMatchObject({ changed: true, sessionsEnded: 2 });
    expect(await meStatus(laptop)).toBe(401);
    expect(await meStatus(phone)).toBe(401);
    expect(await getDb().session.count({ where: { userId: outcome.userId } })).toBe(0);
    expect(await lastEvent()).toEqual({
      action: "membership.remove",
      actorUserId: await userId("owner@example.org"),
      organizationId: orgId,
      subjectId: id,
      changes: { userId: outcome.userId, role: "editor", sessionsEnded: 2 },
    });
    // Signing in again gives a session with no organisation: the private data is gone for them.
    const again = await session("leaver@example.org");
    expect(((await (await me(new Request(`${ORIGIN}/api/me`, { headers: { cookie: again } }))).json()) as { organizations: unknown[] }).organizations).toEqual([]);
  });

  it("a role change ends the member's sessions; they sign in again with the new role", async () => {
    const owner = await actorOf(await session("owner@example.org"));
    const cookie = await session("editor@example.org");
    const outcome = await changeRole(owner, await memberId("editor@example.org"), "viewer");
    expect(outcome).toMatchObject({ changed: true, sessionsEnded: 1 });
    expect(await meStatus(cookie)).toBe(401);
    expect(await lastEvent()).toMatchObject({ action: "membership.update", organizationId: orgId, changes: { role: ["editor", "viewer"], sessionsEnded: 1 } });
    const viewer = (await actorOf(await session("editor@example.org"))) as { viewer: Viewer };
    expect(viewer.viewer.memberships).toMatchObject([{ organizationId: orgId, role: "viewer" }]);

    // The same role again changes nothing: no sign-out, no event.
    const events = await countEvents();
    const still = await session("editor@example.org");
    expect(await changeRole(owner, await memberId("editor@example.org"), "viewer")).toMatchObject({ changed: false, sessionsEnded: 0 });
    expect(await meStatus(still)).toBe(200);
    expect(await countEvents()).toBe(events);
    await changeRole(OPERATOR, await memberId("editor@example.org"), "editor");
  });

  it("never leaves the organisation without an owner, and says so", async () => {
    const ownerCookie = await session("owner@example.org");
    const owner = await actorOf(ownerCookie);
    const ownMembership = await memberId("owner@example.org");
    await expect(removeMember(owner, ownMembership)).rejects.toThrow(LastOwnerError);
    await expect(changeRole(owner, ownMembership, "editor")).rejects.toThrow(`the last owner of "${ORG}" cannot be removed or given another role: make another member an owner first`);
    await expect(changeRole(OPERATOR, ownMembership, "viewer")).rejects.toThrow(LastOwnerError);
    // The operator's `user add` changes roles through the same guard.
    await expect(addUser(OPERATOR, { email: "owner@example.org", organization: { name: ORG, role: "editor" } })).rejects.toThrow(LastOwnerError);
    expect(await meStatus(ownerCookie)).toBe(200);
    expect(await getDb().member.findUniqueOrThrow({ where: { id: ownMembership }, select: { role: true } })).toEqual({ role: "owner" });

    // With a second owner, the first may step down (and is signed out like anyone whose role changes).
    await changeRole(owner, await memberId("viewer@example.org"), "owner");
    await changeRole(owner, ownMembership, "editor");
    expect(await meStatus(ownerCookie)).toBe(401);
    await expect(changeRole(await actorOf(await session("viewer@example.org")), await memberId("viewer@example.org"), "viewer")).rejects.toThrow(LastOwnerError);
    await changeRole(OPERATOR, ownMembership, "owner");
    await changeRole(OPERATOR, await memberId("viewer@example.org"), "viewer");
  });

  it("only the organisation's owners may: editors, admins and owners of another organisation are refused, writing nothing", async () => {
    await createOrganization(OPERATOR, "Another Watch");
    await addUser(OPERATOR, { email: "other-owner@example.org", password: PASSWORD, organization: { name: "Another Watch", role: "owner" } });
    const target = await memberId("viewer@example.org");
    const events = await countEvents();
    for (const email of ["editor@example.org", "viewer@example.org", "admin@example.org", "other-owner@example.org"]) {
      const actor = await actorOf(await session(email));
      await expect(removeMember(actor, target), email).rejects.toThrow(ForbiddenError);
      await expect(changeRole(actor, target, "owner"), email).rejects.toThrow(ForbiddenError);
      await expect(listOrganizationMembers(actor, orgId), email).rejects.toThrow(ForbiddenError);
      await expect(setRequireTwoFactor(actor, orgId, true), email).rejects.toThrow(ForbiddenError);
    }
    await expect(removeMember({ kind: "user", viewer: null }, target)).rejects.toThrow(UnauthenticatedError);
    expect(await countEvents()).toBe(events);
    expect(await getDb().member.findUniqueOrThrow({ where: { id: target }, select: { role: true } })).toEqual({ role: "viewer" });
  });

  it("shows the owner the members by display name only, with their two-factor state and no email", async () => {
    const owner = await actorOf(await session("owner@example.org"));
    const page = await listOrganizationMembers(owner, orgId);
    expect(page.organization).toMatchObject({ id: orgId, name: ORG, requireTwoFactor: false });
    expect(page.members.map((m) => [m.name, m.role, m.twoFactor, m.isYou])).toEqual([
      ["owner", "owner", false, true],
      ["editor", "editor", false, false],
      ["viewer", "viewer", false, false],
    ]);
    expect(page.notEnrolled).toBe(3);
    expect(JSON.stringify(page)).not.toContain("@example.org");
  });
});

describe("the organisation's two-factor requirement", () => {
  it("an owner turns it on and off, audited; password-only sessions then lose the private data and are told why", async () => {
    const ownerCookie = await session("owner@example.org");
    const viewerCookie = await session("viewer@example.org");
    expect(await setRequireTwoFactor(await actorOf(ownerCookie), orgId, true)).toEqual({ changed: true, requireTwoFactor: true, notEnrolled: 3 });
    expect(await lastEvent()).toMatchObject({ action: "org.require-2fa", organizationId: orgId, changes: { requireTwoFactor: [false, true], notEnrolled: 3 } });
    const viewer = await actorOf(viewerCookie);
    expect(() => authorize((viewer as { viewer: Viewer }).viewer, "organization.readPrivate", { organizationId: orgId })).toThrow(TwoFactorRequiredError);
    // The owner's own password-only session may not manage members either, until it signs in with a second factor.
    await expect(listOrganizationMembers(await actorOf(ownerCookie), orgId)).rejects.toThrow(TwoFactorRequiredError);

    const events = await countEvents();
    expect(await setRequireTwoFactor(OPERATOR, orgId, true)).toMatchObject({ changed: false });
    expect(await countEvents()).toBe(events);
    expect(await setRequireTwoFactor(OPERATOR, orgId, false)).toMatchObject({ changed: true, requireTwoFactor: false });
    expect(await lastEvent()).toMatchObject({ action: "org.require-2fa", actorUserId: null, changes: { requireTwoFactor: [true, false] } });
    // The next request reads the policy afresh: the same session opens the private data again.
    const nextRequest = (await actorOf(viewerCookie)) as { viewer: Viewer };
    expect(() => authorize(nextRequest.viewer, "organization.readPrivate", { organizationId: orgId })).not.toThrow();
  });
});

describe("an admin disables, enables and resets accounts", () => {
  it("a disabled account is signed out at once, refused at sign-in with a clear 403, and its notes keep its name", async () => {
    const editor = await actorOf(await session("editor@example.org"));
    const recommendationId = (await getDb().recommendation.findFirstOrThrow({ select: { id: true } })).id;
    await createNote((editor as { viewer: Viewer }).viewer, recommendationId, { body: "Seen in the provincial report", tags: [], visibility: "private", organizationId: orgId });
    const cookie = await session("editor@example.org");
    const admin = await actorOf(await session("admin@example.org"));
    const id = await userId("editor@example.org");
    const open = await getDb().session.count({ where: { userId: id } });
    expect(open).toBeGreaterThanOrEqual(2);

    expect(await setUserDisabled(admin, id, true)).toEqual({ changed: true, sessionsEnded: open });
    expect(await meStatus(cookie)).toBe(401);
    expect(await lastEvent()).toMatchObject({ action: "user.disable", organizationId: null, subjectId: id, changes: { sessionsEnded: open } });
    const refused = await authPost(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": "10.44.1.1" },
        body: JSON.stringify({ email: "editor@example.org", password: PASSWORD }),
      }),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: ACCOUNT_DISABLED, message: expect.stringContaining("disabled") });
    expect(refused.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=") && !/Max-Age=0/.test(c))).toBe(false);
    expect(await getDb().session.count({ where: { userId: id } })).toBe(0);
    // A wrong password still says only that the email or password is wrong: disabling reveals nothing to a guesser.
    expect((await authPost(new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": "10.44.1.2" }, body: JSON.stringify({ email: "editor@example.org", password: "not the passphrase at all" }) }))).status).toBe(401);

    // The note stays, under the display name, for the organisation's other members.
    const owner = await actorOf(await session("owner@example.org"));
    const notes = await listNotes((owner as { viewer: Viewer }).viewer, recommendationId);
    expect(notes.map((n) => [n.body, n.author.name])).toEqual([["Seen in the provincial report", "editor"]]);
    expect((await listAccounts(admin)).find((a) => a.id === id)).toMatchObject({ email: "editor@example.org", disabled: true });

    // Enabling gives the same account back.
    expect(await setUserDisabled(admin, id, false)).toEqual({ changed: true, sessionsEnded: 0 });
    expect(await lastEvent()).toMatchObject({ action: "user.enable", subjectId: id });
    expect(await meStatus(await session("editor@example.org"))).toBe(200);
    expect(await setUserDisabled(admin, id, false)).toEqual({ changed: false, sessionsEnded: 0 });
  });

  it("only instance administrators may, and not on their own account", async () => {
    const admin = await actorOf(await session("admin@example.org"));
    await expect(setUserDisabled(admin, await userId("admin@example.org"), true)).rejects.toThrow(AccountError);
    for (const email of ["owner@example.org", "editor@example.org"]) {
      const actor = await actorOf(await session(email));
      await expect(setUserDisabled(actor, await userId("viewer@example.org"), true)).rejects.toThrow(ForbiddenError);
      await expect(resetTwoFactor(actor, await userId("viewer@example.org"))).rejects.toThrow(ForbiddenError);
      await expect(listAccounts(actor)).rejects.toThrow(ForbiddenError);
    }
    expect(await getDb().user.findUniqueOrThrow({ where: { email: "viewer@example.org" }, select: { disabledAt: true } })).toEqual({ disabledAt: null });
  });

  it("resetting the second factors removes the authenticator app, recovery codes and passkeys, and signs the account out", async () => {
    const id = await userId("viewer@example.org");
    const cookie = await session("viewer@example.org");
    await getDb().twoFactor.create({ data: { userId: id, secret: "encrypted-secret", backupCodes: "encrypted-codes" } });
    await getDb().passkey.create({ data: { userId: id, publicKey: "key", credentialID: "credential", counter: 0, deviceType: "singleDevice", backedUp: false } });
    await getDb().user.update({ where: { id }, data: { twoFactorEnabled: true } });
    const open = await getDb().session.count({ where: { userId: id } });

    expect(await resetTwoFactor(await actorOf(await session("admin@example.org")), id)).toEqual({ changed: true, sessionsEnded: open, passkeysRemoved: 1 });
    expect(await meStatus(cookie)).toBe(401);
    expect(await getDb().twoFactor.count({ where: { userId: id } })).toBe(0);
    expect(await getDb().passkey.count({ where: { userId: id } })).toBe(0);
    expect(await getDb().user.findUniqueOrThrow({ where: { id }, select: { twoFactorEnabled: true } })).toEqual({ twoFactorEnabled: false });
    expect(await lastEvent()).toMatchObject({ action: "user.reset-2fa", subjectId: id, changes: { twoFactorEnabled: [true, false], passkeysRemoved: 1, sessionsEnded: open } });
    // The password alone signs in again (no second-factor step is left to ask for).
    expect(await meStatus(await session("viewer@example.org"))).toBe(200);
    expect(await resetTwoFactor(OPERATOR, id)).toEqual({ changed: false, sessionsEnded: 0, passkeysRemoved: 0 });
  });
});

describe("organisation slugs (hole 7)", () => {
  it("two organisations named only in Chinese characters both exist, with different readable slugs", async () => {
    const first = await createOrganization(OPERATOR, "人权观察");
    const second = await createOrganization(OPERATOR, "维权律师网");
    expect(first.slug).toBe("人权观察");
    expect(second.slug).toBe("维权律师网");
    // Names that differ only in punctuation share a readable slug: the second gets its name's stable suffix.
    const plain = await createOrganization(OPERATOR, "Rights Watch");
    const dashed = await createOrganization(OPERATOR, "Rights-Watch!");
    expect(plain.slug).toBe("rights-watch");
    expect(dashed.slug).toMatch(/^rights-watch-[0-9a-f]{6}$/);
    await expect(createOrganization(OPERATOR, "人权观察")).rejects.toThrow('an organisation named "人权观察" already exists');
  });
});
