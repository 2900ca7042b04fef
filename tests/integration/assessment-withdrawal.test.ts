import { createElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as withdrawRoute } from "@/app/api/assessments/[id]/withdraw/route";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { GET as listAssessmentsRoute } from "@/app/api/recommendations/[id]/assessments/route";
import { GET as listRecommendationsRoute } from "@/app/api/recommendations/route";
import { GET as statsRoute } from "@/app/api/stats/route";
import { AssessmentsSection } from "@/components/recommendations/assessments-section";
import { assessmentListSchema, withdrawnAssessmentSchema, type AssessmentStatusValue, type OrganizationAssessments, type VisibilityValue } from "@/lib/schemas/assessment";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { createAssessment, listAssessments } from "@/lib/server/assessments";
import { getDb } from "@/lib/server/db";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";
import { countRecommendationFacets } from "@/lib/server/facets";
import { getRecommendation, listRecommendations } from "@/lib/server/recommendations";
import { countStatusTimeline } from "@/lib/server/stats/timeline";
import { readCsv } from "../helpers/api-fixtures";
import { renderInLocale } from "../helpers/render";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * Withdrawing a public assessment version published by mistake, on real PostgreSQL: afterwards no public read path
 * shows it (the recommendation's assessments in the API and on the page, the explorer's list, status filter and
 * counts, the JSON API, the CSV, the statistics and the charts' timeline), the organisation's previous public version
 * is current again, the organisation's own history still has it marked withdrawn, the audit log says who, when and
 * why, and every caller who may not withdraw is refused without a change.
 */
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const OPERATOR = { kind: "operator" } as const;
const WHO = ["editorA", "ownerA", "viewerA", "editorB"] as const;
type Who = (typeof WHO)[number] | "anonymous";
/** The rationale of the version published by mistake: it must appear in no public answer once withdrawn (a fixture). */
const MISTAKE = "Fixture: published by mistake, names a person at risk";
const REASON = "Names a person at risk (fixture)";

withSeededDatabase();
const cookies = new Map<Who, string>();
/** Two accepted recommendations of China's 2018 review. */
let rec: number;
let other: number;
/** A's versions of `rec`: v1 public, v2 public (the mistake), v3 private. */
const a: Record<"v1" | "v2" | "v3", string> = { v1: "", v2: "", v3: "" };
let bVersion = "";

function request(who: Who, path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  const cookie = cookies.get(who);
  if (cookie) headers.set("cookie", cookie);
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
}

function withdraw(who: Who, id: string, body: unknown = { reason: REASON }, origin = ORIGIN): Promise<Response> {
  const init = { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify(body) };
  return withdrawRoute(request(who, `/api/assessments/${id}/withdraw`, init), { params: Promise.resolve({ id }) });
}

async function assess(who: Who, id: number, status: AssessmentStatusValue, visibility: VisibilityValue, rationale: string, assessedOn: string): Promise<string> {
  return (await createAssessment(await getViewer(request(who, "/")), id, { status, visibility, assessedOn, rationale, confidence: "medium", evidence: [] })).id;
}

/** GET /api/recommendations/{id}/assessments as the caller, checked against the documented answer. */
async function apiAssessments(who: Who): Promise<{ text: string; organizations: OrganizationAssessments[] }> {
  const response = await listAssessmentsRoute(request(who, `/api/recommendations/${rec}/assessments`), { params: Promise.resolve({ id: String(rec) }) });
  const text = await response.text();
  return { text, organizations: assessmentListSchema.parse(JSON.parse(text)).organizations };
}

/** Everything an anonymous visitor can read about `rec`'s implementation status, one entry per public read path. */
async function publicReads(status: AssessmentStatusValue): Promise<Record<string, unknown>> {
  const search = `cycle=3&sur=CHN&status=${status}`;
  const parsed = parseExplorerSearch(Object.fromEntries(new URLSearchParams(search)));
  const { query, scope } = scopeExplorerQuery(parsed.query, null);
  const [list, facets, api, csv, stats, timeline] = await Promise.all([
    listRecommendations({ ...query, pageSize: 200 }, scope),
    countRecommendationFacets(filtersOf(parseExplorerSearch({ cycle: "3", sur: "CHN" }).query), scope),
    listRecommendationsRoute(request("anonymous", `/api/recommendations?${search}&pageSize=200`)).then((r) => r.json() as Promise<{ items: { id: number }[] }>),
    exportCsv(request("anonymous", `/api/recommendations.csv?${search}`)).then(readCsv),
    statsRoute(request("anonymous", "/api/stats?by=status&cycle=3&sur=CHN")).then((r) => r.json() as Promise<{ groups: { key: string; count: number }[] }>),
    countStatusTimeline(filtersOf(parseExplorerSearch({ cycle: "3", sur: "CHN" }).query), scope),
  ]);
  return {
    list: list.items.some((item) => item.id === rec),
    facet: facets.status.find((value) => value.value === status)?.count ?? 0,
    api: api.items.some((item) => item.id === rec),
    csv: csv.rows.some((row) => Number(row.id) === rec),
    stats: stats.groups.find((group) => group.key === status)?.count ?? 0,
    timeline: timeline.years.map((year) => [year.year, year.counts[status] ?? 0]),
  };
}

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  await createOrganization(OPERATOR, "Withdraw Watch A");
  await createOrganization(OPERATOR, "Withdraw Watch B");
  const roles = { editorA: ["A", "editor"], ownerA: ["A", "owner"], viewerA: ["A", "viewer"], editorB: ["B", "editor"] } as const;
  for (const [index, who] of WHO.entries()) {
    const [org, role] = roles[who];
    await addUser(OPERATOR, { email: `${who}@withdraw.example.org`, password: PASSWORD, name: `${who} display`, organization: { name: `Withdraw Watch ${org}`, role } });
    cookies.set(who, await signIn(`${who}@withdraw.example.org`, `10.6.0.${index + 1}`));
  }
  const accepted = await listRecommendations(parseExplorerSearch({ sur: "CHN", cycle: "3", position: "supported", sort: "paragraph", pageSize: "2" }).query);
  [rec, other] = accepted.items.map((item) => item.id) as [number, number];
  // Regressed is nobody else's status, so where it shows is where A's v2 shows; its year (2024) is nobody else's too.
  a.v1 = await assess("editorA", rec, "partially_implemented", "public", "Fixture: A's first public view", "2023-05-01");
  a.v2 = await assess("editorA", rec, "regressed", "public", MISTAKE, "2024-05-01");
  a.v3 = await assess("editorA", rec, "fully_implemented", "private", "Fixture: A's private view", "2025-05-01");
  bVersion = await assess("editorB", rec, "not_implemented", "public", "Fixture: B's public view", "2025-06-01");
  await assess("editorA", other, "regressed", "private", "Fixture: private all along", "2025-01-01");
}, 180_000);

describe("before the withdrawal", () => {
  it("shows A's mistaken public version to everyone as A's current, even with a later private one", async () => {
    const { organizations, text } = await apiAssessments("anonymous");
    expect(text).toContain(MISTAKE);
    const groupA = organizations.find((group) => group.organizationName === "Withdraw Watch A")!;
    expect(groupA.current).toMatchObject({ status: "regressed", version: 2, withdrawal: null });
    expect(await publicReads("regressed")).toEqual({ list: true, facet: 1, api: true, csv: true, stats: 1, timeline: [[2023, 0], [2024, 1], [2025, 1]] });
  });
});

describe("POST /api/assessments/{id}/withdraw: who may not", () => {
  it("refuses anonymous callers, A's viewer, B's editor, another site, a missing reason and an unknown id, changing nothing", async () => {
    const events = () => getDb().auditEvent.count({ where: { action: "assessment.withdraw" } });
    expect((await withdraw("anonymous", a.v2)).status).toBe(401);
    expect((await withdraw("viewerA", a.v2)).status).toBe(403);
    expect((await withdraw("editorB", a.v2)).status).toBe(403);
    expect((await withdraw("editorA", a.v2, { reason: REASON }, "https://evil.example")).status).toBe(403);
    const noReason = await withdraw("editorA", a.v2, { reason: "   " });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { issues: { path: string[] }[] }).issues.map((issue) => issue.path.join("."))).toEqual(["reason"]);
    expect((await withdraw("editorA", a.v2, "not json")).status).toBe(422);
    expect((await withdraw("editorA", "no-such-assessment")).status).toBe(404);
    // B's editor is not told that A's private version exists; A's editor is told it is private (409), not withdrawn.
    expect((await withdraw("editorB", a.v3)).status).toBe(404);
    const privateOne = await withdraw("editorA", a.v3);
    expect(privateOne.status).toBe(409);
    expect(await privateOne.json()).toMatchObject({ error: "conflict", message: expect.stringMatching(/private/), current: { version: 3, visibility: "private" } });
    expect(await events()).toBe(0);
    expect(await getDb().assessment.count({ where: { withdrawnAt: { not: null } } })).toBe(0);
  });
});

describe("withdrawing A's mistaken version", () => {
  it("answers with the version marked withdrawn and A's previous public version now current", async () => {
    const response = await withdraw("editorA", a.v2);
    expect(response.status).toBe(200);
    const body = withdrawnAssessmentSchema.parse(await response.json());
    expect(body.currentPublicVersion).toBe(1);
    expect(body.assessment).toMatchObject({ id: a.v2, version: 2, visibility: "public", withdrawal: { withdrawnByName: "editorA display", reason: REASON } });
  });

  it("takes it out of every public read path: A's v1 is current again, numbered 1; B's is untouched", async () => {
    for (const who of ["anonymous", "editorB"] as const) {
      const { organizations, text } = await apiAssessments(who);
      expect(text, who).not.toContain(MISTAKE);
      const groupA = organizations.find((group) => group.organizationName === "Withdraw Watch A")!;
      expect(groupA.current, who).toMatchObject({ id: a.v1, status: "partially_implemented", version: 1 });
      expect(groupA.history.map((version) => version.id), who).toEqual([a.v1]);
      expect(organizations.find((group) => group.organizationName === "Withdraw Watch B")!.current.id, who).toBe(bVersion);
    }
    expect(await publicReads("regressed")).toEqual({ list: false, facet: 0, api: false, csv: false, stats: 0, timeline: [[2023, 0], [2025, 0]] });
    expect(await publicReads("partially_implemented")).toMatchObject({ list: true, facet: 1, api: true, csv: true, stats: 1 });
  });

  it("is not on the recommendation page an outsider reads, in either language", async () => {
    const recommendation = (await getRecommendation(rec))!;
    for (const locale of ["en", "zh"] as const) {
      const html = await renderInLocale(createElement(AssessmentsSection, { recommendationId: rec, recommendation, organizations: await listAssessments(null, rec), writableOrganizations: [] }), locale);
      expect(html, locale).not.toContain(MISTAKE);
      expect(html, locale).not.toContain(REASON);
    }
  });

  it("stays in A's own history, marked withdrawn with who, when and why, and A's own statuses still read it", async () => {
    const { organizations } = await apiAssessments("viewerA");
    const groupA = organizations.find((group) => group.organizationName === "Withdraw Watch A")!;
    expect(groupA.history.map((version) => [version.version, version.visibility, version.withdrawal?.reason ?? null])).toEqual([
      [3, "private", null],
      [2, "public", REASON],
      [1, "public", null],
    ]);
    expect(groupA.history[1]!.withdrawal).toMatchObject({ withdrawnByName: "editorA display", withdrawnAt: expect.any(String) });
    const viewer = await getViewer(request("viewerA", "/"));
    const html = await renderInLocale(
      createElement(AssessmentsSection, { recommendationId: rec, recommendation: (await getRecommendation(rec))!, organizations: await listAssessments(viewer, rec), writableOrganizations: [], readableOrganizationIds: viewer!.memberships.map((m) => m.organizationId) }),
    );
    expect(html).toContain(`by editorA display. Reason: ${REASON}`);
    expect(html).toContain("Withdrawn from public view");
    // The organisation's own record ("statusOf=mine") is its latest version, whatever was withdrawn from public view.
    const parsed = parseExplorerSearch({ status: "fully_implemented", statusOf: "mine", cycle: "3", sur: "CHN" });
    const { query, scope } = scopeExplorerQuery(parsed.query, viewer);
    expect((await listRecommendations(query, scope)).items.map((item) => item.id)).toContain(rec);
  });

  it("is audited once, with who, the version and why; withdrawing it again is a 409 that changes nothing", async () => {
    const events = await getDb().auditEvent.findMany({ where: { action: "assessment.withdraw" }, select: { actorName: true, subjectId: true, changes: true, at: true, organizationId: true } });
    const orgA = await getDb().organization.findUniqueOrThrow({ where: { name: "Withdraw Watch A" }, select: { id: true } });
    expect(events).toEqual([
      { actorName: "editorA display", subjectId: a.v2, organizationId: orgA.id, at: expect.any(Date), changes: { recommendationId: rec, version: 2, reason: REASON, currentPublicVersion: [2, 1] } },
    ]);
    const again = await withdraw("ownerA", a.v2);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ message: expect.stringMatching(/already been withdrawn/), current: { withdrawal: { reason: REASON } } });
    // To an outsider a withdrawn version is as if it had never been public.
    expect((await withdraw("editorB", a.v2)).status).toBe(404);
    expect(await getDb().auditEvent.count({ where: { action: "assessment.withdraw" } })).toBe(1);
  });

  it("lets an owner withdraw the last public version: A then has no public assessment, and the recommendation counts as not assessed by A", async () => {
    const response = await withdraw("ownerA", a.v1, { reason: "Second thoughts (fixture)" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { currentPublicVersion: number | null }).currentPublicVersion).toBeNull();
    const { organizations } = await apiAssessments("anonymous");
    expect(organizations.map((group) => group.organizationName)).toEqual(["Withdraw Watch B"]);
    expect(await publicReads("partially_implemented")).toMatchObject({ list: false, facet: 0, api: false, csv: false, stats: 0 });
    // B's public assessment remains, so the recommendation is assessed (not_implemented) for the public.
    expect(await publicReads("not_implemented")).toMatchObject({ list: true, api: true, csv: true });
  });
});

describe("the OpenAPI document", () => {
  it("describes the withdrawal with the session cookie, its body from the zod schema and every answer the handler gives", async () => {
    type Operation = { security: unknown; requestBody: { content: Record<string, { schema: unknown }> }; responses: Record<string, unknown> };
    const doc = (await openApiRoute().json()) as { paths: Record<string, { post: Operation }>; components: { schemas: Record<string, { required?: string[]; properties: Record<string, unknown> }> } };
    const operation = doc.paths["/api/assessments/{id}/withdraw"]!.post;
    expect(operation.security).toEqual([{ sessionCookie: [] }]);
    expect(Object.keys(operation.responses).sort()).toEqual(["200", "401", "403", "404", "409", "422", "500"]);
    expect(operation.requestBody.content["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/WithdrawAssessmentInput" });
    expect(doc.components.schemas.WithdrawAssessmentInput!.required).toEqual(["reason"]);
    expect(Object.keys(doc.components.schemas.Assessment!.properties)).toContain("withdrawal");
    expect(Object.keys(doc.components.schemas.WithdrawnAssessment!.properties).sort()).toEqual(["assessment", "currentPublicVersion"]);
  });
});
