import { describe, expect, it } from "vitest";
import { localeFromParams, pickRecommendationText, sameLanguage, textLanguageNote } from "./recommendation-text";

const published = { text: "Ratify the ICCPR", textLanguage: "en" };
const chinese = { language: "zh", text: "批准《公民权利和政治权利国际公约》" };

describe("pickRecommendationText", () => {
  it("shows the published text, with its language, when no official version is in the locale's language", () => {
    expect(pickRecommendationText(published, [], "zh")).toEqual({ text: "Ratify the ICCPR", language: "en", published: true });
    expect(pickRecommendationText(published, [{ language: "fr", text: "Ratifier" }], "zh").language).toBe("en");
  });

  it("shows the official version in the locale's language, and the published text in its own", () => {
    expect(pickRecommendationText(published, [chinese], "zh")).toEqual({ text: chinese.text, language: "zh", published: false });
    expect(pickRecommendationText(published, [chinese], "en")).toEqual({ text: "Ratify the ICCPR", language: "en", published: true });
  });

  it("matches on the primary language subtag", () => {
    expect(sameLanguage("zh-Hans", "zh")).toBe(true);
    expect(sameLanguage("EN", "en-GB")).toBe(true);
    expect(sameLanguage("zh", "en")).toBe(false);
    expect(pickRecommendationText(published, [{ language: "zh-Hans", text: "中文" }], "zh").language).toBe("zh-Hans");
  });
});

describe("textLanguageNote", () => {
  it("names the text's language only when it differs from the interface's", () => {
    expect(textLanguageNote("en", "zh")).toBe("Official text in English");
    expect(textLanguageNote("en", "en")).toBeNull();
    expect(textLanguageNote("zh-Hans", "zh")).toBeNull();
  });
});

describe("localeFromParams", () => {
  it("reads the [locale] segment and falls back to English where a route has none", () => {
    expect(localeFromParams({ locale: "zh", id: "3" })).toBe("zh");
    expect(localeFromParams({ id: "3" })).toBe("en");
    expect(localeFromParams(null)).toBe("en");
  });
});
