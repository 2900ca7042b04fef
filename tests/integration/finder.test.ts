import { describe, expect, it } from "vitest";
import { GET as suggestGet } from "@/app/api/suggest/route";
import { parseExplorerSearch } from "@/lib/search-params";
import { listRecommendations } from "@/lib/server/recommendations";
import { suggestFilters } from "@/lib/server/suggest";
import { currentFilters } from "@/lib/suggest/href";
import type { Suggestions, WordedSuggestions } from "@/lib/suggest/types";
import { withSeededDatabase } from "../helpers/test-database";

/** "Find a State or theme" on the shipped China data: names people type, one entry per theme, no dead links. */

withSeededDatabase();

const totalOf = async (href: string): Promise<number> => {
  const params = new URL(href, "http://localhost").searchParams;
  const raw: Record<string, string[]> = {};
  for (const [key, value] of params) (raw[key] ??= []).push(value);
  return (await listRecommendations(parseExplorerSearch(raw).query)).total;
};

const suggest = (text: string, filters = "", locale: "en" | "zh" = "en"): Promise<Suggestions> => suggestFilters(text, currentFilters(filters), locale);
const states = (found: Suggestions) => found.options.filter((o) => "iso3" in o);
const themes = (found: Suggestions) => found.options.filter((o) => !("iso3" in o));

describe("names people type for a State", () => {
  it.each([
    ["UK", "GBR"],
    ["USA", "USA"],
    ["US", "USA"],
    ["DPRK", "PRK"],
    ["North Korea", "PRK"],
    ["ROK", "KOR"],
    ["South Korea", "KOR"],
    ["Russia", "RUS"],
    ["Iran", "IRN"],
    ["Syria", "SYR"],
    ["Vietnam", "VNM"],
    ["Viet Nam", "VNM"],
    ["Laos", "LAO"],
    ["Bolivia", "BOL"],
    ["Venezuela", "VEN"],
    ["Tanzania", "TZA"],
    ["Moldova", "MDA"],
    ["Czechia", "CZE"],
    ["Czech Republic", "CZE"],
    ["Palestine", "PSE"],
    ["KSA", "SAU"],
    ["GBR", "GBR"],
  ])("%s finds %s first", async (text, iso3) => {
    const [first] = states(await suggest(text));
    expect(first).toMatchObject({ kind: "recommending", iso3 });
    expect(first?.href).toBe(`/recommendations?state=${iso3}`);
  });

  it("says which named States have nothing here instead of offering them (Türkiye, the Holy See made no recommendation to China)", async () => {
    for (const [text, name] of [["Turkey", "Türkiye"], ["Türkiye", "Türkiye"], ["Holy See", "Holy See"], ["Vatican", "Holy See"]] as const) {
      const found = await suggest(text);
      expect(states(found), text).toEqual([]);
      expect(found.empty.map((s) => s.name), text).toEqual([name]);
    }
  });

  it("shows the name that matched beside the State's own, and UK before Ukraine", async () => {
    const found = states(await suggest("UK"));
    expect(found.map((o) => [o.iso3, o.matched])).toEqual([
      ["GBR", "UK"],
      ["UKR", null],
    ]);
    expect(found[0]?.name).toBe("United Kingdom of Great Britain and Northern Ireland");
  });

  it("offers a State under review as sur= and only where it was reviewed: China, never the United Kingdom", async () => {
    const china = states(await suggest("China"));
    expect(china).toEqual([{ kind: "reviewed", iso3: "CHN", name: "China", matched: null, count: 735, href: "/recommendations?sur=CHN" }]);
    expect(states(await suggest("United Kingdom")).map((o) => o.kind)).toEqual(["recommending"]);
  });

  it("finds States by their Chinese names on /zh and names them in Chinese", async () => {
    for (const [text, iso3, name] of [["英国", "GBR", "英国"], ["美国", "USA", "美国"], ["朝鲜", "PRK", "朝鲜"], ["韩国", "KOR", "韩国"], ["大韩民国", "KOR", "韩国"], ["中国", "CHN", "中国"], ["UK", "GBR", "英国"]] as const) {
      const [first] = states(await suggest(text, "", "zh"));
      expect(first, text).toMatchObject({ iso3, name });
    }
  });
});

describe("themes", () => {
  it("offers Death penalty once, with both schemes and the count of either", async () => {
    const found = themes(await suggest("Death penalty"));
    expect(found).toEqual([
      {
        kind: "theme",
        name: "Death penalty",
        schemes: [
          { scheme: "UHRI_CODED", code: "D23" },
          { scheme: "UPR_INFO_ISSUE", code: null },
        ],
        count: 41,
        href: "/recommendations?theme=uhri:d23,upr-info:death-penalty",
      },
    ]);
  });

  it("within the 3rd cycle, offers only the scheme that has rows there (the 1st-cycle one gave 0)", async () => {
    const [deathPenalty] = themes(await suggest("death", "cycle=3"));
    expect(deathPenalty).toMatchObject({ schemes: [{ scheme: "UHRI_CODED", code: "D23" }], count: 14, href: "/recommendations?cycle=3&theme=uhri:d23" });
    const [inCycle1] = themes(await suggest("death", "cycle=1"));
    expect(inCycle1).toMatchObject({ schemes: [{ scheme: "UPR_INFO_ISSUE", code: null }], count: 16 });
  });

  it("never shows two entries that read the same", async () => {
    for (const text of ["human", "freedom", "migrants", "racial", "impunity", "enforced", "d"]) {
      const labels = themes(await suggest(text)).map((o) => `${o.kind}:${o.name.toLowerCase()}`);
      expect(new Set(labels).size, text).toBe(labels.length);
    }
  });
});

describe("no dead links", () => {
  const QUERIES = ["UK", "kor", "United", "China", "death", "torture", "human rights defenders", "A12", "women", "children", "uig", "S", "ti"];
  const CONTEXTS = ["", "cycle=1", "cycle=3&position=noted", "theme=uhri:d23", "state=FRA&cycle=2", "sur=CHN&q=torture", "region=weog&action=5", "page=3&cycle=3"];

  it("every option opens a non-empty explorer whose total is the option's count (or more, where it widens a chosen filter)", async () => {
    let checked = 0;
    for (const context of CONTEXTS) {
      const chosen = currentFilters(context);
      for (const text of QUERIES) {
        for (const option of (await suggest(text, context)).options) {
          const total = await totalOf(option.href);
          const key = new URL(option.href, "http://localhost").searchParams;
          expect(key.has("page"), option.href).toBe(false);
          expect(option.count, `${context} / ${text} / ${option.href}`).toBeGreaterThan(0);
          const widens = option.kind === "recommending" ? chosen.has("state") : option.kind === "reviewed" ? chosen.has("sur") : chosen.has(option.kind);
          if (widens) expect(total, option.href).toBeGreaterThanOrEqual(option.count);
          else expect(total, option.href).toBe(option.count);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("ends with a search of the texts that keeps the filters and replaces the previous search", async () => {
    const found = await suggest("Uighur", "cycle=3&q=torture&page=2");
    expect(found.search).toEqual({ text: "Uighur", href: "/recommendations?cycle=3&q=Uighur" });
    expect(found.options).toEqual([]);
  });
});

describe("GET /api/suggest", () => {
  const get = (query: string) => suggestGet(new Request(`http://localhost/api/suggest?${query}`));

  it("answers within the filters it is given, names in the language asked", async () => {
    const response = await get(`q=${encodeURIComponent("英国")}&lang=zh&filters=${encodeURIComponent("cycle=3")}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as WordedSuggestions;
    expect(body.options[0]).toMatchObject({ iso3: "GBR", name: "英国", count: 3, href: "/recommendations?cycle=3&state=GBR" });
  });

  it("words each option and the notes in the language asked, so the browser formats no message", async () => {
    for (const [lang, made, count] of [["en", "Recommendations made by United Kingdom", "3 recommendations"], ["zh", "英国", "3"]] as const) {
      const body = (await (await get(`q=uk&lang=${lang}&filters=${encodeURIComponent("cycle=3")}`)).json()) as WordedSuggestions;
      const byState = body.options.find((option) => option.kind === "recommending")!;
      expect(byState.label).toContain(made);
      expect(byState.detail).toContain(count);
      expect(body.notes.status).toContain(String(body.options.length));
      expect(body.notes.nothing).toBeNull();
    }
    const none = (await (await get("q=qqqzzz")).json()) as WordedSuggestions;
    expect(none.notes.nothing).toBe("No State or theme with recommendations here matches “qqqzzz”.");
  });

  it("refuses an unknown language or an overlong text, naming the field", async () => {
    for (const [query, field] of [["q=kor&lang=fr", "lang"], [`q=${"x".repeat(61)}`, "q"]]) {
      const response = await get(query!);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(field);
    }
  });

  it.each(["colour", "constructor", "toString", "__proto__"])("refuses the unknown parameter %s, naming it", async (name) => {
    const response = await get(`q=uk&${name}=x`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_parameters", issues: [{ code: "unrecognized_keys", keys: [name], message: `unknown parameter "${name}"` }] });
  });

  it("offers nothing but the search for an empty or odd text", async () => {
    for (const text of ["", "%", "_", "\\", "'; drop table"]) {
      const body = (await (await get(`q=${encodeURIComponent(text)}`)).json()) as Suggestions;
      expect(body.options, text).toEqual([]);
    }
  });
});
