import { beforeAll, describe, expect, it } from "vitest";
import { GET as categoryGet, DELETE as clearRoute, PUT as setRoute } from "@/app/api/recommendations/[id]/action-category/route";
import { GET as itemGet } from "@/app/api/recommendations/[id]/route";
import { GET as listGet } from "@/app/api/recommendations/route";
import { GET as statsGet } from "@/app/api/stats/route";
import { GET as openApiGet } from "@/app/api/openapi.json/route";
import { recommendationItemSchema, recommendationListSchema } from "@/lib/schemas/recommendation-api";
import { filtersOf, parseApiSearch } from "@/lib/search-params";
import { fillActionCategories } from "@/lib/server/action-category-fill";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { Prisma } from "@/lib/server/generated/prisma/client";
import { countRecommendationFacets } from "@/lib/server/facets";
import { recommendationPageSql } from "@/lib/server/recommendations";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * Action categories per State's part, on real PostgreSQL with the real China data: 2018's paragraph 28.9 joins six
 * States' recommendations, is "continuing" by its first verb and "general" through Estonia's ("Take meaningful steps
 * towards ratification") and Georgia's parts. The filter finds it under both, the facets and the stats count what the
 * filter finds, an override stands alone for the whole paragraph, and an older install is filled at start.
 */
withSeededDatabase();
let paragraph: { id: number };
let orgId = "";
let cookie = "";

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  paragraph = await getDb().recommendation.findFirstOrThrow({ where: { paragraph: "28.9", review: { stateUnderReviewIso3: "CHN", cycle: 3 } }, select: { id: true } });
  orgId = (await createOrganization({ kind: "operator" }, "Parts Org")).id;
  await addUser({ kind: "operator" }, { email: "editor@parts.example.org", password: PASSWORD, name: "Parts editor", organization: { name: "Parts Org", role: "editor" } });
  cookie = await signIn("editor@parts.example.org", "10.8.0.1");
});

function query(params: Record<string, string>) {
  const parsed = parseApiSearch(new URLSearchParams({ pageSize: "200", ...params }));
  if (!parsed.success) throw new Error("bad query");
  return parsed.data;
}

async function list(params: Record<string, string>) {
  const response = await listGet(new Request(`${ORIGIN}/api/recommendations?${new URLSearchParams({ pageSize: "200", ...params })}`));
  expect(response.status).toBe(200);
  return recommendationListSchema.parse(await response.json());
}

const ids = async (params: Record<string, string>): Promise<number[]> => (await list(params)).items.map((item) => item.id);

describe("the action filter reads every State's part", () => {
  it("finds 28.9 under continuing (its first verb) and under general action (Estonia's part), not under specific", async () => {
    expect(await ids({ sur: "CHN", cycle: "3", action: "2" })).toContain(paragraph.id);
    expect(await ids({ sur: "CHN", cycle: "3", action: "4" })).toContain(paragraph.id);
    expect(await ids({ sur: "CHN", cycle: "3", action: "5" })).not.toContain(paragraph.id);
    // Once, when several of its categories are asked for.
    expect((await ids({ sur: "CHN", cycle: "3", action: "2,4" })).filter((id) => id === paragraph.id)).toHaveLength(1);
  });

  it("answers each State's part with its category in the API, and describes them in the OpenAPI document", async () => {
    const item = recommendationItemSchema.parse(await (await itemGet(new Request(`${ORIGIN}/x`), { params: Promise.resolve({ id: String(paragraph.id) }) })).json());
    expect(item).toMatchObject({ actionCategory: 2, actionCategories: [2, 4] });
    expect(item.parts.map((part) => [part.recommendingStates, part.actionCategory])).toEqual([
      [["BEN"], 2], [["EST"], 4], [["GEO"], 4], [["LVA"], 2], [["MLT"], 2], [["NAM"], 2],
    ]);
    expect(item.parts[1]!.text).toBe("Take meaningful steps towards ratification of the International Covenant on Civil and Political Rights (Estonia)");
    const doc = (await (await openApiGet()).json()) as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(Object.keys(doc.components.schemas.Recommendation!.properties!)).toEqual(expect.arrayContaining(["actionCategories", "parts"]));
  });

  it("gives a recommendation of one part (a UPR Info row) its own category as its only part", async () => {
    const [first] = (await list({ sur: "CHN", cycle: "1", pageSize: "1" })).items;
    expect(first!.parts).toEqual([{ text: first!.text, recommendingStates: first!.recommendingStates.map((s) => s.iso3), actionCategory: first!.actionCategory }]);
    expect(first!.actionCategories).toEqual([first!.actionCategory]);
  });

  it("counts each category's facet and stats group as the filter's total (a recommendation once per category it has)", async () => {
    const scopes: Record<string, string>[] = [{ sur: "CHN", cycle: "3" }, { sur: "CHN" }, { sur: "CHN", cycle: "2", position: "noted" }];
    for (const scope of scopes) {
      const facets = await countRecommendationFacets(filtersOf(query(scope)));
      const stats = (await (await statsGet(new Request(`${ORIGIN}/api/stats?${new URLSearchParams({ by: "action", ...scope })}`))).json()) as { groups: { key: string; count: number }[] };
      for (const category of ["1", "2", "3", "4", "5"]) {
        const total = (await list({ ...scope, action: category, pageSize: "1" })).total;
        expect(facets.action.find((value) => value.value === category)?.count ?? 0).toBe(total);
        expect(stats.groups.find((group) => group.key === category)?.count).toBe(total);
      }
    }
    // The merged paragraphs of 2018 make the categories add up to more than the recommendations.
    const facets = await countRecommendationFacets(filtersOf(query({ sur: "CHN", cycle: "3" })));
    expect(facets.action.reduce((sum, value) => sum + value.count, 0)).toBeGreaterThan(346);
  });

  it("is one lookup in the GIN index on actionCategories", async () => {
    const sql = recommendationPageSql(query({ action: "4" })).count;
    const plan = await getDb().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`);
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Recommendation_actionCategories_idx");
  });
});

describe("an override stands for the whole paragraph", () => {
  const request = (method: string, body?: unknown) =>
    new Request(`${ORIGIN}/api/recommendations/${paragraph.id}/action-category`, {
      method,
      headers: { "content-type": "application/json", origin: ORIGIN, cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const params = () => ({ params: Promise.resolve({ id: String(paragraph.id) }) });

  it("finds 28.9 under the override alone while it stands, its parts' categories kept, and under them again once cleared", async () => {
    expect((await setRoute(request("PUT", { category: 5, reason: "Every part asks for ratification.", organizationId: orgId }), params())).status).toBe(200);
    expect(await ids({ sur: "CHN", cycle: "3", action: "5" })).toContain(paragraph.id);
    expect(await ids({ sur: "CHN", cycle: "3", action: "4" })).not.toContain(paragraph.id);
    expect(await ids({ sur: "CHN", cycle: "3", action: "2" })).not.toContain(paragraph.id);
    const item = recommendationItemSchema.parse(await (await itemGet(new Request(`${ORIGIN}/x`), params())).json());
    expect(item).toMatchObject({ actionCategory: 5, actionCategoryMethod: "override", actionCategories: [5] });
    expect(item.parts.map((part) => part.actionCategory)).toEqual([2, 4, 4, 2, 2, 2]);
    expect((await categoryGet(new Request(`${ORIGIN}/x`), params())).status).toBe(200);

    expect((await clearRoute(request("DELETE"), params())).status).toBe(200);
    expect(await ids({ sur: "CHN", cycle: "3", action: "4" })).toContain(paragraph.id);
    expect(await ids({ sur: "CHN", cycle: "3", action: "5" })).not.toContain(paragraph.id);
  });
});

describe("an install from before parts were categorised", () => {
  it("is filled once at start: 28.9 is found through Estonia's part again, and a second start writes nothing", async () => {
    // As the migration leaves an older install: no parts, each recommendation under its own category.
    await getDb().$executeRaw`UPDATE "Recommendation" SET "partActionCategories" = '{}', "actionCategories" = CASE WHEN "actionCategory" IS NULL THEN '{}' ELSE ARRAY["actionCategory"] END`;
    expect(await ids({ sur: "CHN", cycle: "3", action: "4" })).not.toContain(paragraph.id);
    const withCategory = await getDb().recommendation.count({ where: { originalActionCategory: { not: null } } });
    expect(await fillActionCategories()).toEqual({ derived: 0, rederived: 0, sourced: 0, parts: withCategory });
    expect(await ids({ sur: "CHN", cycle: "3", action: "4" })).toContain(paragraph.id);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "action-category.derive" }, orderBy: { id: "desc" } });
    expect(event.changes).toMatchObject({ parts: withCategory });
    expect(await fillActionCategories()).toEqual({ derived: 0, rederived: 0, sourced: 0, parts: 0 });
  });
});
