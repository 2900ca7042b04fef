import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/recommendations/[id]/assessments/route";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { GET as listRecommendationsRoute } from "@/app/api/recommendations/route";
import { assessmentListSchema, type OrganizationAssessments } from "@/lib/schemas/assessment";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { createSeededTestDatabase } from "../helpers/test-database";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";

/**
 * Assessments over HTTP, through the route handlers with a real session cookie: who may write, the append-only
 * versions, optimistic concurrency, CSRF, and that organisation A's private assessments never reach anyone else.
 */
const OPERATOR = { kind: "operator" } as const;
const SECRET_RATIONALE = "A-private: source inside the ministry, do not publish";
const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let recommendationId: number;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  recommendationId = (await getDb().recommendation.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id;
  await createOrganization(OPERATOR, "Watch A");
  await createOrganization(OPERATOR, "Watch B");
  const users = [
    ["editorA", "Watch A", "editor"],
    ["viewerA", "Watch A", "viewer"],
    ["editorB", "Watch B", "editor"],
  ] as const;
  for (const [name, organization, role] of users) {
    await addUser(OPERATOR, { email: `${name}@example.org`, password: PASSWORD, name, organization: { name: organization, role } });
  }
  for (const [index, [name]] of users.entries()) cookies[name] = await signIn(`${name}@example.org`, `10.1.0.${index + 1}`);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    status: "partially_implemented",
    assessedOn: "2026-11-01",
    rationale: "Law adopted, not yet applied.",
    confidence: "medium",
    evidence: [{ kind: "un-symbol", reference: "A/HRC/40/6", stance: "contradicts", excerpt: "para. 12" }],
    ...overrides,
  };
}

function post(who: string | null, payload: unknown, options: { id?: string; origin?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", origin: options.origin ?? ORIGIN };
  if (who) headers.cookie = cookies[who]!;
  const id = options.id ?? String(recommendationId);
  return createRoute(new Request(`${ORIGIN}/api/recommendations/${id}/assessments`, { method: "POST", headers, body: JSON.stringify(payload) }), {
    params: Promise.resolve({ id }),
  });
}

async function list(who: string | null): Promise<{ status: number; text: string; organizations: OrganizationAssessments[] }> {
  const headers: Record<string, string> = who ? { cookie: cookies[who]! } : {};
  const id = String(recommendationId);
  const response = await listRoute(new Request(`${ORIGIN}/api/recommendations/${id}/assessments`, { headers }), { params: Promise.resolve({ id }) });
  const text = await response.text();
  // The answer is exactly what the OpenAPI document describes.
  return { status: response.status, text, organizations: assessmentListSchema.parse(JSON.parse(text)).organizations };
}

describe("POST /api/recommendations/{id}/assessments", () => {
  it("lets an editor of A record version 1, then version 2, keeping the first unchanged", async () => {
    const first = await post("editorA", body({ visibility: "public" }));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: expect.any(String), version: 1 });
    const second = await post("editorA", body({ status: "fully_implemented", visibility: "public", expectedVersion: 1 }));
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ version: 2 });
    const { organizations } = await list(null);
    expect(organizations).toHaveLength(1);
    expect(organizations[0]).toMatchObject({ organizationName: "Watch A", current: { version: 2, status: "fully_implemented" } });
    expect(organizations[0]!.history.map((a) => [a.version, a.status])).toEqual([[2, "fully_implemented"], [1, "partially_implemented"]]);
    expect(organizations[0]!.history[1]!.evidence).toEqual([{ kind: "un-symbol", reference: "A/HRC/40/6", stance: "contradicts", excerpt: "para. 12", date: null }]);
    expect(await getDb().auditEvent.count({ where: { action: "assessment.create" } })).toBe(2);
  });

  it("answers 403 to a viewer of A, 401 to an anonymous caller, 403 to a foreign Origin", async () => {
    expect((await post("viewerA", body())).status).toBe(403);
    expect((await post(null, body())).status).toBe(401);
    const foreign = await post("editorA", body(), { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect((await list("editorA")).organizations[0]!.current.version).toBe(2);
  });

  it("lets an editor of B write B's own assessment, but not one for A", async () => {
    expect((await post("editorB", body({ organizationId: (await getDb().organization.findUniqueOrThrow({ where: { name: "Watch A" } })).id }))).status).toBe(403);
    const own = await post("editorB", body({ rationale: "B's view" }));
    expect(own.status).toBe(201);
    expect(await own.json()).toMatchObject({ version: 1 });
  });

  it("answers 422 with the issues, 404 for an unknown recommendation, 400 for a bad id", async () => {
    const invalid = await post("editorA", body({ status: "done", evidence: [{ kind: "url", reference: "javascript:alert(1)", stance: "supports" }] }));
    expect(invalid.status).toBe(422);
    const paths = ((await invalid.json()) as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["status", "evidence.0.reference"]));
    expect((await post("editorA", body(), { id: "2000000000" })).status).toBe(404);
    expect((await post("editorA", body(), { id: "abc" })).status).toBe(400);
  });

  it("refuses the second of two saves started from the same version with 409 and the newer version", async () => {
    expect((await post("editorA", body({ visibility: "public", expectedVersion: 2 }))).status).toBe(201);
    const late = await post("editorA", body({ rationale: "stale", expectedVersion: 2 }));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: "conflict", current: { version: 3, organizationName: "Watch A" } });
  });
});

describe("privacy of A's private assessments", () => {
  it("shows them only to A's members, never to B, anonymous callers, the list API or the CSV", async () => {
    expect((await post("editorA", body({ rationale: SECRET_RATIONALE, evidence: [{ kind: "url", reference: "https://a-secret.example/doc", stance: "supports" }] }))).status).toBe(201);

    const own = await list("viewerA");
    const a = own.organizations.find((o) => o.organizationName === "Watch A")!;
    expect(a.current).toMatchObject({ version: 4, visibility: "private", rationale: SECRET_RATIONALE });

    for (const who of ["editorB", null]) {
      const seen = await list(who);
      expect(seen.status).toBe(200);
      expect(seen.text).not.toContain(SECRET_RATIONALE);
      expect(seen.text).not.toContain("a-secret.example");
      // A's latest public one stands as A's current public assessment.
      expect(seen.organizations.find((o) => o.organizationName === "Watch A")!.current.version).toBe(3);
    }

    // The CSV holds no assessment at all, whoever asks, in any language, even A's own members with statusOf=mine: its
    // columns (keys, year, date, link, labels) are the same for everyone.
    const exports = [
      ["editorB", ""],
      [null, "headers=zh"],
      ["editorA", "statusOf=mine&headers=zh"],
      ["viewerA", "statusOf=mine&status=partially_implemented&headers=en"],
    ] as const;
    let header: string | null = null;
    for (const [who, search] of exports) {
      const response = await exportCsv(new Request(`${ORIGIN}/api/recommendations.csv?${search}`, { headers: who ? { cookie: cookies[who]! } : {} }));
      expect(response.status, search).toBe(200);
      const csv = await response.text();
      expect(csv, search).not.toContain("A-private");
      expect(csv, search).not.toContain("a-secret.example");
      const keys = await (await exportCsv(new Request(`${ORIGIN}/api/recommendations.csv?${search.replace(/&?headers=\w+/, "")}`, { headers: who ? { cookie: cookies[who]! } : {} }))).text();
      header ??= keys.slice(0, keys.indexOf("\r\n"));
      expect(keys.slice(0, keys.indexOf("\r\n")), search).toBe(header);
    }
    const json = await (await listRecommendationsRoute(new Request(`${ORIGIN}/api/recommendations?pageSize=100`, { headers: { cookie: cookies.editorB! } }))).text();
    expect(json).not.toContain("A-private");
  });

  it("numbers A's public versions 1..n for outsiders, so a private version leaves no gap; A's members see the real numbers (hole 5)", async () => {
    expect((await post("editorA", body({ rationale: "private in between" }))).status).toBe(201);
    expect((await post("editorA", body({ rationale: "public after a private one", visibility: "public" }))).status).toBe(201);
    const stored = await getDb().assessment.findMany({ where: { recommendationId, organization: { name: "Watch A" } }, orderBy: { version: "desc" }, select: { id: true, version: true, visibility: true } });
    const publicOnes = stored.filter((a) => a.visibility === "PUBLIC");
    // The stored numbers have gaps where private versions are.
    expect(publicOnes.map((a) => a.version)).not.toEqual(publicOnes.map((_, index) => publicOnes.length - index));

    for (const who of ["editorB", null]) {
      const a = (await list(who)).organizations.find((o) => o.organizationName === "Watch A")!;
      expect(a.history.map((h) => h.id)).toEqual(publicOnes.map((p) => p.id));
      expect(a.history.map((h) => h.version)).toEqual(publicOnes.map((_, index) => publicOnes.length - index));
      expect(a.current.version).toBe(publicOnes.length);
    }
    for (const who of ["editorA", "viewerA"]) {
      const a = (await list(who)).organizations.find((o) => o.organizationName === "Watch A")!;
      expect(a.history.map((h) => [h.id, h.version])).toEqual(stored.map((s) => [s.id, s.version]));
    }
    // B's own versions are its own business: B's editor sees them as stored.
    const b = (await list("editorB")).organizations.find((o) => o.organizationName === "Watch B")!;
    expect(b.current.version).toBe(1);
  });

  it("returns an XSS payload in a rationale verbatim as JSON data", async () => {
    expect((await post("editorA", body({ rationale: XSS, visibility: "public" }))).status).toBe(201);
    const { organizations } = await list(null);
    expect(organizations.find((o) => o.organizationName === "Watch A")!.current.rationale).toBe(XSS);
  });
});
