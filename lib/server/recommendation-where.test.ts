import { describe, expect, it } from "vitest";
import { parseExplorerSearch, filtersOf } from "@/lib/search-params";
import { buildRecommendationOrder, buildRecommendationWhere } from "./recommendation-where";

const filters = (qs: string) => filtersOf(parseExplorerSearch(Object.fromEntries(new URLSearchParams(qs))).query);

describe("buildRecommendationWhere", () => {
  it("is TRUE without filters", () => {
    expect(buildRecommendationWhere(filters("")).text).toBe("TRUE");
  });

  it("binds every value as a parameter, never in the SQL text", () => {
    const where = buildRecommendationWhere(filters("state=GBR,FRA&position=noted&q=death penalty&theme=uhri:a12&region=weog&cycle=3&affected=children"));
    expect(where.values).toEqual(expect.arrayContaining(["GBR", "FRA", "NOTED", "'death' & 'penalty' | 'capital punishment'", "uhri:a12", "WEOG", 3, "affected:children"]));
    expect(where.sql).not.toMatch(/GBR|NOTED|death|a12|WEOG|children/);
    expect(where.sql.match(/ AND /g)?.length).toBeGreaterThanOrEqual(6);
  });

  it("combines values of one filter with OR (IN) and filters with AND", () => {
    const where = buildRecommendationWhere(filters("position=noted,supported&cycle=2"));
    expect(where.text).toBe('v."cycle" IN ($1) AND r."position" IN ($2::"Position",$3::"Position")');
  });

  it("leaves out one filter for its own facet", () => {
    const all = buildRecommendationWhere(filters("position=noted&cycle=3"));
    const exceptPosition = buildRecommendationWhere(filters("position=noted&cycle=3"), { except: "position" });
    expect(all.values).toEqual([3, "NOTED"]);
    expect(exceptPosition.values).toEqual([3]);
  });

  it("searches with one compiled tsquery as one parameter, so quotes, -word and OR work and odd input cannot break the SQL", () => {
    const where = buildRecommendationWhere(filters(`q=${encodeURIComponent(`"death penalty" -abolish OR torture'); DROP TABLE x; --`)}`));
    expect(where.text).toBe(`r."searchVector" @@ to_tsquery('english', $1)`);
    expect(where.values).toEqual([`( 'death penalty' | 'capital punishment' ) & !'abolish' | 'torture''' & ';' & 'DROP' & 'TABLE' & 'x;'`]);
  });

  it("searches the exact words with variants=off", () => {
    expect(buildRecommendationWhere(filters("q=Uyghur&variants=off")).values).toEqual(["'Uyghur'"]);
    expect(buildRecommendationWhere(filters("q=Uyghur")).values).toEqual(["'Uyghur' | 'Uighur' | 'Uygur' | 'Uigur'"]);
  });
});

describe("the recurring filter", () => {
  it("reads confirmed links only, earlier as the later end of a link, and ORs both directions", () => {
    const earlier = buildRecommendationWhere(filters("recurring=earlier&cycle=3"));
    expect(earlier.text).toBe(`v."cycle" IN ($1) AND (r."id" IN (SELECT l."laterId" FROM "RecommendationLink" l WHERE l."status" = 'CONFIRMED'))`);
    expect(earlier.values).toEqual([3]);
    const both = buildRecommendationWhere(filters("recurring=earlier,later"));
    expect(both.sql).toContain(`l."laterId"`);
    expect(both.sql).toContain(`l."earlierId"`);
    expect(both.sql).toContain(" OR ");
  });

  it("is left out for its own facet and ignores values outside the contract", () => {
    expect(buildRecommendationWhere(filters("recurring=earlier"), { except: "recurring" }).text).toBe("TRUE");
    expect(buildRecommendationWhere(filters("recurring=1) OR (1=1")).text).toBe("TRUE");
  });
});

describe("the implementation-status filter", () => {
  it("reads each organisation's latest public assessment by default, with statuses bound as parameters", () => {
    const where = buildRecommendationWhere(filters("status=fully_implemented,regressed"), { organizationIds: ["org-a"] });
    expect(where.sql).toContain(`(a."visibility" = 'PUBLIC' AND a."withdrawnAt" IS NULL)`);
    expect(where.sql).toContain(`DISTINCT ON (a."recommendationId", a."organizationId")`);
    expect(where.sql).toContain(`a."version" DESC`);
    expect(where.values).toEqual(["FULLY_IMPLEMENTED", "REGRESSED"]);
    expect(where.sql).not.toMatch(/FULLY|REGRESSED|org-a/);
    expect(where.sql).not.toContain("NOT IN");
  });

  it("matches recommendations without any public assessment (withdrawn ones are not public) for not_assessed", () => {
    const where = buildRecommendationWhere(filters("status=not_assessed"));
    expect(where.sql).toContain(`r."id" NOT IN (SELECT a."recommendationId" FROM "Assessment" a WHERE (a."visibility" = 'PUBLIC' AND a."withdrawnAt" IS NULL))`);
  });

  it("reads the caller's organisations, private ones included, for statusOf=mine; ids are parameters from the session", () => {
    const where = buildRecommendationWhere(filters("status=not_assessed&statusOf=mine"), { organizationIds: ["org-a"] });
    expect(where.sql).not.toContain("PUBLIC");
    expect(where.sql).not.toContain("withdrawnAt");
    expect(where.values).toEqual(["org-a", "NOT_ASSESSED", "org-a"]);
    expect(where.sql).not.toContain("org-a");
    const several = buildRecommendationWhere(filters("status=not_assessed&statusOf=mine"), { organizationIds: ["org-a", "org-b"] });
    expect(several.values).toEqual(["org-a", "org-b", "NOT_ASSESSED", "org-a", "org-b"]);
  });

  it("falls back to public assessments for statusOf=mine without organisations, whatever the URL says", () => {
    const anonymous = buildRecommendationWhere(filters("status=regressed&statusOf=mine&organizationId=org-a"));
    expect(anonymous.sql).toContain(`a."visibility" = 'PUBLIC'`);
    expect(anonymous.values).toEqual(["REGRESSED"]);
    expect(buildRecommendationWhere(filters("status=regressed&statusOf=mine"), { organizationIds: [] }).text).toBe(anonymous.text);
  });

  it("is no condition without statuses or for its own facet, whatever the scope", () => {
    expect(buildRecommendationWhere(filters("statusOf=mine"), { organizationIds: ["org-a"] }).text).toBe("TRUE");
    expect(buildRecommendationWhere(filters("status=regressed&cycle=3"), { except: "status" }).values).toEqual([3]);
  });
});

describe("buildRecommendationOrder", () => {
  it("always ends on the id so pages never overlap", () => {
    for (const sort of ["-cycle", "cycle", "paragraph", "-paragraph", "position", "-position", "action", "-action"] as const) {
      expect(buildRecommendationOrder(sort, { q: "", variants: "on" }).sql).toMatch(/r\."id"( DESC)?$/);
    }
  });

  it("ranks by relevance only when there is a search", () => {
    expect(buildRecommendationOrder("relevance", { q: "torture", variants: "on" }).sql).toMatch(/^ts_rank/);
    expect(buildRecommendationOrder("relevance", { q: "", variants: "on" }).sql).not.toMatch(/ts_rank/);
  });
});
