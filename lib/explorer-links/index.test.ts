import { describe, expect, it } from "vitest";
import { parseExplorerSearch, type RecommendationQuery } from "@/lib/search-params";
import { compareHref, explorerHref, exportHref, hiddenEntries, withoutValueHref } from "./index";

const query = (search: string): RecommendationQuery => {
  const raw: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) (raw[key] ??= []).push(value);
  return parseExplorerSearch(raw).query;
};

describe("hiddenEntries", () => {
  it("carries every filter the form draws no control for, with the sort and page size, never the page", () => {
    const q = query("review=3&cycle=3&sur=CHN&q=Xinjiang&sort=paragraph&pageSize=50&page=4");
    expect(hiddenEntries(q, { q: true })).toEqual([
      ["review", "3"],
      ["cycle", "3"],
      ["sur", "CHN"],
      ["sort", "paragraph"],
      ["pageSize", "50"],
    ]);
  });

  it("leaves to the form the values it draws, and carries the chosen values it does not", () => {
    const q = query("cycle=3&sur=CHN,FRA&theme=uhri:zz9,uhri:h1");
    expect(hiddenEntries(q, { cycle: ["3", "2"], sur: ["CHN"], theme: ["uhri:h1"] })).toEqual([
      ["sur", "FRA"],
      ["theme", "uhri:zz9"],
    ]);
  });

  it("carries statusOf unless the form offers the choice", () => {
    const q = { ...query("status=not_assessed"), statusOf: "mine" as const };
    expect(hiddenEntries(q, { status: ["not_assessed"] })).toEqual([["statusOf", "mine"]]);
    expect(hiddenEntries(q, { status: ["not_assessed"], statusOf: true })).toEqual([]);
  });
});

describe("links", () => {
  const q = query("cycle=3&sur=CHN&position=noted&q=Xinjiang&sort=paragraph&page=2");

  it("a chip removes its own value and keeps the others, at page 1", () => {
    expect(withoutValueHref(q, "position", "noted")).toBe("/recommendations?cycle=3&sur=CHN&q=Xinjiang&sort=paragraph");
    expect(withoutValueHref(q, "q", "Xinjiang")).toBe("/recommendations?cycle=3&sur=CHN&position=noted&sort=paragraph");
    expect(withoutValueHref(query("q=torture&cycle=3"), "q", "torture")).toBe("/recommendations?cycle=3");
  });

  it("pages, compare and the CSV carry the filters", () => {
    expect(explorerHref({ ...q, page: 3 })).toBe("/recommendations?cycle=3&sur=CHN&position=noted&q=Xinjiang&sort=paragraph&page=3");
    expect(compareHref(q)).toBe("/compare?cycle=3&sur=CHN&position=noted&q=Xinjiang");
    expect(exportHref(q, "en")).toBe("/api/recommendations.csv?cycle=3&sur=CHN&position=noted&q=Xinjiang&sort=paragraph");
    expect(exportHref(query(""), "zh")).toBe("/api/recommendations.csv?headers=zh");
  });
});
