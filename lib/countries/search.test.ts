import { describe, expect, it } from "vitest";
import { rankName, rankStateKeys, searchKey } from "./name-search";
import { searchStateNames, stateSearchKeys } from "./search";
import { SEARCH_NAMES } from "./search-names";

const first = (text: string, locale = "en") => searchStateNames(text, locale)[0]?.iso3;

describe("searchKey", () => {
  it("drops marks, dots, apostrophes and case, and keeps Chinese", () => {
    expect(searchKey("Türkiye")).toBe("turkiye");
    expect(searchKey("U.S.A.")).toBe("usa");
    expect(searchKey("Côte d’Ivoire")).toBe("cote divoire");
    expect(searchKey("  Korea, Republic of ")).toBe("korea republic of");
    expect(searchKey("Bosnia & Herzegovina")).toBe("bosnia and herzegovina");
    expect(searchKey("刚果（金）")).toBe("刚果 金");
  });
});

describe("rankName", () => {
  it("ranks an equal name, then a name that starts with the text, then a later word", () => {
    expect(rankName("uk", "uk")).toBe(0);
    expect(rankName("uk", "ukraine")).toBe(1);
    expect(rankName("korea", "republic of korea")).toBe(2);
    expect(rankName("orea", "republic of korea")).toBeNull();
    expect(rankName("韩", "大韩民国")).toBe(2);
  });

  it("matches a code only in full", () => {
    expect(rankStateKeys("gbr", { names: ["united kingdom"], exact: ["gbr"] })).toBe(0);
    expect(rankStateKeys("gb", { names: ["united kingdom"], exact: ["gbr"] })).toBeNull();
  });
});

describe("searchStateNames", () => {
  it.each([
    ["UK", "GBR"], ["United King", "GBR"], ["Great Britain", "GBR"], ["USA", "USA"], ["US", "USA"], ["U.S.", "USA"],
    ["DPRK", "PRK"], ["North Korea", "PRK"], ["ROK", "KOR"], ["South Korea", "KOR"], ["Türkiye", "TUR"], ["Turkey", "TUR"],
    ["Turkiye", "TUR"], ["Russia", "RUS"], ["Iran", "IRN"], ["Syria", "SYR"], ["Vietnam", "VNM"], ["Viet Nam", "VNM"],
    ["Laos", "LAO"], ["Lao PDR", "LAO"], ["Bolivia", "BOL"], ["Venezuela", "VEN"], ["Tanzania", "TZA"], ["Moldova", "MDA"],
    ["Czechia", "CZE"], ["Czech Republic", "CZE"], ["Holy See", "VAT"], ["Vatican", "VAT"], ["Palestine", "PSE"],
    ["Burma", "MMR"], ["Ivory Coast", "CIV"], ["Swaziland", "SWZ"], ["DRC", "COD"], ["Congo", "COG"], ["UAE", "ARE"],
    ["PRC", "CHN"], ["chn", "CHN"],
  ])("%s is %s", (text, iso3) => {
    expect(first(text)).toBe(iso3);
  });

  it.each([
    ["英国", "GBR"], ["美国", "USA"], ["朝鲜", "PRK"], ["北朝鲜", "PRK"], ["韩国", "KOR"], ["大韩民国", "KOR"], ["俄罗斯", "RUS"],
    ["土耳其", "TUR"], ["伊朗", "IRN"], ["叙利亚", "SYR"], ["越南", "VNM"], ["老挝", "LAO"], ["教廷", "VAT"], ["梵蒂冈", "VAT"],
    ["巴勒斯坦", "PSE"], ["中国", "CHN"],
  ])("%s is %s on /zh", (text, iso3) => {
    expect(first(text, "zh")).toBe(iso3);
  });

  it("puts the United Kingdom before Ukraine for UK, and says which name matched", () => {
    expect(searchStateNames("UK", "en").slice(0, 2)).toEqual([
      { iso3: "GBR", rank: 0, matched: "UK" },
      { iso3: "UKR", rank: 1, matched: null },
    ]);
    expect(searchStateNames("Türkiye", "en")[0]?.matched).toBeNull();
    expect(searchStateNames("朝鲜", "zh")[0]).toEqual({ iso3: "PRK", rank: 0, matched: null });
  });

  it("finds both Koreas for a part of their name, and never Switzerland for ch", () => {
    expect(searchStateNames("kore", "en").map((m) => m.iso3).sort()).toEqual(["KOR", "PRK"]);
    expect(searchStateNames("ch", "en").map((m) => m.iso3)).not.toContain("CHE");
  });

  it("matches nothing for empty or punctuation-only text", () => {
    expect(searchStateNames("", "en")).toEqual([]);
    expect(searchStateNames("%_.", "en")).toEqual([]);
  });

  it("finds every entry of the documented table first", () => {
    for (const { name, iso3 } of SEARCH_NAMES) expect(first(name, "zh"), name).toBe(iso3);
  });

  it("gives a client the same keys to filter a list with", () => {
    const keys = stateSearchKeys("GBR");
    expect(rankStateKeys(searchKey("UK"), keys)).toBe(0);
    expect(rankStateKeys(searchKey("英国"), keys)).toBe(0);
    expect(rankStateKeys(searchKey("gbr"), keys)).toBe(0);
    expect(stateSearchKeys("XXX")).toEqual({ names: [], exact: [] });
  });
});
