import { describe, expect, it } from "vitest";
import { COUNTRIES } from "@/lib/countries";
import { countryName, countryNames } from "./countries";

const HAN = /\p{Script=Han}/u;

describe("countryName", () => {
  it.each([
    ["CHN", "China", "中国"],
    ["GBR", "United Kingdom of Great Britain and Northern Ireland", "英国"],
    ["USA", "United States of America", "美国"],
    ["VEN", "Venezuela (Bolivarian Republic of)", "委内瑞拉"],
    ["TUR", "Türkiye", "土耳其"],
    ["PSE", "State of Palestine", "巴勒斯坦国"],
    ["VAT", "Holy See", "教廷"],
  ])("names %s in English and Chinese", (iso3, english, chinese) => {
    expect(countryName(iso3, "en")).toBe(english);
    expect(countryName(iso3, "zh")).toBe(chinese);
  });

  it("accepts lower case codes and regional Chinese locales", () => {
    expect(countryName("chn", "zh-CN")).toBe("中国");
    expect(countryName("tur", "en-GB")).toBe("Türkiye");
  });

  it("falls back safely: a non-UN code to the library's English name, an unknown code to itself", () => {
    expect(countryName("TWN", "en")).toBe("Taiwan, Province of China");
    expect(countryName("XYZ", "zh")).toBe("XYZ");
    expect(countryName("", "zh")).toBe("");
    expect(countryName("not a code", "en")).toBe("not a code");
  });

  it("gives every UN Member State and observer State a Chinese name", () => {
    expect(COUNTRIES).toHaveLength(195);
    const missing = COUNTRIES.filter((country) => !HAN.test(countryName(country.iso3, "zh")));
    expect(missing.map((country) => country.iso3)).toEqual([]);
    expect(COUNTRIES.filter((c) => c.unStatus === "OBSERVER").map((c) => countryName(c.iso3, "zh"))).toEqual(["巴勒斯坦国", "教廷"]);
  });

  it("names every State in English as the app does", () => {
    for (const country of COUNTRIES) expect(countryName(country.iso3, "en")).toBe(country.name);
  });
});

describe("countryNames", () => {
  it("maps codes to names for a client component's props", () => {
    expect(countryNames(["CHN", "FRA", "CHN"], "zh")).toEqual({ CHN: "中国", FRA: "法国" });
  });
});
