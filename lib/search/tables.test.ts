import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSearch } from "./index";
import { variantKey } from "./expand";
import { HAN, SEARCH_GLOSSARY, segmentGlossary } from "./glossary";
import { quoteLexeme } from "./tsquery";
import { VARIANT_GROUPS } from "./variants";

/**
 * A form of the variant table or an English form of the glossary: words of letters and digits with the punctuation
 * names carry (hyphen, apostrophe, comma, full stop, plus); no search syntax, no Chinese, no stray spaces, so that it
 * searches as itself. The reason it is not, or null.
 */
function formProblem(form: string): string | null {
  if (!form) return "empty";
  if (form !== form.trim() || /\s{2,}/u.test(form)) return "stray spaces";
  if (HAN.test(form)) return "Chinese";
  if (/["*!&|()<\\]/u.test(form)) return "search syntax";
  if (/^-|\s-/u.test(form)) return "a leading -";
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\s'’,.+-]*$/u.test(form)) return "unexpected characters";
  return null;
}

const lower = (text: string) => text.toLowerCase();

describe("the spelling-variant table", () => {
  it("has well-formed groups: two forms or more, each well-formed, and a note", () => {
    for (const group of VARIANT_GROUPS) {
      expect(group.forms.length, group.forms.join("/")).toBeGreaterThanOrEqual(2);
      expect(group.note.trim().length, group.forms.join("/")).toBeGreaterThan(10);
      for (const form of group.forms) expect(formProblem(form), form).toBeNull();
    }
  });

  it("has no form twice, within a group or across groups (as the search compares them)", () => {
    const forms = VARIANT_GROUPS.flatMap((group) => group.forms.map(lower));
    expect(forms.filter((form, i) => forms.indexOf(form) !== i)).toEqual([]);
    const keyOwner = new Map<string, number>();
    VARIANT_GROUPS.forEach((group, index) =>
      group.forms.forEach((form) => {
        const owner = keyOwner.get(variantKey(form));
        expect(owner === undefined || owner === index, `${form} is in two groups`).toBe(true);
        keyOwner.set(variantKey(form), index);
      }),
    );
  });

  it("round trip: searching any form finds every other form of its group, and only that with variants off", () => {
    for (const group of VARIANT_GROUPS) {
      for (const form of group.forms) {
        const others = group.forms.filter((other) => other !== form);
        const widened = compileSearch(`"${form}"`);
        expect(widened.variants.map((v) => v.form), form).toEqual(others);
        expect(widened.tsquery, form).toBe([form, ...others].map(quoteLexeme).join(" | "));
        expect(compileSearch(`"${form}"`, "off")).toMatchObject({ tsquery: quoteLexeme(form), variants: [] });
      }
    }
  });

  it("matches plurals and other cases of a form, and words typed side by side", () => {
    expect(compileSearch("uighurs").variants.map((v) => v.form)).toEqual(["Uyghur", "Uighur", "Uygur", "Uigur"]);
    expect(compileSearch("TIBETANS").variants.map((v) => v.form)).toEqual(["Tibet", "Tibetan"]);
    expect(compileSearch("human rights defenders").tsquery).toBe("'human' & 'rights' & 'defenders' | 'HRD' | 'HRDs'");
    expect(compileSearch("abolish death penalty").tsquery).toBe("'abolish' & ( 'death' & 'penalty' | 'capital punishment' )");
  });
});

describe("the Chinese search glossary", () => {
  const file = path.join(import.meta.dirname, "../i18n/search-glossary/zh.json");

  it("has at least 40 entries, among them the places, groups and terms a reader searches for", () => {
    expect(Object.keys(SEARCH_GLOSSARY).length).toBeGreaterThanOrEqual(40);
    const needed = ["新疆", "西藏", "香港", "澳门", "维吾尔", "藏族", "死刑", "人权捍卫者", "酷刑", "少数民族", "宗教自由", "新闻自由", "律师", "法轮功"];
    expect(needed.filter((term) => !SEARCH_GLOSSARY[term])).toEqual([]);
  });

  it("has Chinese keys only once each, and well-formed English forms, none twice in an entry", () => {
    const keys = [...fs.readFileSync(file, "utf8").matchAll(/^\s*"([^"]+)"\s*:/gmu)].map((m) => m[1]);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    for (const [key, english] of Object.entries(SEARCH_GLOSSARY)) {
      expect(/^\p{Script=Han}+$/u.test(key), key).toBe(true);
      expect(english.length, key).toBeGreaterThan(0);
      expect(new Set(english.map(lower)).size, key).toBe(english.length);
      for (const form of english) expect(formProblem(form), `${key}: ${form}`).toBeNull();
    }
  });

  it("round trip: each term alone is searched as its English forms, and nothing is left untranslated", () => {
    for (const [key, english] of Object.entries(SEARCH_GLOSSARY)) {
      const compiled = compileSearch(key, "off");
      expect(compiled.translations, key).toEqual([{ source: key, english }]);
      expect(compiled.untranslated, key).toEqual([]);
      expect(compiled.tsquery, key).toBe(english.map(quoteLexeme).join(" | "));
    }
  });

  it("splits Chinese text by the longest term, drops joining words and reports what it does not know", () => {
    expect(segmentGlossary("新疆维吾尔自治区")).toEqual([{ kind: "term", source: "新疆维吾尔自治区", english: ["Xinjiang"] }]);
    expect(segmentGlossary("关于新疆的拘留").map((s) => (s.kind === "text" ? s.text : s.source))).toEqual(["新疆", "拘留"]);
    expect(segmentGlossary("新疆某某地方")).toEqual([{ kind: "term", source: "新疆", english: ["Xinjiang"] }, { kind: "unknown", source: "某某地方" }]);
    expect(segmentGlossary("Tibet西藏")).toEqual([{ kind: "text", text: "Tibet" }, { kind: "term", source: "西藏", english: ["Tibet"] }]);
  });

  it("searches mixed queries, with the English forms' own variants", () => {
    expect(compileSearch("新疆 detention").tsquery).toBe("( 'Xinjiang' | 'XUAR' | 'Sinkiang' ) & 'detention'");
    expect(compileSearch("维吾尔", "off").tsquery).toBe("'Uyghur'");
    expect(compileSearch('"新疆 detention"')).toMatchObject({ tsquery: "'Xinjiang  detention'", variants: [], translations: [{ source: "新疆", english: ["Xinjiang"] }] });
    expect(compileSearch("某某")).toMatchObject({ tsquery: "'某某'", translations: [], untranslated: ["某某"] });
  });
});
