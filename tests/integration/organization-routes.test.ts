import { organization } from "better-auth/plugins";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

/**
 * Hole 1: better-auth's organization plugin would hand any member (a viewer included) every co-member's real email and
 * role (get-full-organization, list-members), and tell any signed-in user whether a private organisation exists
 * (check-slug, get-full-organization?organizationSlug=). Every one of its routes must stay closed, reads included.
 *
 * The routes are enumerated from the plugin itself, built with every optional feature on (teams, dynamic roles), not
 * from the app's own list of closed paths: a route a later version adds, or one dropped from `disabledPaths`, fails
 * here. Each is called the way a browser would, signed in as a viewer of the organisation, with every parameter a
 * route could want pointing at it.
 */
const OPERATOR = { kind: "operator" } as const;
const ORG = "Quiet Lantern Network";
const CO_MEMBERS = ["quiet-owner@example.org", "quiet-editor@example.org"];
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let org: { id: string; slug: string };
let viewerCookie: string;
let outsiderCookie: string;

/** Every route path and method of the organization plugin with all its features on. */
function pluginRoutes(): { path: string; method: "GET" | "POST" }[] {
  const plugin = organization({ teams: { enabled: true }, dynamicAccessControl: { enabled: true } });
  return Object.values(plugin.endpoints).flatMap((endpoint) => {
    const { path, options } = endpoint as { path?: string; options?: { method?: string | string[] } };
    if (typeof path !== "string") return []; // server-only calls (addMember) have no route
    const methods = [options?.method ?? "GET"].flat().filter((m): m is "GET" | "POST" => m === "GET" || m === "POST");
    return methods.map((method) => ({ path, method }));
  });
}

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  org = await createOrganization(OPERATOR, ORG);
  await addUser(OPERATOR, { email: CO_MEMBERS[0]!, password: PASSWORD, name: "Lamp", organization: { name: ORG, role: "owner" } });
  await addUser(OPERATOR, { email: CO_MEMBERS[1]!, password: PASSWORD, name: "Wick", organization: { name: ORG, role: "editor" } });
  await addUser(OPERATOR, { email: "quiet-viewer@example.org", password: PASSWORD, name: "Glow", organization: { name: ORG, role: "viewer" } });
  await addUser(OPERATOR, { email: "outsider@example.org", password: PASSWORD, name: "Outsider" });
  viewerCookie = await signIn("quiet-viewer@example.org", "10.55.0.1");
  outsiderCookie = await signIn("outsider@example.org", "10.55.0.2");
  // A session whose active organisation is set, as the plugin's own set-active would have left it.
  await getDb().session.updateMany({ data: { activeOrganizationId: org.id } });
});
afterAll(async () => {
  await database.drop();
});

function call(route: { path: string; method: "GET" | "POST" }, cookie: string, slug: string): Promise<Response> {
  const params = { organizationId: org.id, organizationSlug: slug, slug, memberId: "x", userId: "x", teamId: "x", invitationId: "x", roleName: "owner", membersLimit: "100" };
  const headers = { origin: ORIGIN, cookie, "x-upr-client-address": "10.55.1.1" };
  if (route.method === "GET") {
    return authGet(new Request(`${ORIGIN}/api/auth${route.path}?${new URLSearchParams(params)}`, { headers }));
  }
  const body = { ...params, permissions: { member: ["create"] }, permission: { member: ["create"] }, name: "x", email: "x@example.org", role: "owner", data: { name: "x" } };
  return authPost(new Request(`${ORIGIN}/api/auth${route.path}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) }));
}

describe("better-auth's organization routes (hole 1)", () => {
  const routes = pluginRoutes();

  it("are enumerated from the plugin: the reads of the review and its writes among them", () => {
    const paths = routes.map((r) => r.path);
    expect(paths.length).toBeGreaterThanOrEqual(30);
    for (const path of ["/organization/get-full-organization", "/organization/list-members", "/organization/check-slug", "/organization/list", "/organization/get-active-member", "/organization/has-permission", "/organization/list-teams", "/organization/list-roles"]) {
      expect(paths).toContain(path);
    }
  });

  for (const route of routes) {
    it(`${route.method} /api/auth${route.path} is closed to a signed-in viewer: 404, no co-member email or role`, async () => {
      const response = await call(route, viewerCookie, org.slug);
      const text = await response.text();
      expect(response.status).toBe(404);
      for (const email of CO_MEMBERS) expect(text).not.toContain(email);
      expect(text).not.toMatch(/"role"|owner|editor/);
      expect(text).not.toContain(org.id);
    });
  }

  it("tell nobody whether a private organisation exists: a real slug and an unknown one get the same answer", async () => {
    for (const route of routes.filter((r) => ["/organization/check-slug", "/organization/get-full-organization", "/organization/get-organization"].includes(r.path))) {
      const [real, unknown] = [await call(route, outsiderCookie, org.slug), await call(route, outsiderCookie, "no-such-organisation")];
      expect([real.status, await real.text()], route.path).toEqual([unknown.status, await unknown.text()]);
    }
  });
});
