import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as me } from "@/app/api/me/route";
import { authErrorSchema, meSchema, signInResponseSchema } from "@/lib/schemas/account";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/http-errors";
import { authorize, getViewer } from "@/lib/server/permissions";
import { createTestDatabase } from "../helpers/test-database";

/**
 * Accounts through the same server functions the CLI uses, then sign-in over HTTP through better-auth's own route
 * handler and GET /api/me with the cookie it sets. Each test signs in from its own address, so the rate limiter's
 * per-address buckets do not mix.
 */
const OPERATOR = { kind: "operator" } as const;
const PASSWORD = "a long enough passphrase";
const ORIGIN = "http://localhost:3000";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let orgA: { id: string };
let orgB: { id: string };
beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  orgA = await createOrganization(OPERATOR, "Rights Watch A");
  orgB = await createOrganization(OPERATOR, "Rights Watch B");
  await addUser(OPERATOR, { email: "Owl@Example.org", password: PASSWORD, name: "Owl", organization: { name: "Rights Watch A", role: "owner" } });
  await addUser(OPERATOR, { email: "owl@example.org", organization: { name: "Rights Watch B", role: "viewer" } });
  await addUser(OPERATOR, { email: "magpie@example.org", password: PASSWORD, name: "Magpie", organization: { name: "Rights Watch A", role: "editor" } });
});
afterAll(async () => {
  await database.drop();
});

function signIn(email: string, password: string, ip: string): Promise<Response> {
  return authPost(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0]!;
}

describe("sign-in over HTTP and GET /api/me", () => {
  it("answers 401 without a session", async () => {
    const response = await me(new Request(`${ORIGIN}/api/me`));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthenticated" });
  });

  it("signs in with email and password, sets the session cookie, and /api/me lists the organisations and roles", async () => {
    const response = await signIn("owl@example.org", PASSWORD, "10.0.0.1");
    expect(response.status).toBe(200);
    // Answers as the OpenAPI document describes them.
    expect(signInResponseSchema.safeParse(await response.clone().json()).success).toBe(true);
    // No session token or address in the body, and never cached.
    expect(JSON.stringify(await response.clone().json())).not.toMatch(/"token"|ipAddress/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const cookie = sessionCookie(response);
    const answer = await me(new Request(`${ORIGIN}/api/me`, { headers: { cookie } }));
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(meSchema.safeParse(body).success).toBe(true);
    expect(body).toEqual({
      user: { id: expect.any(String), name: "Owl", email: "owl@example.org", isAdmin: false, twoFactorEnabled: false },
      secondFactor: null,
      organizations: [
        { id: orgA.id, name: "Rights Watch A", slug: "rights-watch-a", role: "owner", requireTwoFactor: false },
        { id: orgB.id, name: "Rights Watch B", slug: "rights-watch-b", role: "viewer", requireTwoFactor: false },
      ],
    });
    expect(JSON.stringify(body)).not.toContain(PASSWORD);
    expect(JSON.stringify(body)).not.toMatch(/password|hash|token/i);

    // The same session as seen by the permission checks.
    const viewer = await getViewer(new Request(`${ORIGIN}/`, { headers: { cookie } }));
    expect(authorize(viewer, "organization.manageMembers", { organizationId: orgA.id })).toBe(viewer);
    expect(() => authorize(viewer, "assessment.create", { organizationId: orgB.id })).toThrow(ForbiddenError);
    expect(() => authorize(null, "organization.readPrivate", { organizationId: orgA.id })).toThrow(UnauthenticatedError);

    // Signing out ends the session.
    const out = await authPost(new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: ORIGIN } }));
    expect(out.status).toBe(200);
    expect((await me(new Request(`${ORIGIN}/api/me`, { headers: { cookie } }))).status).toBe(401);
  });

  it("refuses a wrong password with 401 and no session cookie", async () => {
    const response = await signIn("magpie@example.org", "not the right passphrase", "10.0.0.2");
    expect(response.status).toBe(401);
    expect(authErrorSchema.safeParse(await response.clone().json()).success).toBe(true);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=") && !/Max-Age=0/.test(c))).toBe(false);
  });

  it(`rate-limits sign-in: after ${SIGN_IN_ATTEMPTS_PER_MINUTE} attempts a minute from one address, 429 even with the right password`, async () => {
    for (let attempt = 0; attempt < SIGN_IN_ATTEMPTS_PER_MINUTE; attempt++) {
      // A different email each time: this is the address's limit, not an account's (tests/integration/rate-limits.test.ts).
      expect((await signIn(`guess-${attempt}@example.org`, "not the right passphrase", "10.0.0.3")).status).toBe(401);
    }
    expect((await signIn("magpie@example.org", PASSWORD, "10.0.0.3")).status).toBe(429);
    // Another address is not affected.
    expect((await signIn("magpie@example.org", PASSWORD, "10.0.0.4")).status).toBe(200);
  });

  it("offers no public sign-up: operators add accounts", async () => {
    const response = await authPost(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": "10.0.0.5" },
        body: JSON.stringify({ email: "intruder@example.org", password: PASSWORD, name: "Intruder" }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await getDb().user.count({ where: { email: "intruder@example.org" } })).toBe(0);
    expect((await authGet(new Request(`${ORIGIN}/api/auth/get-session`))).status).toBe(200);
  });
});

describe("the organisation plugin's own write routes", () => {
  it("are closed, so membership changes cannot bypass the permission checks and the audit log", async () => {
    const cookie = sessionCookie(await signIn("owl@example.org", PASSWORD, "10.0.0.9"));
    const magpie = await getDb().member.findFirstOrThrow({ where: { organizationId: orgA.id, user: { email: "magpie@example.org" } } });
    for (const [path, body] of [
      ["update-member-role", { memberId: magpie.id, role: "owner", organizationId: orgA.id }],
      ["remove-member", { memberIdOrEmail: magpie.id, organizationId: orgA.id }],
      ["update", { organizationId: orgA.id, data: { name: "Renamed" } }],
    ] as const) {
      const response = await authPost(
        new Request(`${ORIGIN}/api/auth/organization/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN, cookie, "x-upr-client-address": "10.0.0.9" },
          body: JSON.stringify(body),
        }),
      );
      expect(response.status, path).toBe(404);
    }
    expect(await getDb().member.findUniqueOrThrow({ where: { id: magpie.id } })).toMatchObject({ role: "editor" });
    expect(await getDb().organization.findUniqueOrThrow({ where: { id: orgA.id } })).toMatchObject({ name: "Rights Watch A" });
  });
});

describe("accounts", () => {
  it("stores the library's hash, never the password", async () => {
    const accounts = await getDb().account.findMany({ where: { user: { email: "magpie@example.org" } }, select: { providerId: true, password: true } });
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.providerId).toBe("credential");
    expect(accounts[0]!.password).toBeTruthy();
    expect(accounts[0]!.password).not.toContain(PASSWORD);
  });

  it("stores exactly owner / editor / viewer and changes a role in place", async () => {
    await addUser(OPERATOR, { email: "magpie@example.org", organization: { name: "Rights Watch A", role: "viewer" } });
    const roles = await getDb().member.findMany({ select: { role: true } });
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(["owner", "viewer"]));
  });

  it("lets an owner add members to their organisation only, and only an admin create organisations", async () => {
    const ownerRequest = await signIn("owl@example.org", PASSWORD, "10.0.0.6");
    const owner = await getViewer(new Request(`${ORIGIN}/`, { headers: { cookie: sessionCookie(ownerRequest) } }));
    const asOwner = { kind: "user", viewer: owner } as const;
    await expect(addUser(asOwner, { email: "wren@example.org", password: PASSWORD, organization: { name: "Rights Watch A", role: "viewer" } })).resolves.toMatchObject({ created: true });
    await expect(addUser(asOwner, { email: "wren@example.org", organization: { name: "Rights Watch B", role: "editor" } })).rejects.toThrow(ForbiddenError);
    await expect(createOrganization(asOwner, "Owl's own")).rejects.toThrow(ForbiddenError);
    await expect(createOrganization({ kind: "user", viewer: null }, "Nobody's")).rejects.toThrow(UnauthenticatedError);
  });

  it("records an audit event for every write, with the actor", async () => {
    // Sign-ins are audited too (tests/integration/rate-limits.test.ts); these are the account writes.
    const events = await getDb().auditEvent.findMany({
      where: { NOT: { action: { startsWith: "auth." } } },
      orderBy: { id: "asc" },
      select: { action: true, actorUserId: true, organizationId: true, changes: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      "org.create",
      "org.create",
      "user.create",
      "membership.add",
      "membership.add",
      "user.create",
      "membership.add",
      "membership.update",
      "user.create",
      "membership.add",
    ]);
    expect(events.slice(0, 8).every((e) => e.actorUserId === null)).toBe(true);
    const owl = await getDb().user.findUniqueOrThrow({ where: { email: "owl@example.org" }, select: { id: true } });
    expect(events.slice(8).every((e) => e.actorUserId === owl.id)).toBe(true);
    expect(events[7]).toMatchObject({ organizationId: orgA.id, changes: { role: ["editor", "viewer"] } });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });
});
