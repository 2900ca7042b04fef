import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { GET as listRoute } from "@/app/api/recommendations/route";
import type { AssessmentStatusValue, VisibilityValue } from "@/lib/schemas/assessment";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { createAssessment } from "@/lib/server/assessments";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";
import { countRecommendationFacets } from "@/lib/server/facets";
import { listRecommendations } from "@/lib/server/recommendations";
import { readCsv } from "../helpers/api-fixtures";
import { createSeededTestDatabase } from "../helpers/test-database";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";

/**
 * The implementation-status filter and its facet counts on real PostgreSQL: organisation A records private and public
 * assessments, organisation B others, and every way out (the explorer's list and facets, the JSON API, the CSV, a text
 * search) is checked for every kind of caller. Public scope reads each organisation's latest PUBLIC assessment, so A's
 * private ones never count for anyone outside A; `statusOf=mine` reads the caller's own organisation, private included.
 */
const OPERATOR = { kind: "operator" } as const;
const WHO = ["anonymous", "editorA", "viewerA", "editorB", "admin", "loner", "both"] as const;
type Who = (typeof WHO)[number];
/** Everyone outside organisation A. */
const OUTSIDERS = ["anonymous", "editorB", "admin", "loner"] as const;

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
const cookies: Partial<Record<Who, string>> = {};
/** Six recommendations that all match the search "torture", so a search with a status filter finds them. */
let r: number[] = [];
/** How many recommendations there are, and how many match "torture". */
let all = 0;
let torture = 0;

function request(path: string, who: Who): Request {
  const cookie = cookies[who];
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });
}

async function assess(who: "editorA" | "editorB", recommendationId: number, status: AssessmentStatusValue, visibility: VisibilityValue): Promise<void> {
  const viewer = await getViewer(request("/", who));
  await createAssessment(viewer, recommendationId, { status, visibility, assessedOn: "2026-11-01", rationale: `${who}: ${visibility} view`, confidence: "medium", evidence: [] });
}

type Screen = { total: number; ids: number[]; status: Record<string, number>; mineUnavailable: boolean };

/** What /recommendations shows this caller: the page's own steps (forgiving parse, scope from the session, list, facets). */
async function screen(who: Who, search: string): Promise<Screen> {
  const parsed = parseExplorerSearch(Object.fromEntries(new URLSearchParams(search)));
  const { query, scope, mineUnavailable } = scopeExplorerQuery(parsed.query, await getViewer(request("/recommendations", who)));
  const [list, facets] = await Promise.all([listRecommendations({ ...query, pageSize: 200 }, scope), countRecommendationFacets(filtersOf(query), scope)]);
  return {
    total: list.total,
    ids: list.items.map((item) => item.id).sort((a, b) => a - b),
    status: Object.fromEntries(facets.status.map((value) => [value.value, value.count])),
    mineUnavailable,
  };
}

async function api(who: Who, search: string): Promise<{ status: number; text: string }> {
  const response = await listRoute(request(`/api/recommendations?${search}&pageSize=200`, who));
  return { status: response.status, text: await response.text() };
}

async function csvIds(who: Who, search: string): Promise<number[]> {
  const { rows } = await readCsv(await exportCsv(request(`/api/recommendations.csv?${search}`, who)));
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

const counts = (values: Partial<Record<AssessmentStatusValue, number>>): Record<AssessmentStatusValue, number> => ({
  not_assessed: 0,
  not_implemented: 0,
  partially_implemented: 0,
  fully_implemented: 0,
  regressed: 0,
  unable_to_assess: 0,
  ...values,
});

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  await createOrganization(OPERATOR, "Status Watch A");
  await createOrganization(OPERATOR, "Status Watch B");
  const users: [Who, string | null, "editor" | "viewer" | null][] = [
    ["editorA", "Status Watch A", "editor"],
    ["viewerA", "Status Watch A", "viewer"],
    ["editorB", "Status Watch B", "editor"],
    ["admin", null, null],
    ["loner", null, null],
    ["both", "Status Watch A", "viewer"],
  ];
  for (const [index, [who, organization, role]] of users.entries()) {
    await addUser(OPERATOR, {
      email: `${who}@example.org`,
      password: PASSWORD,
      name: who,
      organization: organization && role ? { name: organization, role } : undefined,
      admin: who === "admin",
    });
    cookies[who] = await signIn(`${who}@example.org`, `10.7.0.${index + 1}`);
  }
  await addUser(OPERATOR, { email: "both@example.org", organization: { name: "Status Watch B", role: "viewer" } });

  const found = await listRecommendations(parseExplorerSearch({ q: "torture", sort: "paragraph", pageSize: "6" }).query);
  r = found.items.map((item) => item.id);
  torture = found.total;
  all = (await listRecommendations(parseExplorerSearch({}).query)).total;
  expect(r).toHaveLength(6);

  // A: r0 public "partially", then private "fully" (A's private view moves on, the public one stays); r1 private only;
  // r2 public "fully". B: r0 public "not implemented"; r3 public "fully", then private "regressed"; r4 public
  // "not assessed" on purpose. r5 stays unassessed.
  await assess("editorA", r[0]!, "partially_implemented", "public");
  await assess("editorA", r[0]!, "fully_implemented", "private");
  await assess("editorA", r[1]!, "regressed", "private");
  await assess("editorA", r[2]!, "fully_implemented", "public");
  await assess("editorB", r[0]!, "not_implemented", "public");
  await assess("editorB", r[3]!, "fully_implemented", "public");
  await assess("editorB", r[3]!, "regressed", "private");
  await assess("editorB", r[4]!, "not_assessed", "public");
}, 180_000);

afterAll(async () => {
  await database.drop();
});

describe("public scope: each organisation's latest public assessment", () => {
  it("counts only public assessments, for anonymous visitors, B, an admin, a user without organisation and A alike", async () => {
    const expected = counts({ not_assessed: all - 3, not_implemented: 1, partially_implemented: 1, fully_implemented: 2 });
    for (const who of WHO) {
      expect((await screen(who, "")).status, who).toEqual(expected);
      expect((await screen(who, "status=fully_implemented")).ids, who).toEqual([r[2], r[3]].sort((a, b) => a! - b!));
      expect((await screen(who, "status=partially_implemented")).ids, who).toEqual([r[0]]);
      expect((await screen(who, "status=not_implemented,partially_implemented")).ids, who).toEqual([r[0]]);
      expect((await screen(who, "status=regressed")).total, who).toBe(0);
      expect((await screen(who, "status=not_assessed")).total, who).toBe(all - 3);
    }
  });

  it("matches not_assessed for recommendations without a public assessment and for an explicit public not_assessed", async () => {
    const ids = (await screen("anonymous", "q=torture&status=not_assessed&pageSize=200")).ids;
    expect(ids).toHaveLength(torture - 3);
    expect(ids).toEqual(expect.arrayContaining([r[1], r[4], r[5]]));
    expect(ids).not.toEqual(expect.arrayContaining([r[0]]));
  });
});

describe("statusOf=mine: the caller's organisation, private assessments included", () => {
  it("counts A's private assessments for A's editor and viewer", async () => {
    for (const who of ["editorA", "viewerA"] as const) {
      const mine = await screen(who, "statusOf=mine");
      expect(mine.status, who).toEqual(counts({ not_assessed: all - 3, fully_implemented: 2, regressed: 1 }));
      expect((await screen(who, "statusOf=mine&status=fully_implemented")).ids).toEqual([r[0], r[2]].sort((a, b) => a! - b!));
      expect((await screen(who, "statusOf=mine&status=regressed")).ids).toEqual([r[1]]);
    }
  });

  it("counts B's own (private included) for B, never A's", async () => {
    expect((await screen("editorB", "statusOf=mine")).status).toEqual(counts({ not_assessed: all - 2, not_implemented: 1, regressed: 1 }));
    expect((await screen("editorB", "statusOf=mine&status=regressed")).ids).toEqual([r[3]]);
    expect((await screen("editorB", "statusOf=mine&status=fully_implemented")).total).toBe(0);
  });

  it("reads every organisation of a member of several: a status any of them has, not_assessed where one has none", async () => {
    expect((await getViewer(request("/", "both")))?.memberships).toHaveLength(2);
    expect((await screen("both", "statusOf=mine")).status).toEqual(
      counts({ not_assessed: all - 1, not_implemented: 1, fully_implemented: 2, regressed: 2 }),
    );
    expect((await screen("both", "statusOf=mine&status=regressed")).ids).toEqual([r[1], r[3]].sort((a, b) => a! - b!));
    const unassessed = (await screen("both", "statusOf=mine&status=not_assessed&q=torture")).ids;
    expect(unassessed).toHaveLength(torture - 1);
    expect(unassessed).not.toContain(r[0]);
  });

  it("falls back to public assessments with a notice on the page for callers without an organisation", async () => {
    for (const who of ["anonymous", "admin", "loner"] as const) {
      const seen = await screen(who, "statusOf=mine&status=fully_implemented");
      expect(seen.mineUnavailable, who).toBe(true);
      expect(seen.ids, who).toEqual((await screen(who, "status=fully_implemented")).ids);
    }
    expect((await screen("editorA", "statusOf=mine")).mineUnavailable).toBe(false);
  });

  it("is refused by the API and the CSV without a session (401) or an organisation (403), with a message", async () => {
    for (const [who, status] of [["anonymous", 401], ["loner", 403], ["admin", 403]] as const) {
      const listed = await api(who, "statusOf=mine&status=regressed");
      expect(listed.status, who).toBe(status);
      expect(JSON.parse(listed.text)).toMatchObject({ message: expect.stringContaining("statusOf=mine") });
      expect((await exportCsv(request("/api/recommendations.csv?statusOf=mine", who))).status, who).toBe(status);
    }
    expect((await api("anonymous", "statusOf=everyone")).status).toBe(400);
    expect((await api("anonymous", "status=done")).status).toBe(400);
  });
});

describe("every way out agrees", () => {
  const SEARCHES: [Who, string][] = [
    ["anonymous", "status=fully_implemented"],
    ["anonymous", "status=partially_implemented,not_implemented&q=torture"],
    ["editorB", "status=regressed"],
    ["admin", "status=not_assessed&q=torture"],
    ["editorA", "statusOf=mine&status=fully_implemented,regressed"],
    ["viewerA", "statusOf=mine&status=not_assessed&q=torture"],
    ["editorB", "statusOf=mine&status=regressed,not_implemented"],
  ];

  it.each(SEARCHES)("%s, %s: the API and the CSV hold exactly the page's list", async (who, search) => {
    const page = await screen(who, search);
    expect(page.total).toBeLessThanOrEqual(200);
    const listed = await api(who, search);
    expect(listed.status).toBe(200);
    const body = JSON.parse(listed.text) as { total: number; items: { id: number }[] };
    expect(body.total).toBe(page.total);
    expect(body.items.map((item) => item.id).sort((a, b) => a - b)).toEqual(page.ids);
    expect(await csvIds(who, search)).toEqual(page.ids);
  });

  it("gives each status the count its own filter then lists, in both scopes, for everyone", async () => {
    for (const who of WHO) {
      for (const scope of ["", "statusOf=mine&"]) {
        const facets = (await screen(who, `${scope}q=torture`)).status;
        for (const [status, count] of Object.entries(facets)) {
          expect((await screen(who, `${scope}q=torture&status=${status}`)).total, `${who} ${scope}${status}`).toBe(count);
        }
      }
    }
  });

  it("leaves the status filter out of its own counts, and applies it to the others", async () => {
    const base = await listRecommendations(parseExplorerSearch({ q: "torture" }).query);
    const facets = await countRecommendationFacets(filtersOf(parseExplorerSearch({ q: "torture", status: "fully_implemented" }).query));
    expect(facets.status.find((s) => s.value === "not_assessed")?.count).toBe(torture - 3);
    expect(facets.cycle.reduce((sum, c) => sum + c.count, 0)).toBe(2);
    expect(base.total).toBe(torture);
  });
});

describe("a private status change of A", () => {
  /** Everything an outsider can learn about statuses: page list and facets, API and CSV, with and without a search. */
  async function outsiderView(who: Who): Promise<unknown[]> {
    const searches = ["", "q=torture", "status=fully_implemented", "status=regressed", "status=not_assessed&q=torture", "status=partially_implemented,fully_implemented&q=torture"];
    const seen: unknown[] = [];
    for (const search of searches) {
      seen.push(await screen(who, search));
      seen.push((await api(who, search)).text, await csvIds(who, search));
    }
    if (who === "editorB") seen.push(await screen(who, "statusOf=mine"), await screen(who, "statusOf=mine&status=not_assessed&q=torture"));
    return seen;
  }

  it("changes nothing anonymous visitors, B, an admin or a user without organisation see, and only A's own view", async () => {
    const before = await Promise.all(OUTSIDERS.map(outsiderView));
    const mineBefore = await screen("editorA", "statusOf=mine");

    await assess("editorA", r[2]!, "regressed", "private");
    await assess("editorA", r[5]!, "fully_implemented", "private");
    await assess("editorA", r[4]!, "unable_to_assess", "private");

    expect(await Promise.all(OUTSIDERS.map(outsiderView))).toEqual(before);
    const mineAfter = await screen("viewerA", "statusOf=mine");
    expect(mineAfter.status).not.toEqual(mineBefore.status);
    expect(mineAfter.status).toEqual(counts({ not_assessed: all - 5, fully_implemented: 2, regressed: 2, unable_to_assess: 1 }));
    expect((await screen("viewerA", "status=fully_implemented")).ids).toEqual([r[2], r[3]].sort((a, b) => a! - b!));
  });
});
