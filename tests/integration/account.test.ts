import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { changePasswordAction, endOtherSessionsAction, renameAction, revokeSessionAction } from "@/lib/actions/account";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { listSessions } from "@/lib/server/account/sessions";
import { getDb } from "@/lib/server/db";
import { getViewer } from "@/lib/server/permissions";
import { sessionCookie, useBrowser } from "../helpers/action-browser";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

vi.mock("next/headers", async () => (await import("../helpers/action-browser")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

/**
 * The account page's sessions, password and display name through its own server actions, on real PostgreSQL, and
 * what better-auth's session routes answer over HTTP (hole 6) and that its /update-user stays closed (hole 4).
 */
const OPERATOR = { kind: "operator" } as const;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let addresses = 0;
const nextAddress = () => `10.30.${Math.floor(++addresses / 250)}.${addresses % 250}`;
const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  await createOrganization(OPERATOR, "Wetland Watch");
  await createOrganization(OPERATOR, "Forest Watch");
  await addUser(OPERATOR, { email: "egret@example.org", password: PASSWORD, name: "Little Egret", organization: { name: "Wetland Watch", role: "editor" } });
  await addUser(OPERATOR, { email: "bittern@example.org", password: PASSWORD, name: "Bittern", organization: { name: "Wetland Watch", role: "owner" } });
  await addUser(OPERATOR, { email: "jay@example.org", password: PASSWORD, name: "Jay", organization: { name: "Forest Watch", role: "viewer" } });
  await addUser(OPERATOR, { email: "plover@example.org", password: PASSWORD, name: "Plover", organization: { name: "Forest Watch", role: "editor" } });
});
afterAll(async () => {
  await database.drop();
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A session signed in from a browser of its own (the user agent is what the list shows of it). */
async function signInWith(email: string, userAgent: string, password = PASSWORD): Promise<string> {
  const response = await authPost(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": nextAddress(), "user-agent": userAgent },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error(`no session for ${email}: ${response.status}`);
  return cookie.split(";")[0]!;
}

const sessionIds = async (email: string) => (await getDb().session.findMany({ where: { user: { email } }, select: { id: true } })).map((s) => s.id).sort();
const idOf = async (cookie: string) => (await getViewerSession(cookie))!;

async function getViewerSession(cookie: string): Promise<string | null> {
  const response = await authGet(new Request(`${ORIGIN}/api/auth/get-session`, { headers: { cookie } }));
  const body = (await response.json()) as { session?: { id: string } } | null;
  return body?.session?.id ?? null;
}

describe("sessions", () => {
  it("lists the person's own sessions, this one first, with a coarse browser and no token or address", async () => {
    const laptop = await signInWith("egret@example.org", FIREFOX_WINDOWS);
    const here = await signInWith("egret@example.org", CHROME_LINUX);
    await signInWith("bittern@example.org", CHROME_LINUX);
    useBrowser(here, nextAddress());
    const viewer = await getViewer();
    const sessions = await listSessions(viewer, await idOf(here));
    expect(sessions.map((s) => [s.browser, s.os, s.current])).toEqual([
      ["Chrome", "Linux", true],
      ["Firefox", "Windows", false],
    ]);
    expect(sessions[1]!.id).toBe(await idOf(laptop));
    expect(Object.keys(sessions[0]!).sort()).toEqual(["browser", "createdAt", "current", "id", "lastSeenAt", "os"]);
  });

  it("ends one other session by id, audited; never the current one, never someone else's", async () => {
    const other = await signInWith("egret@example.org", FIREFOX_WINDOWS);
    const here = await signInWith("egret@example.org", CHROME_LINUX);
    const bitternSession = await idOf(await signInWith("bittern@example.org", CHROME_LINUX));
    useBrowser(here, nextAddress());

    const theirs = await revokeSessionAction({ ok: true }, form({ sessionId: bitternSession }));
    expect(theirs).toMatchObject({ ok: false, code: "not-found" });
    expect(await getDb().session.count({ where: { id: bitternSession } })).toBe(1);
    const current = await revokeSessionAction({ ok: true }, form({ sessionId: await idOf(here) }));
    expect(current).toMatchObject({ ok: false, message: "This is the session you are using: sign out to end it." });

    const otherId = await idOf(other);
    expect(await revokeSessionAction({ ok: true }, form({ sessionId: otherId }))).toMatchObject({ ok: true, message: "The session is ended." });
    expect(await getViewerSession(other)).toBeNull();
    expect(await getViewerSession(here)).not.toBeNull();
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "session.revoke", subjectId: otherId } });
    expect(event.changes).toMatchObject({ browser: "Firefox", os: "Windows" });
    expect(JSON.stringify(event.changes)).not.toMatch(/token|ip/i);
  });

  it("ends every other session at once, keeping this one", async () => {
    await signInWith("egret@example.org", FIREFOX_WINDOWS);
    const here = await signInWith("egret@example.org", CHROME_LINUX);
    useBrowser(here, nextAddress());
    expect(await endOtherSessionsAction({ ok: true }, new FormData())).toMatchObject({ ok: true });
    expect(await sessionIds("egret@example.org")).toEqual([await idOf(here)]);
    useBrowser("", nextAddress());
    expect(await endOtherSessionsAction({ ok: true }, new FormData())).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("password change", () => {
  it("needs the current password and a new one of 12 characters typed twice; it ends the other sessions and keeps this one", async () => {
    const elsewhere = await signInWith("jay@example.org", FIREFOX_WINDOWS);
    useBrowser(await signInWith("jay@example.org", CHROME_LINUX), nextAddress());
    const next = "a brand new long passphrase";
    const wrong = await changePasswordAction({ ok: true }, form({ currentPassword: "not the password", newPassword: next, confirmPassword: next }));
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["That password is wrong."] } });
    expect(wrong.values).toEqual({});
    const short = await changePasswordAction({ ok: true }, form({ currentPassword: PASSWORD, newPassword: "too short", confirmPassword: "too short" }));
    expect(short.fieldErrors?.newPassword).toEqual(["At least 12 characters."]);
    const differ = await changePasswordAction({ ok: true }, form({ currentPassword: PASSWORD, newPassword: next, confirmPassword: `${next}!` }));
    expect(differ.fieldErrors?.confirmPassword).toEqual(["The two new passwords differ."]);

    expect(await changePasswordAction({ ok: true }, form({ currentPassword: PASSWORD, newPassword: next, confirmPassword: next }))).toMatchObject({ ok: true });
    // This browser holds a new session cookie (better-auth replaced the session); every other session is gone.
    expect(await getViewerSession(sessionCookie())).not.toBeNull();
    expect(await getViewerSession(elsewhere)).toBeNull();
    expect(await sessionIds("jay@example.org")).toHaveLength(1);
    await expect(signIn("jay@example.org", nextAddress())).rejects.toThrow(/no session/);
    expect(await signIn("jay@example.org", nextAddress(), next)).toMatch(/^better-auth\.session_token=/);
  });
});

describe("display name (hole 4)", () => {
  it("better-auth's own update-user route stays closed", async () => {
    const cookie = await signIn("egret@example.org", nextAddress());
    const response = await authPost(
      new Request(`${ORIGIN}/api/auth/update-user`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, cookie }, body: JSON.stringify({ name: "Bittern" }) }),
    );
    expect(response.status).toBe(404);
    expect((await getDb().user.findUniqueOrThrow({ where: { email: "egret@example.org" } })).name).toBe("Little Egret");
  });

  it("refuses a co-member's name, however it is capitalised or spaced, and invisible or over-long names", async () => {
    useBrowser(await signIn("egret@example.org", nextAddress()), nextAddress());
    for (const name of ["Bittern", "  bITTERN ", "Ｂｉｔｔｅｒｎ"]) {
      expect(await renameAction({ ok: true }, form({ name })), name).toMatchObject({
        ok: false,
        fieldErrors: { name: ["Another member of one of your organisations already uses this name."] },
      });
    }
    expect((await renameAction({ ok: true }, form({ name: "Bit\u200btern" }))).fieldErrors?.name).toEqual(["Line breaks, control characters and invisible characters are not allowed."]);
    expect((await renameAction({ ok: true }, form({ name: "x".repeat(81) }))).fieldErrors?.name).toEqual(["At most 80 characters."]);
    expect((await renameAction({ ok: true }, form({ name: "" }))).fieldErrors?.name).toEqual(["Fill this in."]);
    expect((await getDb().user.findUniqueOrThrow({ where: { email: "egret@example.org" } })).name).toBe("Little Egret");
    expect(await getDb().auditEvent.count({ where: { action: "user.rename" } })).toBe(0);
  });

  it("renames, audited with the name before and after; a name used only outside one's organisations is free", async () => {
    useBrowser(await signIn("egret@example.org", nextAddress()), nextAddress());
    expect(await renameAction({ ok: true }, form({ name: "  Plover " }))).toMatchObject({ ok: true, message: "Your display name is now “Plover”." });
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "egret@example.org" } });
    expect(user.name).toBe("Plover");
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "user.rename" } });
    expect(event).toMatchObject({ actorUserId: user.id, subjectType: "user", subjectId: user.id, changes: { name: ["Little Egret", "Plover"] } });
    useBrowser("", nextAddress());
    expect(await renameAction({ ok: true }, form({ name: "Anyone" }))).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("session answers over HTTP (hole 6)", () => {
  it("get-session and list-sessions carry no token and no address, and are never stored by a cache", async () => {
    const cookie = await signInWith("bittern@example.org", CHROME_LINUX);
    for (const path of ["/get-session", "/list-sessions"]) {
      const response = await authGet(new Request(`${ORIGIN}/api/auth${path}`, { headers: { cookie } }));
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      const text = await response.text();
      expect(text.length, path).toBeGreaterThan(20);
      expect(text, path).not.toMatch(/"token"|"ipAddress"/);
      expect(text, path).not.toContain(decodeURIComponent(cookie.split("=")[1]!).split(".")[0]);
    }
  });
});
