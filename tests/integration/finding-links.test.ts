import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { GET as listRoute } from "@/app/api/recommendations/route";
import { GET as statsRoute } from "@/app/api/stats/route";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { countExplorerSelection, countRecommendationFacets } from "@/lib/server/facets";
import { createAssessment, listAssessments } from "@/lib/server/assessments";
import { decideFindingLink, listFindingLinks, listFindingSuggestions } from "@/lib/server/finding-links";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer, type Viewer } from "@/lib/server/permissions";
import { listRecommendations } from "@/lib/server/recommendations";
import { readCsv } from "../helpers/api-fixtures";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * Links between UN findings and recommendations on the real China data, with findings built here as FIXTURES (their
 * text says so: no UN body wrote them). An editor links, changes and removes; suggestions come from the same State,
 * a shared theme and similar text, and a rejected one is not suggested again; the explorer's `finding=` and `body=`
 * filters give the same total on the page, in their facets, the JSON API, the CSV and the stats.
 */
withSeededDatabase();

const OPERATOR = { kind: "operator" } as const;
let editor: Viewer;
let otherEditor: Viewer;
let viewer: Viewer;
let orgId = "";
let otherOrgId = "";
/** 2018 recommendations to China: one it supported, about the death penalty; one on the same theme. */
const rec = { deathPenalty: 0, moratorium: 0, unrelated: 0 };
const finding = { cerd: 0, cescr: 0, otherState: 0, noTheme: 0 };

const FIXTURE = "FIXTURE (test text, not a UN finding):";

async function paragraph(printed: string): Promise<{ id: number; text: string }> {
  return getDb().recommendation.findFirstOrThrow({ where: { paragraph: printed, review: { cycle: 3, stateUnderReviewIso3: "CHN" } }, select: { id: true, text: true } });
}

async function fixtureFinding(body: string, symbol: string, text: string, stateIso3: string, themeNames: string[]): Promise<number> {
  const document = await getDb().unDocument.upsert({
    where: { symbol },
    create: { symbol, mechanism: "TREATY_BODY", body, title: `${FIXTURE} ${body} concluding observations`, date: new Date("2018-08-30") },
    update: {},
  });
  const themes = await getDb().theme.findMany({ where: { name: { in: themeNames } }, select: { id: true } });
  const created = await getDb().finding.create({
    data: { documentId: document.id, paragraph: "36", text, stateIso3, themes: { create: themes.map((t) => ({ themeId: t.id })) } },
  });
  return created.id;
}

const viewerOf = async (email: string, address: string) => (await getViewer(new Request(ORIGIN, { headers: { cookie: await signIn(email, address) } })))!;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  orgId = (await createOrganization(OPERATOR, "Findings Watch")).id;
  otherOrgId = (await createOrganization(OPERATOR, "Other Watch")).id;
  await addUser(OPERATOR, { email: "fl-editor@example.org", password: PASSWORD, name: "Findings editor", organization: { name: "Findings Watch", role: "editor" } });
  await addUser(OPERATOR, { email: "fl-viewer@example.org", password: PASSWORD, name: "Findings viewer", organization: { name: "Findings Watch", role: "viewer" } });
  await addUser(OPERATOR, { email: "fl-other@example.org", password: PASSWORD, name: "Other editor", organization: { name: "Other Watch", role: "editor" } });
  editor = await viewerOf("fl-editor@example.org", "10.7.0.1");
  viewer = await viewerOf("fl-viewer@example.org", "10.7.0.2");
  otherEditor = await viewerOf("fl-other@example.org", "10.7.0.3");

  const death = await paragraph("28.160");
  rec.deathPenalty = death.id;
  rec.moratorium = (await paragraph("28.161")).id;
  rec.unrelated = (await paragraph("28.5")).id;
  const themeNames = (await getDb().recommendationTheme.findMany({ where: { recommendationId: death.id }, select: { theme: { select: { name: true } } } })).map((t) => t.theme.name);
  expect(themeNames).toContain("Death penalty");
  finding.cerd = await fixtureFinding("CERD", "CERD/C/CHN/CO/FIXTURE-1", `${FIXTURE} The Committee notes that ${death.text.toLowerCase()} has not been followed.`, "CHN", ["Death penalty"]);
  finding.cescr = await fixtureFinding("CESCR", "E/C.12/CHN/CO/FIXTURE-2", `${FIXTURE} The Committee regrets that the death penalty is applied and that reform towards its abolition has stalled.`, "CHN", ["Death penalty"]);
  finding.otherState = await fixtureFinding("CERD", "CERD/C/GBR/CO/FIXTURE-3", `${FIXTURE} ${death.text}`, "GBR", ["Death penalty"]);
  finding.noTheme = await fixtureFinding("CERD", "CERD/C/CHN/CO/FIXTURE-1", `${FIXTURE} Elsewhere, ${death.text.toLowerCase()}`, "CHN", []);
}, 180_000);

const auditOf = (findingId: number, recommendationId: number) =>
  getDb().auditEvent.findMany({ where: { action: "finding-link.decide", subjectId: `${findingId}-${recommendationId}` }, orderBy: { id: "asc" } });

describe("suggestions", () => {
  it("suggests findings about the same State that share a theme and have similar text", async () => {
    const suggestions = await listFindingSuggestions(editor, rec.deathPenalty, orgId);
    const ids = suggestions.map((s) => s.findingId);
    expect(ids[0]).toBe(finding.cerd);
    expect(ids).not.toContain(finding.otherState);
    expect(ids).not.toContain(finding.noTheme);
    expect(suggestions[0]!.sharedThemes).toContain("Death penalty");
    expect(suggestions[0]!.similarity).toBeGreaterThan(0.5);
    expect(suggestions[0]!.document).toMatchObject({ symbol: "CERD/C/CHN/CO/FIXTURE-1", body: "CERD" });
    expect((await listFindingSuggestions(editor, rec.unrelated, orgId)).map((s) => s.findingId)).not.toContain(finding.cerd);
  });

  it("are for editors and owners of the organisation only", async () => {
    await expect(listFindingSuggestions(null, rec.deathPenalty, orgId)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listFindingSuggestions(viewer, rec.deathPenalty, orgId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listFindingSuggestions(otherEditor, rec.deathPenalty, orgId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("are not suggested again to the organisation that rejected one, and the decision is audited", async () => {
    expect(await decideFindingLink(editor, rec.moratorium, { findingId: finding.cescr, decision: "rejected", suggested: true })).toEqual({ decision: "rejected", changed: true });
    expect((await listFindingSuggestions(editor, rec.moratorium, orgId)).map((s) => s.findingId)).not.toContain(finding.cescr);
    const events = await auditOf(finding.cescr, rec.moratorium);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ organizationId: orgId, actorUserId: editor.user.id, changes: { decision: [null, "rejected"] } });
    // A rejection is not a public link, and another organisation still sees the suggestion.
    expect(await listFindingLinks(rec.moratorium)).toEqual([]);
    const row = await getDb().findingLink.findFirstOrThrow({ where: { findingId: finding.cescr, recommendationId: rec.moratorium } });
    expect(row.similarity).toBeGreaterThan(0);
  });
});

describe("links", () => {
  it("links a finding with a stance and an excerpt of its own words, shown publicly with the organisation", async () => {
    const excerpt = "has not been followed";
    expect(await decideFindingLink(editor, rec.deathPenalty, { findingId: finding.cerd, decision: "confirmed", stance: "contradicts", excerpt })).toEqual({ decision: "confirmed", changed: true });
    const links = await listFindingLinks(rec.deathPenalty);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      findingId: finding.cerd,
      stance: "contradicts",
      excerpt,
      organization: { id: orgId, name: "Findings Watch" },
      finding: { paragraph: "36", document: { symbol: "CERD/C/CHN/CO/FIXTURE-1", body: "CERD", date: "2018-08-30" } },
    });
    expect((await listFindingSuggestions(editor, rec.deathPenalty, orgId)).map((s) => s.findingId)).not.toContain(finding.cerd);
    // Deciding the same again writes nothing.
    expect(await decideFindingLink(editor, rec.deathPenalty, { findingId: finding.cerd, decision: "confirmed", stance: "contradicts", excerpt })).toEqual({ decision: "confirmed", changed: false });
    expect(await auditOf(finding.cerd, rec.deathPenalty)).toHaveLength(1);
  });

  it("refuses an excerpt that is not the finding's text, a finding about another State, and a missing one, writing nothing", async () => {
    const before = await getDb().findingLink.count();
    await expect(decideFindingLink(editor, rec.deathPenalty, { findingId: finding.cescr, decision: "confirmed", stance: "supports", excerpt: "China has abolished the death penalty" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["excerpt"] })],
    });
    await expect(decideFindingLink(editor, rec.deathPenalty, { findingId: finding.otherState, decision: "confirmed", stance: "supports" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["findingId"] })],
    });
    await expect(decideFindingLink(editor, rec.deathPenalty, { findingId: 99_999_999, decision: "confirmed", stance: "supports" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["findingId"] })],
    });
    expect(await getDb().findingLink.count()).toBe(before);
  });

  it("lets only editors and owners write, each for their own organisation", async () => {
    await expect(decideFindingLink(null, rec.deathPenalty, { findingId: finding.cescr, decision: "confirmed", stance: "context" })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(decideFindingLink(viewer, rec.deathPenalty, { findingId: finding.cescr, decision: "confirmed", stance: "context" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideFindingLink(otherEditor, rec.deathPenalty, { findingId: finding.cescr, decision: "confirmed", stance: "context", organizationId: orgId })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("changes and removes a link, auditing each change", async () => {
    await decideFindingLink(otherEditor, rec.deathPenalty, { findingId: finding.cescr, decision: "confirmed", stance: "supports" });
    await decideFindingLink(otherEditor, rec.deathPenalty, { findingId: finding.cescr, decision: "confirmed", stance: "context" });
    expect((await listFindingLinks(rec.deathPenalty)).map((l) => [l.findingId, l.stance, l.organization.name])).toEqual([
      [finding.cerd, "contradicts", "Findings Watch"],
      [finding.cescr, "context", "Other Watch"],
    ]);
    expect(await decideFindingLink(otherEditor, rec.deathPenalty, { findingId: finding.cescr, decision: "removed" })).toEqual({ decision: "removed", changed: true });
    expect((await listFindingLinks(rec.deathPenalty)).map((l) => l.findingId)).toEqual([finding.cerd]);
    const events = await auditOf(finding.cescr, rec.deathPenalty);
    expect(events.map((e) => [e.organizationId, (e.changes as { stance: unknown }).stance])).toEqual([
      [otherOrgId, [null, "supports"]],
      [otherOrgId, ["supports", "context"]],
      [otherOrgId, ["context", null]],
    ]);
  });
});

describe("the explorer filters finding= and body=", () => {
  beforeAll(async () => {
    // The moratorium recommendation is contradicted by CESCR for the other organisation; the death-penalty one by CERD.
    await decideFindingLink(otherEditor, rec.moratorium, { findingId: finding.cescr, decision: "confirmed", stance: "contradicts" });
    await decideFindingLink(otherEditor, rec.unrelated, { findingId: finding.cescr, decision: "confirmed", stance: "supports" });
  });

  async function sameEverywhere(search: string): Promise<number[]> {
    const query = parseExplorerSearch(Object.fromEntries(new URLSearchParams(search))).query;
    const page = await listRecommendations({ ...query, pageSize: 200 });
    const selection = await countExplorerSelection(filtersOf(query));
    if (selection.total !== null) expect(selection.total, search).toBe(page.total);
    const api = await listRoute(new Request(`${ORIGIN}/api/recommendations?${search}`));
    expect(api.status).toBe(200);
    expect((await api.json()).total, search).toBe(page.total);
    const csv = await readCsv(await exportCsv(new Request(`${ORIGIN}/api/recommendations.csv?${search}`)));
    expect(csv.rows, search).toHaveLength(page.total);
    const stats = await statsRoute(new Request(`${ORIGIN}/api/stats?by=position&${search}`));
    expect(stats.status).toBe(200);
    const groups = ((await stats.json()) as { groups: { count: number }[] }).groups;
    expect(groups.reduce((sum, group) => sum + group.count, 0), search).toBe(page.total);
    return page.items.map((item) => item.id).sort((a, b) => a - b);
  }

  const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);

  it("selects the same recommendations on the page, in the API, the CSV and the stats", async () => {
    expect(await sameEverywhere("finding=contradicts")).toEqual(sorted(rec.deathPenalty, rec.moratorium));
    expect(await sameEverywhere("finding=supports")).toEqual([rec.unrelated]);
    expect(await sameEverywhere("finding=any&cycle=3")).toEqual(sorted(rec.deathPenalty, rec.moratorium, rec.unrelated));
    expect(await sameEverywhere("finding=contradicts&body=CERD")).toEqual([rec.deathPenalty]);
    expect(await sameEverywhere("body=CESCR")).toEqual(sorted(rec.moratorium, rec.unrelated));
    const supported = await getDb().recommendation.findMany({ where: { id: { in: [rec.deathPenalty, rec.moratorium] }, position: "SUPPORTED" }, select: { id: true } });
    expect(await sameEverywhere("position=supported&finding=contradicts&sur=CHN")).toEqual(sorted(...supported.map((r) => r.id)));
    const all = await listRecommendations(parseExplorerSearch({ sur: "CHN", cycle: "3" }).query);
    await sameEverywhere("finding=none&sur=CHN&cycle=3");
    expect((await listRecommendations(parseExplorerSearch({ sur: "CHN", cycle: "3", finding: "none" }).query)).total).toBe(all.total - 3);
  });

  it("counts each value in its facet as selecting it would", async () => {
    const query = parseExplorerSearch({ sur: "CHN", cycle: "3" }).query;
    const facets = await countRecommendationFacets(filtersOf(query));
    const count = (value: string) => facets.finding.find((f) => f.value === value)!.count;
    expect([count("contradicts"), count("supports"), count("context"), count("any")]).toEqual([2, 1, 0, 3]);
    expect(count("none")).toBe((await listRecommendations(parseExplorerSearch({ sur: "CHN", cycle: "3", finding: "none" }).query)).total);
    expect(facets.body).toEqual([
      { value: "CESCR", label: "CESCR", count: 2 },
      { value: "CERD", label: "CERD", count: 1 },
    ]);
    const contradicted = await countRecommendationFacets(filtersOf(parseExplorerSearch({ finding: "contradicts" }).query));
    expect(contradicted.body).toEqual([
      { value: "CERD", label: "CERD", count: 1 },
      { value: "CESCR", label: "CESCR", count: 1 },
    ]);
  });

  it("refuses a bad value in the API and ignores it on the page", async () => {
    expect((await listRoute(new Request(`${ORIGIN}/api/recommendations?finding=maybe`))).status).toBe(400);
    expect((await listRoute(new Request(`${ORIGIN}/api/recommendations?body=${encodeURIComponent("<script>")}`))).status).toBe(400);
    expect(parseExplorerSearch({ finding: "maybe" }).invalid).toEqual(["finding"]);
  });
});

describe("an assessment's evidence citing a finding", () => {
  const assessment = { status: "not_implemented", assessedOn: "2026-06-30", rationale: "fixture", confidence: "medium", visibility: "public" } as const;

  it("takes the finding's document symbol as its reference", async () => {
    await createAssessment(editor, rec.deathPenalty, { ...assessment, evidence: [{ kind: "url", reference: "", stance: "contradicts", findingId: finding.cerd }] });
    const [group] = (await listAssessments(null, rec.deathPenalty)).filter((g) => g.organizationId === orgId);
    expect(group!.history[0]!.evidence).toEqual([{ kind: "un-symbol", reference: "CERD/C/CHN/CO/FIXTURE-1", excerpt: null, date: null, stance: "contradicts", findingId: finding.cerd }]);
  });

  it("refuses a finding that does not exist, naming the evidence row, and saves nothing", async () => {
    const before = await getDb().assessment.count();
    await expect(
      createAssessment(editor, rec.deathPenalty, { ...assessment, evidence: [{ kind: "url", reference: "https://example.org", stance: "supports" }, { kind: "url", reference: "", stance: "contradicts", findingId: 99_999_999 }] }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["evidence", 1, "findingId"] })] });
    expect(await getDb().assessment.count()).toBe(before);
  });
});
