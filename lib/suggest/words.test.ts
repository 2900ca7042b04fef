import { createFormatter, createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import type { Suggestions } from "./types";
import { searchOptionText, suggestBoxWords, wordSuggestions, type FinderTranslate } from "./words";

async function finder(locale: "en" | "zh") {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "finder" }) as unknown as FinderTranslate;
  const format = createFormatter({ locale });
  return { t, list: (names: string[]) => format.list(names) };
}

const found: Suggestions = {
  options: [
    { kind: "reviewed", iso3: "GBR", name: "United Kingdom", matched: "UK", count: 1, href: "/recommendations?sur=GBR" },
    { kind: "recommending", iso3: "GBR", name: "United Kingdom", matched: null, count: 12, href: "/recommendations?state=GBR" },
    { kind: "theme", name: "Torture", schemes: [{ scheme: "UHRI_CODED", code: "D25" }, { scheme: "UPR_INFO_ISSUE", code: null }], count: 3, href: "/recommendations?theme=uhri:d25" },
  ],
  empty: [
    { iso3: "PRK", name: "North Korea" },
    { iso3: "KOR", name: "South Korea" },
  ],
  search: { text: "uk", href: "/recommendations?q=uk" },
};

describe("the words of Find a State or theme, worded on the server", () => {
  it("give each option its name and detail lines, and the answer its notes, in English", async () => {
    const { t, list } = await finder("en");
    const worded = wordSuggestions(found, t, list);
    expect(worded.options.map(({ label, detail }) => [label, detail])).toEqual([
      ["Recommendations to United Kingdom (UK), as State under review", "1 recommendation"],
      ["Recommendations made by United Kingdom", "12 recommendations"],
      ["Torture", "OHCHR theme D25 · UPR Info issue · 3 recommendations"],
    ]);
    // The data the combobox acts on is kept as it was.
    expect(worded.options.map((option) => option.href)).toEqual(found.options.map((option) => option.href));
    expect(worded.notes).toEqual({
      nothing: null,
      empty: "North Korea and South Korea: no recommendation made or received within the current filters.",
      status: "3 States and themes; the last option searches the texts.",
    });
  });

  it("say that nothing matches, in Chinese", async () => {
    const { t, list } = await finder("zh");
    const worded = wordSuggestions({ options: [], empty: [], search: { text: "xyz", href: "/recommendations?q=xyz" } }, t, list);
    expect(worded.options).toEqual([]);
    expect(worded.notes.nothing).toContain("xyz");
    expect(worded.notes.nothing).not.toBe(worded.notes.status);
    expect(worded.notes.empty).toBeNull();
    const zh = wordSuggestions(found, t, list);
    expect(zh.options[1]!.detail).toMatch(/12/);
    expect(zh.options[1]!.label).not.toContain("Recommendations");
  });

  it("put what was typed inside the search option's text, in both languages", async () => {
    for (const locale of ["en", "zh"] as const) {
      const { t } = await finder(locale);
      const words = suggestBoxWords(t);
      expect(searchOptionText(words, "Uighur")).toBe(t("suggest.search", { text: "Uighur" }));
      expect(words.search.join("")).not.toContain("Uighur");
      expect(words.label).toBe(t("suggest.label"));
    }
  });
});
