import { describe, expect, it } from "vitest";
import { cleanTitle, findTitle, parseReviewTitle, resolveReview } from "./ohchr-title";

describe("parseReviewTitle", () => {
  it.each([
    ["UPR of China (3rd Cycle – 31st session) Thematic list of recommendations", "China", "CHN", 3, 31],
    ["UPR of China (2nd Cycle – 17th session) Thematic list of recommendations", "China", "CHN", 2, 17],
    ["UPR of Slovenia (4th Cycle - 48th Session) Thematic list of recommendations", "Slovenia", "SVN", 4, 48],
    ["UPR of Iran (Islamic Republic of) (4th Cycle – 48th session) Thematic list", "Iran (Islamic Republic of)", "IRN", 4, 48],
    ["UPR of the United Kingdom of Great Britain and Northern Ireland - 4th cycle - 41st session", "the United Kingdom of Great Britain and Northern Ireland", "GBR", 4, 41],
    ["UPR of Narnia (1st Cycle – 3rd session)", "Narnia", null, 1, 3],
    ["Thematic list of recommendations", null, null, null, null],
  ])("%s", (title, stateName, stateUnderReview, cycle, session) => {
    expect(parseReviewTitle(title)).toEqual({ stateName, stateUnderReview, cycle, session });
  });
});

describe("findTitle", () => {
  it("joins what Word split into runs and drops the page numbers", () => {
    const header = ["UPR of China ", "(2", "nd", " Cycle – 1", "7", "th session)", "Thematic list of recommendations ", "Page ", "1", " of ", "1"].join("");
    expect(findTitle(["", header])).toBe("UPR of China (2nd Cycle – 17th session) Thematic list of recommendations");
    expect(cleanTitle("UPR of Slovenia (4th Cycle - 48th Session) Thematic list of recommendations* Page 1 of 2")).toBe(
      "UPR of Slovenia (4th Cycle - 48th Session) Thematic list of recommendations",
    );
    expect(findTitle(["Page 3 of 9", "Something else"])).toBeNull();
  });
});

describe("resolveReview", () => {
  const title = "UPR of China (3rd Cycle – 31st session) Thematic list of recommendations";

  it("takes the heading's State, cycle and session", () => {
    expect(resolveReview(title, {})).toEqual({ review: { stateUnderReview: "CHN", cycle: 3, session: 31 }, errors: [] });
    expect(resolveReview(title, { stateUnderReview: "chn", cycle: 3 }).errors).toEqual([]);
  });

  it("falls back to the options when the heading is silent", () => {
    expect(resolveReview(null, { stateUnderReview: "SVN", cycle: 4 })).toEqual({
      review: { stateUnderReview: "SVN", cycle: 4, session: null },
      errors: [],
    });
  });

  it("refuses when neither says, or when they disagree", () => {
    expect(resolveReview(null, {}).errors.map((e) => e.location)).toEqual(["heading", "heading"]);
    const contradiction = resolveReview(title, { stateUnderReview: "SVN", cycle: 2 });
    expect(contradiction.review).toBeNull();
    expect(contradiction.errors.map((e) => e.message)).toEqual([
      "the heading names China (CHN) but the import says SVN",
      "the heading says cycle 3 but the import says cycle 2",
    ]);
    expect(resolveReview("UPR of Narnia (1st Cycle – 3rd session)", {}).errors).toEqual([
      { location: "heading", message: 'unknown State under review "Narnia"' },
    ]);
  });
});
