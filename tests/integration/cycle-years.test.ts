import { describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/openapi.json/route";
import { GET as list } from "@/app/api/recommendations/route";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { GET as stats } from "@/app/api/stats/route";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { countRecommendationFacets } from "@/lib/server/facets";
import { listRecommendations } from "@/lib/server/recommendations";
import { loadCycleYears, resolveQueryCycles } from "@/lib/server/review-calendar";
import { readCsv } from "../helpers/api-fixtures";
import { withSeededDatabase } from "../helpers/test-database";

const query = (qs: string) => parseExplorerSearch(Object.fromEntries(new URLSearchParams(qs))).query;
const get = (handler: (request: Request) => Promise<Response>, path: string) => handler(new Request(`http://localhost${path}`));

withSeededDatabase();

describe("cycle=2018: a year means the cycle of the reviews held that year, from the data", () => {
  it("the explorer's query resolves it, respecting sur, and names a year with no review", async () => {
    expect((await resolveQueryCycles(query("cycle=2018&sur=CHN"))).query.cycle).toEqual([3]);
    expect((await resolveQueryCycles(query("cycle=2013,2018"))).query.cycle).toEqual([2, 3]);
    const unknown = await resolveQueryCycles(query("cycle=2031,3&sur=CHN"));
    expect(unknown).toMatchObject({ query: { cycle: [3] }, unknownYears: [2031] });
    expect((await resolveQueryCycles(query("cycle=2018&sur=FRA"))).unknownYears).toEqual([2018]);
    const { query: resolved } = await resolveQueryCycles(query("cycle=2018&sur=CHN&q=Xinjiang"));
    expect((await listRecommendations(resolved)).total).toBe(16);
  });

  it("the JSON API, the CSV and the stats answer for the year exactly what they answer for the cycle", async () => {
    const byYear = (await (await get(list, "/api/recommendations?cycle=2018&sur=CHN")).json()) as { total: number };
    const byCycle = (await (await get(list, "/api/recommendations?cycle=3&sur=CHN")).json()) as { total: number };
    expect(byYear.total).toBe(346);
    expect(byYear).toEqual(byCycle);
    expect((await readCsv(await get(exportCsv, "/api/recommendations.csv?cycle=2018&position=noted"))).rows).toHaveLength(62);
    const counted = (await (await get(stats, "/api/stats?by=position&cycle=2018")).json()) as { total: number };
    expect(counted.total).toBe(346);
  });

  it("a year with no loaded review, or a value that is neither, is a 400 naming cycle, never a 500", async () => {
    for (const path of ["/api/recommendations?cycle=2031", "/api/recommendations.csv?cycle=2031", "/api/stats?by=position&cycle=2031", "/api/recommendations?cycle=2018&sur=FRA"]) {
      const handler = path.startsWith("/api/stats") ? stats : path.startsWith("/api/recommendations.csv") ? exportCsv : list;
      const response = await get(handler, path);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: string; issues: { path: (string | number)[]; message: string }[] };
      expect(body.error).toBe("invalid_parameters");
      expect(body.issues[0]?.path[0], path).toBe("cycle");
      expect(body.issues[0]?.message).toMatch(/no review.*held in (2031|2018)/);
    }
    for (const value of ["1999", "10", "abc", "2018.5"]) {
      const response = await get(list, `/api/recommendations?cycle=${value}`);
      expect(response.status, value).toBe(400);
      expect(((await response.json()) as { issues: { path: string[] }[] }).issues[0]?.path[0]).toBe("cycle");
    }
  });

  it("the OpenAPI document says a year is accepted", async () => {
    const doc = JSON.parse(await getOpenApi().text()) as { paths: Record<string, { get: { parameters: { name: string; description: string; schema: unknown }[] } }> };
    for (const path of ["/api/recommendations", "/api/recommendations.csv", "/api/stats"]) {
      const cycle = doc.paths[path]!.get.parameters.find((parameter) => parameter.name === "cycle")!;
      expect(cycle.description).toContain("cycle=2018");
      expect(JSON.stringify(cycle.schema)).toContain('"minimum":2000');
    }
  });

  it("labels each cycle with the year of China's review of it", async () => {
    const years = await loadCycleYears(["CHN"]);
    expect([1, 2, 3, 4].map(years)).toEqual([2009, 2013, 2018, 2024]);
  });
});

describe("chosen values the counts leave out", () => {
  it("stay among the facets with a count of 0, named, so the panel draws them checked", async () => {
    const facets = await countRecommendationFacets(filtersOf(query("cycle=3&sur=CHN&state=GBR&theme=uhri:h1,uhri:zz9&affected=children&wording=accepted&action=5&q=Zzyzxqv")));
    expect(facets.cycle).toEqual([{ value: "3", label: "3", count: 0 }]);
    expect(facets.sur).toEqual([{ value: "CHN", label: "CHN", count: 0 }]);
    expect(facets.state).toEqual([{ value: "GBR", label: "GBR", count: 0 }]);
    expect(facets.theme).toEqual([expect.objectContaining({ value: "uhri:h1", label: "Human rights defenders", count: 0 })]);
    expect(facets.affected).toEqual([expect.objectContaining({ value: "children", count: 0 })]);
    expect(facets.wording).toEqual([{ value: "accepted", label: "accepted", count: 0 }]);
    expect(facets.action).toEqual([{ value: "5", label: "5", count: 0 }]);
  });
});
