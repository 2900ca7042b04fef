import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import enExplorer from "@/lib/i18n/messages/en/explorer.json";
import enTerms from "@/lib/i18n/messages/en/terms.json";
import zhExplorer from "@/lib/i18n/messages/zh/explorer.json";
import zhTerms from "@/lib/i18n/messages/zh/terms.json";
import type { TermsTranslator } from "@/lib/cycles/label";
import { countryName } from "@/lib/i18n/countries";
import { FILTER_KEYS, parseExplorerSearch, type FilterKey } from "@/lib/search-params";
import { activeFilters, chipParts, type LabelSources } from "./chips";

type Locale = "en" | "zh";

function terms(locale: Locale): TermsTranslator {
  const t = createTranslator({ locale, messages: { terms: locale === "en" ? enTerms : zhTerms }, namespace: "terms" });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
}

/** The names a page would have loaded: a theme, an affected group and a review. */
const THEMES: Record<string, string> = { "uhri:a12": "A12 Acceptance of international norms", "affected:women": "women" };

function sources(locale: Locale, extra: Partial<LabelSources> = {}): LabelSources {
  return {
    terms: terms(locale),
    country: (iso3) => countryName(iso3, locale),
    theme: (slug) => THEMES[slug],
    review: (id) => (id === "7" ? (locale === "en" ? "China · 2018 (3rd cycle)" : "中国 · 2018年（第三轮）") : undefined),
    cycleYears: (cycle) => (cycle === 3 ? 2018 : null),
    ...extra,
  };
}

/** One value of every filter kind, and the chip it makes in each language. */
const EXPECTED: Record<Exclude<FilterKey, "statusOf">, { value: string; en: string; zh: string }> = {
  review: { value: "7", en: "Review: China · 2018 (3rd cycle)", zh: "审议：中国 · 2018年（第三轮）" },
  cycle: { value: "3", en: "Cycle: 2018 (3rd cycle)", zh: "轮次：2018年（第三轮）" },
  sur: { value: "CHN", en: "State under review: China", zh: "受审议国：中国" },
  state: { value: "FRA", en: "Recommended by: France", zh: "建议提出国：法国" },
  region: { value: "weog", en: "Region: Western European and Others Group (WEOG)", zh: "区域组：西欧和其他国家组" },
  theme: { value: "uhri:a12", en: "Theme: A12 Acceptance of international norms", zh: "主题：A12 Acceptance of international norms" },
  affected: { value: "affected:women", en: "Affected persons: women", zh: "受影响群体：women" },
  position: { value: "noted", en: "Position: Noted", zh: "立场：注意到" },
  wording: { value: "accepted", en: "Wording: accepted", zh: "措辞：接受" },
  action: { value: "5", en: "Action: 5 · Specific action", zh: "行动类别：5 · 具体行动" },
  status: { value: "partially_implemented", en: "Status: Partially implemented", zh: "执行情况：部分执行" },
  recurring: { value: "earlier", en: "Recurring: Recommended before (in an earlier cycle)", zh: "重复提出：此前已提出（较早一轮）" },
  finding: { value: "contradicts", en: "UN findings: Contradicted by a UN body", zh: "联合国调查结论：与联合国机构的结论相矛盾" },
  body: { value: "CERD", en: "UN body: CERD", zh: "联合国机构：CERD" },
  q: { value: "torture", en: "Search: torture", zh: "搜索：torture" },
  variants: { value: "off", en: "Spelling variants: off (exact words only)", zh: "拼法变体：关闭（只检索原词）" },
};

const chip = (locale: Locale, key: FilterKey, value: string, extra?: Partial<LabelSources>) => {
  const parts = chipParts({ key, value }, sources(locale, extra));
  const template = (locale === "en" ? enExplorer : zhExplorer).activeFilters.chip;
  return template.replace("{name}", parts.name).replace("{value}", parts.value);
};

describe("chipParts", () => {
  it("covers every filter kind", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(FILTER_KEYS.filter((key) => key !== "statusOf").sort());
  });

  it.each(Object.entries(EXPECTED))("names %s in English", (key, { value, en }) => {
    expect(chip("en", key as FilterKey, value)).toBe(en);
  });

  it.each(Object.entries(EXPECTED))("names %s in Chinese, never by its key or slug", (key, { value, zh }) => {
    const shown = chip("zh", key as FilterKey, value);
    expect(shown).toBe(zh);
    expect(shown).not.toContain(`${key}:`);
    expect(shown).toMatch(/[\u4e00-\u9fff]/);
    if (!["q", "theme", "affected", "body"].includes(key)) expect(shown.split("：")[1]).not.toBe(value);
  });

  it("says whose statuses the status filter reads", () => {
    expect(chip("en", "status", "regressed", { myStatus: "My organisation's status" })).toBe("My organisation's status: Regressed");
  });

  it("shows a slug or id it cannot name as it is, rather than nothing", () => {
    expect(chip("en", "theme", "uhri:zz9")).toBe("Theme: uhri:zz9");
    expect(chip("en", "review", "99")).toBe("Review: 99");
  });
});

describe("activeFilters", () => {
  it("lists each value in force, leaving out statusOf and spelling variants that are on", () => {
    const { query } = parseExplorerSearch({ cycle: "3", position: "noted,supported", q: "torture", statusOf: "public", theme: "uhri:a12" });
    expect(activeFilters(query)).toEqual([
      { key: "cycle", value: "3" },
      { key: "theme", value: "uhri:a12" },
      { key: "position", value: "noted" },
      { key: "position", value: "supported" },
      { key: "q", value: "torture" },
    ]);
    expect(activeFilters(parseExplorerSearch({ variants: "off" }).query)).toEqual([{ key: "variants", value: "off" }]);
    expect(activeFilters(parseExplorerSearch({}).query)).toEqual([]);
  });
});
