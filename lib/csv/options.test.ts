import { describe, expect, it } from "vitest";
import { csvHeader, labelLanguageOf, takeCsvOptions } from "./options";

describe("csvHeader", () => {
  it("keeps the keys by default and titles the columns in a language", () => {
    expect(csvHeader(["id", "cycle"])).toEqual(["id", "cycle"]);
    expect(csvHeader(["id", "cycle"], "zh")).toEqual(["编号", "轮次"]);
    expect(csvHeader(["id", "year"], "en")).toEqual(["ID", "Year of the review"]);
  });

  it("keeps the key of a column the catalogue does not title", () => {
    expect(csvHeader(["id", "not_a_column"], "zh")).toEqual(["编号", "not_a_column"]);
  });
});

describe("takeCsvOptions", () => {
  const take = (search: string) => takeCsvOptions(new URLSearchParams(search));

  it("defaults to machine keys and leaves the filters without `headers`", () => {
    const { options, filters } = take("cycle=3&headers=zh&position=noted");
    expect(options.data).toEqual({ headers: "zh" });
    expect(filters.toString()).toBe("cycle=3&position=noted");
    expect(take("cycle=3").options.data).toEqual({ headers: "keys" });
  });

  it.each(["headers=fr", "headers=", "headers=ZH-cn", "headers=zh&headers=en"])("refuses %j with an issue under headers", (search) => {
    const { options } = take(search);
    expect(options.success).toBe(false);
    expect(options.error?.issues[0]?.path[0]).toBe("headers");
  });

  it("writes labels in Chinese for headers=zh only", () => {
    expect([labelLanguageOf("keys"), labelLanguageOf("en"), labelLanguageOf("zh")]).toEqual(["en", "en", "zh"]);
  });
});
