import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import enTerms from "@/lib/i18n/messages/en/terms.json";
import zhTerms from "@/lib/i18n/messages/zh/terms.json";
import type { TermsTranslator } from "@/lib/cycles/label";
import { contentDisposition } from "@/lib/http/content-disposition";
import { countryName } from "@/lib/i18n/countries";
import { parseExplorerSearch } from "@/lib/search-params";
import type { LabelSources } from "./chips";
import { filterGroups, readableFileName } from "./groups";

type Locale = "en" | "zh";

function sources(locale: Locale): LabelSources {
  const t = createTranslator({ locale, messages: { terms: locale === "en" ? enTerms : zhTerms }, namespace: "terms" });
  const terms = Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) }) as TermsTranslator;
  return { terms, country: (iso3) => countryName(iso3, locale), theme: (slug) => (slug === "uhri:a12" ? "A12 Acceptance of international norms" : undefined), cycleYears: (cycle) => (cycle === 3 ? 2018 : null) };
}

const query = (raw: Record<string, string>) => parseExplorerSearch(raw).query;

describe("filterGroups", () => {
  it("names each filter and its values in the reader's language, the State under review first and the recommending States last", () => {
    const q = query({ state: "FRA,GBR", theme: "uhri:a12", cycle: "3", sur: "CHN", position: "noted" });
    expect(filterGroups(q, sources("en")).map((g) => [g.name, g.values])).toEqual([
      ["State under review", ["China"]],
      ["Cycle", ["2018 (3rd cycle)"]],
      ["Theme", ["A12 Acceptance of international norms"]],
      ["Position", ["Noted"]],
      ["Recommended by", ["France", "United Kingdom of Great Britain and Northern Ireland"]],
    ]);
    const zh = filterGroups(q, sources("zh"));
    expect(zh[0]).toMatchObject({ name: "受审议国", values: ["中国"] });
    expect(zh.at(-1)?.values).toEqual(["法国", "英国"]);
    // Never a slug or a key.
    expect(JSON.stringify(filterGroups(q, sources("en")))).not.toMatch(/uhri:|"CHN"|"noted"/);
  });

  it("is empty without filters", () => {
    expect(filterGroups(query({}), sources("en"))).toEqual([]);
  });
});

describe("readableFileName and contentDisposition", () => {
  const day = new Date("2026-12-06T10:00:00Z");

  it("writes a name a file system takes, cut with an ellipsis when the filters run long", () => {
    expect(readableFileName("UPR recommendations", ["Cycle: 2018", "Theme: A/B"], day, "csv")).toBe("UPR recommendations – Cycle 2018; Theme A B – 2026-12-06.csv");
    expect(readableFileName("UPR recommendations", [], day, "csv")).toBe("UPR recommendations – 2026-12-06.csv");
    const long = readableFileName("UPR recommendations", [`Recommended by: ${"Ruritania, ".repeat(40)}`], day, "csv");
    expect(long.length).toBeLessThan(200);
    expect(long).toMatch(/… – 2026-12-06\.csv$/);
  });

  it("sends the name in UTF-8 with an ASCII fallback", () => {
    const header = contentDisposition("UPR 建议 – 中国 – 2026-12-06.csv", { fallback: "upr-recommendations-sur-chn-2026-12-06.csv" });
    expect(header).toBe(`attachment; filename="upr-recommendations-sur-chn-2026-12-06.csv"; filename*=UTF-8''${encodeURIComponent("UPR 建议 – 中国 – 2026-12-06.csv")}`);
    expect(contentDisposition("中国.csv")).toBe(`attachment; filename="download.csv"; filename*=UTF-8''${encodeURIComponent("中国.csv")}`);
    expect(contentDisposition("a (b) 'c'.docx", { type: "inline" })).toBe(`inline; filename="a (b) 'c'.docx"; filename*=UTF-8''a%20%28b%29%20%27c%27.docx`);
  });
});
