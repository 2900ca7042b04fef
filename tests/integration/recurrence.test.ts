import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { GET as listRoute } from "@/app/api/recommendations/route";
import { GET as linksGet, PUT as linksPut } from "@/app/api/recommendations/[id]/links/route";
import type { Recurrence, Suggestion } from "@/lib/schemas/recurrence";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer, type Viewer } from "@/lib/server/permissions";
import { countRecommendationFacets } from "@/lib/server/facets";
import { listRecommendations } from "@/lib/server/recommendations";
import { decideLink, getRecurrence, listRecurrenceChain } from "@/lib/server/recurrence";
import { normaliseForSimilarity } from "@/lib/recurrence";
import { readCsv } from "../helpers/api-fixtures";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * Recurring recommendations on the real China data: 2009 from UPR Info's CSV (no paragraph numbers), 2013 and 2018
 * from OHCHR's thematic lists. The ICCPR and death-penalty recommendations must find each other across the three
 * cycles; editors' decisions are stored, audited and refused to everyone else; the explorer's "recommended before"
 * filter gives the same total on the page, in its facet, the JSON API and the CSV.
 */
withSeededDatabase();

const OPERATOR = { kind: "operator" } as const;
let editor: Viewer;
let viewer: Viewer;
let editorCookie = "";

/** An OHCHR recommendation by its printed paragraph. */
async function paragraph(cycle: number, printed: string): Promise<number> {
  const row = await getDb().recommendation.findFirstOrThrow({ where: { paragraph: printed, review: { cycle, stateUnderReviewIso3: "CHN" } }, select: { id: true } });
  return row.id;
}

/** A 2009 UPR Info row (not numbered in the source) by the start of its published text. */
async function uprInfo(start: string): Promise<number> {
  const rows = await getDb().recommendation.findMany({ where: { text: { startsWith: start }, review: { cycle: 1, stateUnderReviewIso3: "CHN" } }, select: { id: true } });
  expect(rows, start).toHaveLength(1);
  return rows[0]!.id;
}

async function recurrence(id: number): Promise<Recurrence> {
  const found = await getRecurrence(id);
  if (!found) throw new Error(`no recommendation ${id}`);
  return found;
}

const ids = (suggestions: Suggestion[]): number[] => suggestions.map((s) => s.id);

const ICCPR = { c1: 0, c2: 0, c3: 0, c2all: 0, c3cz: 0 };
const DEATH = { c1: 0, c2: 0, c3: 0, c3moratorium: 0, c1moratorium: 0, c2moratorium: 0, c2abolish: 0 };

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  await createOrganization(OPERATOR, "Recurrence Watch");
  await addUser(OPERATOR, { email: "links-editor@example.org", password: PASSWORD, name: "Links editor", organization: { name: "Recurrence Watch", role: "editor" } });
  await addUser(OPERATOR, { email: "links-viewer@example.org", password: PASSWORD, name: "Links viewer", organization: { name: "Recurrence Watch", role: "viewer" } });
  editorCookie = await signIn("links-editor@example.org", "10.8.0.1");
  editor = (await getViewer(new Request(ORIGIN, { headers: { cookie: editorCookie } })))!;
  viewer = (await getViewer(new Request(ORIGIN, { headers: { cookie: await signIn("links-viewer@example.org", "10.8.0.2") } })))!;

  // The United Kingdom asked for a timetable for ratifying the ICCPR in 2009 and 2013, and for ratification in 2018.
  ICCPR.c1 = await uprInfo("Release a clear timetable for work towards ICCPR ratification");
  ICCPR.c2 = await paragraph(2, "186.15");
  ICCPR.c2all = await paragraph(2, "186.1");
  ICCPR.c3 = await paragraph(3, "28.5");
  ICCPR.c3cz = await paragraph(3, "28.10");
  // New Zealand asked for reform towards abolition of the death penalty in all three cycles.
  DEATH.c1 = await uprInfo("Recommended continued reform towards the eventual abolition of the death penalty");
  DEATH.c2 = await paragraph(2, "186.107");
  DEATH.c3 = await paragraph(3, "28.160");
  DEATH.c3moratorium = await paragraph(3, "28.161");
  DEATH.c1moratorium = await uprInfo("Install a moratorium on the death penalty");
  DEATH.c2moratorium = await paragraph(2, "186.113");
  DEATH.c2abolish = await paragraph(2, "186.112");
}, 180_000);

describe("suggestions on the real China data", () => {
  it("normalises texts in PostgreSQL exactly as lib/recurrence.ts does in JavaScript", async () => {
    const { earlier } = await recurrence(ICCPR.c3);
    expect(earlier.length).toBeGreaterThan(0);
    // The full treaty name (2018) and its abbreviation (2013) meet: 28.5 and 186.1 come down to the same words.
    const [a, b] = await Promise.all([ICCPR.c3, ICCPR.c2all].map((id) => getDb().recommendation.findUniqueOrThrow({ where: { id }, select: { text: true } })));
    expect(normaliseForSimilarity(a!.text)).toEqual(["ratify iccpr"]);
    expect(normaliseForSimilarity(b!.text)).toContain("ratify iccpr");
    expect(earlier.find((s) => s.id === ICCPR.c2all)?.similarity).toBe(1);
  });

  it("links the ICCPR ratification recommendations across 2009, 2013 and 2018", async () => {
    const c3 = await recurrence(ICCPR.c3);
    expect(ids(c3.earlier)).toEqual(expect.arrayContaining([ICCPR.c2all, ICCPR.c1]));
    expect(c3.later).toEqual([]);
    const c2 = await recurrence(ICCPR.c2);
    expect(ids(c2.earlier)).toContain(ICCPR.c1);
    expect(ids(c2.later)).toEqual(expect.arrayContaining([ICCPR.c3, ICCPR.c3cz]));
    const c1 = await recurrence(ICCPR.c1);
    expect(ids(c1.later)).toEqual(expect.arrayContaining([ICCPR.c2, ICCPR.c3]));
    const uk = c1.later.find((s) => s.id === ICCPR.c2)!;
    expect(uk.sharedStates.map((s) => s.iso3)).toEqual(["GBR"]);
    expect(uk.cycle).toBe(2);
    expect(uk.paragraph).toBe("186.15");
  });

  it("links the death-penalty recommendations across 2009, 2013 and 2018, saying why", async () => {
    const c2 = await recurrence(DEATH.c2);
    expect(ids(c2.earlier)[0]).toBe(DEATH.c1);
    expect(ids(c2.later)[0]).toBe(DEATH.c3);
    const nz = c2.later[0]!;
    expect(nz.sharedStates.map((s) => s.iso3)).toContain("NZL");
    expect(nz.sharedThemes).toContain("Death penalty");
    expect(nz.score).toBeGreaterThan(nz.similarity);
    const c3 = await recurrence(DEATH.c3moratorium);
    expect(ids(c3.earlier)).toEqual(expect.arrayContaining([DEATH.c2moratorium, DEATH.c1moratorium]));
    expect(c3.earlier[0]!.id).toBe(DEATH.c2moratorium);
    expect(c3.earlier.every((s) => s.cycle < 3)).toBe(true);
  });

  it("does not suggest an unrelated recommendation", async () => {
    const tibet = await paragraph(2, "186.236");
    const iccpr = await recurrence(ICCPR.c3);
    const death = await recurrence(DEATH.c2);
    expect(ids(iccpr.earlier)).not.toContain(tibet);
    expect(ids(iccpr.earlier)).not.toContain(DEATH.c2abolish);
    expect(ids([...death.earlier, ...death.later])).not.toContain(ICCPR.c2all);
    expect(ids([...death.earlier, ...death.later])).not.toContain(ICCPR.c3);
  });

  it("answers the same through GET /api/recommendations/{id}/links, 404 for a missing id, 400 for a bad one", async () => {
    const response = await linksGet(new Request(`${ORIGIN}/api/recommendations/${DEATH.c2}/links`), { params: Promise.resolve({ id: String(DEATH.c2) }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(await recurrence(DEATH.c2));
    expect((await linksGet(new Request(`${ORIGIN}/x`), { params: Promise.resolve({ id: "99999999" }) })).status).toBe(404);
    expect((await linksGet(new Request(`${ORIGIN}/x`), { params: Promise.resolve({ id: "abc" }) })).status).toBe(400);
  });
});

async function auditOf(earlierId: number, laterId: number) {
  return getDb().auditEvent.findMany({ where: { action: "recommendation-link.decide", subjectId: `${earlierId}-${laterId}` }, orderBy: { id: "asc" } });
}

describe("editors' decisions", () => {
  it("refuses anonymous callers and viewers, and a pair that is not two cycles of one State, writing nothing", async () => {
    const before = await getDb().recommendationLink.count();
    const events = await getDb().auditEvent.count();
    await expect(decideLink(null, DEATH.c2, { otherId: DEATH.c3, decision: "confirmed" })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(decideLink(viewer, DEATH.c2, { otherId: DEATH.c3, decision: "confirmed" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideLink(editor, DEATH.c2, { otherId: DEATH.c2, decision: "confirmed" })).rejects.toMatchObject({ issues: [{ path: ["otherId"] }] });
    await expect(decideLink(editor, DEATH.c2, { otherId: DEATH.c2moratorium, decision: "confirmed" })).rejects.toMatchObject({
      issues: [{ path: ["otherId"], message: expect.stringMatching(/another cycle/) }],
    });
    await expect(decideLink(editor, DEATH.c2, { otherId: 2_000_000_000, decision: "confirmed" })).rejects.toMatchObject({ issues: [{ path: ["otherId"] }] });
    const put = (body: unknown, headers: Record<string, string> = {}) =>
      linksPut(new Request(`${ORIGIN}/api/recommendations/${DEATH.c2}/links`, { method: "PUT", headers: { "content-type": "application/json", origin: ORIGIN, cookie: editorCookie, ...headers }, body: JSON.stringify(body) }), {
        params: Promise.resolve({ id: String(DEATH.c2) }),
      });
    expect((await put({ otherId: DEATH.c3, decision: "confirmed" }, { origin: "https://evil.example" })).status).toBe(403);
    const bad = await put({ otherId: DEATH.c3, decision: "maybe" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("decision");
    expect((await put({ otherId: "x", decision: "confirmed" })).status).toBe(422);
    expect(await getDb().recommendationLink.count()).toBe(before);
    expect(await getDb().auditEvent.count()).toBe(events);
  });

  it("stores a confirmed link once per pair, earlier first, audits it, and stops suggesting it", async () => {
    const response = await linksPut(
      new Request(`${ORIGIN}/api/recommendations/${DEATH.c3}/links`, { method: "PUT", headers: { "content-type": "application/json", origin: ORIGIN, cookie: editorCookie }, body: JSON.stringify({ otherId: DEATH.c2, decision: "confirmed" }) }),
      { params: Promise.resolve({ id: String(DEATH.c3) }) },
    );
    expect(response.status).toBe(200);
    const link = await response.json();
    expect(link).toMatchObject({ earlierId: DEATH.c2, laterId: DEATH.c3, decision: "confirmed" });
    expect(link.similarity).toBeGreaterThan(0.5);
    const [event] = await auditOf(DEATH.c2, DEATH.c3);
    expect(event).toMatchObject({ actorUserId: editor.user.id, organizationId: editor.memberships[0]!.organizationId, changes: { earlierId: DEATH.c2, laterId: DEATH.c3, status: [null, "confirmed"] } });
    expect(ids((await recurrence(DEATH.c2)).later)).not.toContain(DEATH.c3);
    // The same decision again changes nothing and records nothing.
    await decideLink(editor, DEATH.c2, { otherId: DEATH.c3, decision: "confirmed" });
    expect(await auditOf(DEATH.c2, DEATH.c3)).toHaveLength(1);
  });

  it("follows confirmed links both ways into a chain 2009 → 2013 → 2018, each step with the State's response", async () => {
    await decideLink(editor, DEATH.c2, { otherId: DEATH.c1, decision: "confirmed" });
    for (const id of [DEATH.c1, DEATH.c2, DEATH.c3]) {
      const chain = await listRecurrenceChain(id);
      expect(chain.map((step) => step.id)).toEqual([DEATH.c1, DEATH.c2, DEATH.c3]);
      expect(chain.map((step) => step.cycle)).toEqual([1, 2, 3]);
      expect(chain.map((step) => step.year)).toEqual([2009, 2013, 2018]);
    }
    const [, c2, c3] = await listRecurrenceChain(DEATH.c1);
    expect(c2).toMatchObject({ paragraph: "186.107", position: expect.any(String) });
    expect(c3).toMatchObject({ paragraph: "28.160", position: expect.any(String) });
  });

  it("hides a rejected suggestion, keeps it out of the chain, and audits a changed decision", async () => {
    await decideLink(editor, DEATH.c2, { otherId: DEATH.c3moratorium, decision: "rejected" });
    expect(ids((await recurrence(DEATH.c2)).later)).not.toContain(DEATH.c3moratorium);
    expect((await listRecurrenceChain(DEATH.c3moratorium)).map((s) => s.id)).toEqual([DEATH.c3moratorium]);
    await decideLink(editor, DEATH.c3moratorium, { otherId: DEATH.c2, decision: "confirmed" });
    expect((await listRecurrenceChain(DEATH.c3moratorium)).map((s) => s.id)).toEqual([DEATH.c1, DEATH.c2, DEATH.c3, DEATH.c3moratorium]);
    const events = await auditOf(DEATH.c2, DEATH.c3moratorium);
    expect(events.map((e) => (e.changes as { status: unknown }).status)).toEqual([
      [null, "rejected"],
      ["rejected", "confirmed"],
    ]);
    await decideLink(editor, DEATH.c3moratorium, { otherId: DEATH.c2, decision: "rejected" });
    expect((await listRecurrenceChain(DEATH.c3moratorium)).map((s) => s.id)).toEqual([DEATH.c3moratorium]);
  });
});

describe('the explorer filter "recommended before"', () => {
  it("gives the same total on the page, in its facet, in the JSON API and in the CSV", async () => {
    // Confirmed now: 2009 → 186.107 → 28.160. 28.161 was confirmed, then rejected again.
    const search = "recurring=earlier";
    const query = parseExplorerSearch(Object.fromEntries(new URLSearchParams(search))).query;
    const page = await listRecommendations({ ...query, pageSize: 200 });
    expect(page.items.map((item) => item.id).sort((a, b) => a - b)).toEqual([DEATH.c2, DEATH.c3].sort((a, b) => a - b));
    const facets = await countRecommendationFacets(filtersOf(query));
    expect(facets.recurring).toEqual([
      { value: "earlier", label: "earlier", count: 2 },
      { value: "later", label: "later", count: 2 },
    ]);
    const api = await listRoute(new Request(`${ORIGIN}/api/recommendations?${search}`));
    expect(api.status).toBe(200);
    expect((await api.json()).total).toBe(page.total);
    const csv = await readCsv(await exportCsv(new Request(`${ORIGIN}/api/recommendations.csv?${search}`)));
    expect(csv.rows).toHaveLength(page.total);
    const later = await listRecommendations(parseExplorerSearch({ recurring: "later", cycle: "1" }).query);
    expect(later.items.map((item) => item.id)).toEqual([DEATH.c1]);
    expect((await listRoute(new Request(`${ORIGIN}/api/recommendations?recurring=sometimes`))).status).toBe(400);
  });
});
