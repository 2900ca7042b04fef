import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/openapi.json/route";
import { GET as statsRoute } from "@/app/api/stats/route";
import { filtersOf, parseExplorerSearch, type RecommendationQuery } from "@/lib/search-params";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { createAssessment } from "@/lib/server/assessments";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";
import { countRecommendationFacets } from "@/lib/server/facets";
import { listRecommendations } from "@/lib/server/recommendations";
import { loadChartInputs } from "@/lib/server/stats/review-charts";
import { countRecommendationStats } from "@/lib/server/stats";
import { countStatusTimeline } from "@/lib/server/stats/timeline";
import { NONE_KEY, STAT_DIMENSIONS, statsSearchSchema, type StatDimension } from "@/lib/stats";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The stats API and the charts' counts on the real China data: every total equals the explorer's total for the same
 * filters, every group equals the explorer's total for its link, and statuses follow the explorer's scope rules.
 */
const OPERATOR = { kind: "operator" } as const;
let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let cookie = "";
let accepted: number[] = [];

const query = (search: string): RecommendationQuery => parseExplorerSearch(Object.fromEntries(new URLSearchParams(search))).query;
const explorerTotal = async (search: string): Promise<number> => (await listRecommendations(query(search))).total;
const request = (path: string, withCookie = false) => new Request(`${ORIGIN}${path}`, { headers: withCookie ? { cookie } : {} });

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  await createOrganization(OPERATOR, "Chart Watch");
  await addUser(OPERATOR, { email: "charts@example.org", password: PASSWORD, name: "charts", organization: { name: "Chart Watch", role: "editor" } });
  cookie = await signIn("charts@example.org", "10.9.0.1");
  accepted = (await listRecommendations(query("sur=CHN&cycle=3&position=supported&sort=paragraph&pageSize=3"))).items.map((item) => item.id);
  const viewer = await getViewer(request("/", true));
  const assess = (id: number, status: "partially_implemented" | "fully_implemented" | "not_implemented", visibility: "public" | "private", assessedOn: string) =>
    createAssessment(viewer, id, { status, visibility, assessedOn, rationale: "chart test", confidence: "medium", evidence: [] });
  await assess(accepted[0]!, "partially_implemented", "public", "2025-03-01");
  await assess(accepted[0]!, "fully_implemented", "public", "2026-02-01");
  await assess(accepted[1]!, "not_implemented", "public", "2026-05-01");
  await assess(accepted[2]!, "fully_implemented", "private", "2026-06-01");
}, 180_000);

afterAll(async () => {
  await database.drop();
});

const FILTER_SETS = ["", "sur=CHN&cycle=3", "cycle=2,3&theme=uhri:h1", "q=torture", 'q="death penalty"&position=noted', "state=GBR", "region=weog&cycle=1", "status=not_assessed", "status=fully_implemented,partially_implemented"];

describe("stats totals equal the explorer's", () => {
  it.each(FILTER_SETS)("for %s", async (search) => {
    const total = await explorerTotal(search);
    const filters = filtersOf(query(search));
    for (const by of STAT_DIMENSIONS) {
      const stats = await countRecommendationStats(by, filters);
      expect(stats.total, by).toBe(total);
      const sum = stats.groups.reduce((s, g) => s + g.count, 0);
      // Single-valued dimensions add up exactly; multi-valued ones (action too: a merged paragraph counts under each
      // category of its States' parts) reach at least the total.
      if (["position", "wording", "review"].includes(by)) expect(sum, by).toBe(total);
      else if (by !== "status") expect(sum, by).toBeGreaterThanOrEqual(total);
    }
  });

  it("gives each group the explorer total of its own filter", async () => {
    const base = "sur=CHN&cycle=2,3&q=rights";
    const filters = filtersOf(query(base));
    const checks: [StatDimension, number][] = [["position", 3], ["region", 5], ["theme", 3], ["state", 3], ["wording", 2], ["status", 2], ["action", 5]];
    for (const [by, take] of checks) {
      const stats = await countRecommendationStats(by, filters);
      for (const group of stats.groups.filter((g) => g.key !== NONE_KEY && g.count > 0).slice(0, take)) {
        expect(await explorerTotal(`${base}&${by}=${encodeURIComponent(group.key)}`), `${by}=${group.key}`).toBe(group.count);
      }
    }
  });

  it("matches the explorer's facets (position and status) where no filter of their own is set", async () => {
    const filters = filtersOf(query("cycle=3&q=torture"));
    const facets = await countRecommendationFacets(filters);
    const position = await countRecommendationStats("position", filters);
    expect(position.groups.map(({ key, count }) => ({ key, count }))).toEqual(facets.position.map(({ value, count }) => ({ key: value, count })));
    const status = await countRecommendationStats("status", filtersOf(query("sur=CHN")));
    const statusFacets = await countRecommendationFacets(filtersOf(query("sur=CHN")));
    expect(status.groups.map((g) => g.count)).toEqual(statusFacets.status.map((f) => f.count));
  });
});

describe("GET /api/stats", () => {
  it("counts China's 2018 responses: 284 supported, 62 noted", async () => {
    const response = await statsRoute(request("/api/stats?by=position&cycle=3&sur=CHN"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      by: "position",
      groups: [
        { key: "supported", label: "Supported", count: 284 },
        { key: "supported-in-part", label: "Supported in part", count: 0 },
        { key: "noted", label: "Noted", count: 62 },
      ],
      total: 346,
    });
  });

  it("answers CSV with key,label,count", async () => {
    const response = await statsRoute(request("/api/stats?by=region&cycle=3&sur=CHN&format=csv"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).startsWith("key,label,count\r\nafrican,African Group,")).toBe(true);
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="upr-stats-region-cycle-3-sur-chn-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^UPR counts by Region – State under review China; Cycle 2018 \(3rd cycle\) – \d{4}-\d{2}-\d{2}\.csv$/);
  });

  it.each([
    ["missing by", "cycle=3"],
    ["unknown by", "by=colour"],
    ["unknown parameter", "by=position&colour=red"],
    ["bad cycle", "by=position&cycle=abc"],
    ["bad format", "by=position&format=xlsx"],
  ])("is a 400 naming the field for %s", async (_, search) => {
    const response = await statsRoute(request(`/api/stats?${search}`));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { path: string[] }[] };
    expect(body.error).toBe("invalid_parameters");
    expect(body.issues.length).toBeGreaterThan(0);
  });

  it("is described in the OpenAPI document with every parameter the handler accepts", async () => {
    type Doc = { paths: Record<string, { get: { parameters: { name: string; required: boolean }[]; responses: Record<string, unknown> } }>; components: { schemas: Record<string, unknown> } };
    const doc = JSON.parse(await getOpenApi().text()) as Doc;
    const operation = doc.paths["/api/stats"]!.get;
    expect(operation.parameters.map((p) => p.name).sort()).toEqual(Object.keys(statsSearchSchema.shape).sort());
    expect(operation.parameters.find((p) => p.name === "by")?.required).toBe(true);
    expect(Object.keys(operation.responses).sort()).toEqual(["200", "400", "401", "403", "500"]);
    expect(doc.components.schemas).toHaveProperty("RecommendationStats");
  });

  it("refuses statusOf=mine without a session (401), and reads the caller's organisation with one", async () => {
    expect((await statsRoute(request("/api/stats?by=status&statusOf=mine"))).status).toBe(401);
    const mine = await statsRoute(request("/api/stats?by=status&statusOf=mine&sur=CHN&cycle=3", true));
    expect(mine.status).toBe(200);
    const body = (await mine.json()) as { groups: { key: string; count: number }[] };
    // The private "fully implemented" counts for its own organisation only.
    expect(body.groups.find((g) => g.key === "fully_implemented")?.count).toBe(2);
    const anonymous = (await (await statsRoute(request("/api/stats?by=status&sur=CHN&cycle=3"))).json()) as typeof body;
    expect(anonymous.groups.find((g) => g.key === "fully_implemented")?.count).toBe(1);
  });
});

describe("the charts' inputs", () => {
  it("include a review with nothing loaded, and count recommending States per review", async () => {
    const inputs = await loadChartInputs(filtersOf(query("sur=CHN")));
    expect(inputs.units.map(({ unit }) => [unit.review?.cycle, unit.loaded, unit.reportedTotal])).toEqual([
      [1, 137, null],
      [2, 252, null],
      [3, 346, 346],
      [4, 0, 428],
    ]);
    for (const u of inputs.units) expect(u.stats.position.total).toBe(await explorerTotal(`review=${u.unit.key}`));
  });

  it("give the implementation status at the end of each year from public assessments, or the caller's own", async () => {
    const filters = filtersOf(query("sur=CHN&cycle=3"));
    const timeline = await countStatusTimeline(filters);
    expect(timeline.accepted).toBe(284);
    expect(timeline.years).toEqual([
      { year: 2025, counts: { partially_implemented: 1 }, notYetAssessed: 283 },
      { year: 2026, counts: { fully_implemented: 1, not_implemented: 1 }, notYetAssessed: 282 },
    ]);
    const viewer = await getViewer(request("/", true));
    const { query: mine, scope } = scopeExplorerQuery(query("sur=CHN&cycle=3&statusOf=mine"), viewer);
    const own = await countStatusTimeline(filtersOf(mine), scope);
    expect(own.years.at(-1)).toEqual({ year: 2026, counts: { fully_implemented: 2, not_implemented: 1 }, notYetAssessed: 281 });
    expect((await countStatusTimeline(filtersOf(query("sur=CHN&cycle=3&position=noted")))).years).toEqual([]);
  });
});
