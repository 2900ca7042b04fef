import { describe, expect, it } from "vitest";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { countRecommendationFacets } from "@/lib/server/facets";
import { listRecommendations } from "@/lib/server/recommendations";
import { withSeededDatabase } from "../helpers/test-database";

const query = (qs: string) => parseExplorerSearch(Object.fromEntries(new URLSearchParams(qs))).query;

withSeededDatabase();

describe("the explorer on China's real data", () => {
  it("filters by position and cycle, and by recommending State", async () => {
    expect((await listRecommendations(query("position=noted&cycle=3"))).total).toBe(62);
    const uk = await listRecommendations(query("state=GBR&cycle=3"));
    expect(uk.items.map((r) => r.paragraph)).toEqual(["28.5", "28.19", "28.22"]);
    expect(uk.items.every((r) => r.recommendingStates.some((s) => s.iso3 === "GBR"))).toBe(true);
  });

  it("pages without overlap and keeps the total", async () => {
    const first = await listRecommendations(query("cycle=3&pageSize=100"));
    const second = await listRecommendations(query("cycle=3&pageSize=100&page=2"));
    expect(first.total).toBe(346);
    const ids = new Set([...first.items, ...second.items].map((r) => r.id));
    expect(ids.size).toBe(200);
    expect(first.items[0]?.paragraph).toBe("28.1");
    expect(first.items[9]?.paragraph).toBe("28.10");
  });

  it("counts facets for the current selection, each without its own filter", async () => {
    const facets = await countRecommendationFacets(filtersOf(query("position=noted&cycle=3")));
    expect(facets.position).toEqual([
      { value: "supported", label: "supported", count: 284 },
      { value: "supported-in-part", label: "supported-in-part", count: 0 },
      { value: "noted", label: "noted", count: 62 },
    ]);
    expect(facets.cycle.find((c) => c.value === "3")?.count).toBe(62);
    expect(facets.state.find((s) => s.value === "GBR")?.count).toBe(3);
    const hrd = facets.theme.find((t) => t.value === "uhri:h1");
    expect(hrd?.label).toBe("Human rights defenders");
    const check = await listRecommendations(query("position=noted&cycle=3&theme=uhri:h1"));
    expect(hrd?.count).toBe(check.total);
    expect(facets.affected.find((a) => a.value === "human-rights-defenders")?.count).toBeGreaterThan(0);
  });

  it("searches phrases, exclusions and alternatives with English stemming, ranked and highlighted", async () => {
    const phrase = await listRecommendations(query(`q="death penalty"&pageSize=200`));
    expect(phrase.total).toBeGreaterThan(20);
    expect(phrase.items.every((r) => /death penalty|capital punishment/i.test(r.text))).toBe(true);
    const exact = await listRecommendations(query(`q="death penalty"&variants=off&pageSize=200`));
    expect(exact.items.every((r) => /death penalty/i.test(r.text))).toBe(true);
    expect(phrase.items[0]?.highlight?.some((s) => s.match && /death/i.test(s.text))).toBe(true);

    const without = await listRecommendations(query(`q="death penalty" -abolish&pageSize=200`));
    expect(without.total).toBeLessThan(phrase.total);
    expect(without.items.some((r) => /\babolish(ed|ing)?\b/i.test(r.text))).toBe(false);

    const either = await listRecommendations(query("q=ICCPR OR covenant&pageSize=200"));
    expect(either.items.every((r) => /iccpr|covenant/i.test(r.text))).toBe(true);
    const stemmed = await listRecommendations(query("q=ratifying"));
    expect(stemmed.total).toBeGreaterThan(30);
    expect(stemmed.items.some((r) => /\bratif(y|ied|ication)\b/i.test(r.text))).toBe(true);
  });
});
