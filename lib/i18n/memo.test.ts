import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import enCommon from "@/lib/i18n/messages/en/common.json";
import enSheet from "@/lib/i18n/messages/en/statusSheet.json";
import enTerms from "@/lib/i18n/messages/en/terms.json";
import zhCommon from "@/lib/i18n/messages/zh/common.json";
import zhSheet from "@/lib/i18n/messages/zh/statusSheet.json";
import zhTerms from "@/lib/i18n/messages/zh/terms.json";
import { memoOne, memoTranslator, slotTranslator, type PlainTranslator } from "./memo";

const CATALOGUES = { en: { common: enCommon, statusSheet: enSheet, terms: enTerms }, zh: { common: zhCommon, statusSheet: zhSheet, terms: zhTerms } } as const;

function translator(locale: "en" | "zh", namespace: "common.choice" | "statusSheet" | "terms"): PlainTranslator {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace }) as unknown as PlainTranslator;
}

/** Texts a State's name or a label could hold that mean something to ICU or to String.replace. */
const TEXTS = ["China", "Côte d'Ivoire", "Korea (Democratic People's Republic of)", "{state}", "# 1", "$& $1 $$", "中国", ""];

describe.each(["en", "zh"] as const)("%s", (locale) => {
  it("memoTranslator says what the translator says, asking it once per key and values", () => {
    const terms = translator(locale, "terms");
    const calls: string[] = [];
    const counting = Object.assign((key: string, values?: Record<string, string | number>) => (calls.push(key), terms(key, values)), { has: (key: string) => terms.has(key) });
    const memo = memoTranslator(counting);
    for (let round = 0; round < 3; round++) {
      expect(memo("cycle.3")).toBe(terms("cycle.3"));
      expect(memo("cycleWithYear", { cycle: "x", year: "2018" })).toBe(terms("cycleWithYear", { cycle: "x", year: "2018" }));
      expect(memo("cycleWithYear", { cycle: "x", year: "2019" })).toBe(terms("cycleWithYear", { cycle: "x", year: "2019" }));
    }
    expect(calls).toEqual(["cycle.3", "cycleWithYear", "cycleWithYear"]);
    expect(memo.has("cycle.3")).toBe(true);
    expect(memo.has("cycle.99")).toBe(false);
  });

  it("slotTranslator gives the review label and option the translator gives, for any State's name or label", () => {
    const sheet = translator(locale, "statusSheet");
    const choice = translator(locale, "common.choice");
    const sheetSlots = slotTranslator(sheet);
    const choiceSlots = slotTranslator(choice);
    for (const text of TEXTS) {
      for (const cycle of ["2018 (3rd cycle)", "1st cycle"]) {
        expect(sheetSlots("reviewLabel", { state: text, cycle }, ["state"])).toBe(sheet("reviewLabel", { state: text, cycle }));
      }
      for (const count of [0, 1, 2, 346, 1234]) {
        expect(choiceSlots("reviewOption", { review: text, count }, ["review"])).toBe(choice("reviewOption", { review: text, count }));
      }
    }
  });
});

it("memoOne computes once per argument", () => {
  let calls = 0;
  const twice = memoOne((n: number) => (calls++, n * 2));
  expect([twice(1), twice(2), twice(1), twice(2)]).toEqual([2, 4, 2, 4]);
  expect(calls).toBe(2);
});
