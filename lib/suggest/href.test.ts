import { describe, expect, it } from "vitest";
import { currentFilters, withFilterValues, withTextSearch } from "./href";

describe("suggestion URLs", () => {
  it("add a value to the current filters, on the first page, in the filter panel's own form", () => {
    const current = currentFilters("?cycle=3&state=FRA&page=4");
    expect(withFilterValues(current, "state", ["GBR"])).toBe("/recommendations?cycle=3&state=FRA,GBR");
    expect(withFilterValues(current, "theme", ["uhri:d23", "upr-info:death-penalty"])).toBe("/recommendations?cycle=3&state=FRA&theme=uhri:d23,upr-info:death-penalty");
    expect(withFilterValues(currentFilters("state=GBR&state=FRA"), "state", ["GBR"])).toBe("/recommendations?state=GBR,FRA");
  });

  it("search the texts with the filters kept and the previous search replaced", () => {
    expect(withTextSearch(currentFilters("q=torture&sur=CHN&page=2"), "Uighur & Tibet")).toBe("/recommendations?q=Uighur+%26+Tibet&sur=CHN");
  });

  it("drop empty values and the page from the current filters", () => {
    expect(currentFilters("cycle=&q=&sur=CHN&page=2").toString()).toBe("sur=CHN");
    expect(currentFilters("").toString()).toBe("");
  });
});
