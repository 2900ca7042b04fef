import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import enTerms from "@/lib/i18n/messages/en/terms.json";
import zhTerms from "@/lib/i18n/messages/zh/terms.json";
import { cycleLabel } from "./english";
import { cycleTerm, type TermsTranslator } from "./label";

function terms(locale: "en" | "zh"): TermsTranslator {
  const t = createTranslator({ locale, messages: { terms: locale === "en" ? enTerms : zhTerms }, namespace: "terms" });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
}

describe("cycleTerm", () => {
  it("puts the year first, in both languages", () => {
    expect(cycleTerm(terms("en"), 3, 2018)).toBe("2018 (3rd cycle)");
    expect(cycleTerm(terms("zh"), 3, 2018)).toBe("2018年（第三轮）");
  });

  it("gives the span of years when a cycle's reviews were held over several", () => {
    expect(cycleTerm(terms("en"), 3, { from: 2017, to: 2022 })).toBe("2017–2022 (3rd cycle)");
    expect(cycleTerm(terms("zh"), 3, { from: 2017, to: 2022 })).toBe("2017—2022年（第三轮）");
    expect(cycleTerm(terms("en"), 2, { from: 2013, to: 2013 })).toBe("2013 (2nd cycle)");
  });

  it("reads the cycle alone without a year, and an unknown cycle as its number", () => {
    expect(cycleTerm(terms("en"), 4)).toBe("4th cycle");
    expect(cycleTerm(terms("zh"), "4")).toBe("第四轮");
    expect(cycleTerm(terms("en"), 12)).toBe("12");
  });

  it("says the same in English outside a request (command line, stats labels)", () => {
    expect(cycleLabel(3, 2018)).toBe("2018 (3rd cycle)");
    expect(cycleLabel("1")).toBe("1st cycle");
    for (const cycle of [1, 2, 3, 4, 9, 12]) {
      for (const years of [null, 2018, { from: 2017, to: 2022 }]) expect(cycleLabel(cycle, years)).toBe(cycleTerm(terms("en"), cycle, years));
    }
  });
});
