import { describe, expect, it } from "vitest";
import { localizedHref, withLocale } from "./routing";

describe("withLocale", () => {
  it("puts the locale in front of a path without one, keeping the query and the fragment", () => {
    expect(withLocale("/", "zh")).toBe("/zh");
    expect(withLocale("/recommendations?cycle=3&q=a/b", "zh")).toBe("/zh/recommendations?cycle=3&q=a/b");
    expect(withLocale("/states/CHN#reviews", "en")).toBe("/en/states/CHN#reviews");
  });

  it("replaces the locale of a page's path, for the language switch", () => {
    expect(withLocale("/en", "zh")).toBe("/zh");
    expect(withLocale("/en/recommendations/7", "zh")).toBe("/zh/recommendations/7");
    expect(withLocale("/zh/states/", "en")).toBe("/en/states");
    // A first segment that only starts like a locale is a page.
    expect(withLocale("/english/x", "zh")).toBe("/zh/english/x");
  });
});

describe("localizedHref", () => {
  it("writes a path, or a path's parts, as an address in the language", () => {
    expect(localizedHref("/recommendations?cycle=3", "zh")).toBe("/zh/recommendations?cycle=3");
    expect(localizedHref({ pathname: "/organisation", query: { org: "heron group", remove: 12 }, hash: "confirm-removal" }, "en")).toBe(
      "/en/organisation?org=heron+group&remove=12#confirm-removal",
    );
    expect(localizedHref({ pathname: "/sign-in", query: { next: "/zh/documents/new", skipped: undefined } }, "zh")).toBe("/zh/sign-in?next=%2Fzh%2Fdocuments%2Fnew");
  });
});
