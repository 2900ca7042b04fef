import { describe, expect, it } from "vitest";
import { splitRecommendationParts } from "@/lib/import/recommending-states";
import { classifyActionCategory } from "./classify";
import { evaluatePartCategories } from "./part-evaluation";
import { categorisedParts, effectiveActionCategories, partActionCategories } from "./parts";
import { PARAGRAPH_2013_186_2, PARAGRAPH_2018_28_14, PARAGRAPH_2018_28_9, UPR_INFO_ROWS_2013_186_2 } from "./test-fixtures";

describe("splitRecommendationParts on real merged paragraphs (fixtures)", () => {
  it("splits 2018 28.9 into its six States' parts, each as printed", () => {
    const parts = splitRecommendationParts(PARAGRAPH_2018_28_9);
    expect(parts.map((part) => part.states)).toEqual([["BEN"], ["EST"], ["GEO"], ["LVA"], ["MLT"], ["NAM"]]);
    expect(parts[1]!.text).toBe("Take meaningful steps towards ratification of the International Covenant on Civil and Political Rights (Estonia)");
    expect(parts.map((part) => part.text).join("; ") + ";").toBe(PARAGRAPH_2018_28_9);
  });

  it("keeps brackets inside a part as text: (the Paris Principles) does not end 28.14's first part", () => {
    const parts = splitRecommendationParts(PARAGRAPH_2018_28_14);
    expect(parts.map((part) => part.states)).toEqual([["NER"], ["PHL"], ["IDN"]]);
    expect(parts[0]!.text).toMatch(/\(the Paris Principles\) \(Niger\)$/);
  });

  it("reads a text without States in brackets (UPR Info's rows) as one part naming none", () => {
    expect(splitRecommendationParts("Ratify as soon as possible ICCPR")).toEqual([{ text: "Ratify as soon as possible ICCPR", states: [] }]);
  });

  it("joins States printed together, and keeps words after the last States as a part of their own", () => {
    expect(splitRecommendationParts("Ratify the ICCPR (Uruguay) (Mali); Ratify CAT (Austria, France); and report")).toEqual([
      { text: "Ratify the ICCPR (Uruguay) (Mali)", states: ["URY", "MLI"] },
      { text: "Ratify CAT (Austria, France)", states: ["AUT", "FRA"] },
      { text: "and report", states: [] },
    ]);
  });
});

describe("partActionCategories", () => {
  it("derives each part's category from its own opening verb: 28.9 is continuing, and general through Estonia's and Georgia's parts", () => {
    expect(classifyActionCategory(PARAGRAPH_2018_28_9).category).toBe(2);
    expect(partActionCategories(PARAGRAPH_2018_28_9, { category: 2, derived: true })).toEqual([2, 4, 4, 2, 2, 2]);
    expect(partActionCategories(PARAGRAPH_2013_186_2, { category: 5, derived: true })).toEqual([5, 4, 4, 4]);
  });

  it("gives a source's category to every part, keeps a single part's category, and nothing without one", () => {
    expect(partActionCategories(PARAGRAPH_2018_28_9, { category: 5, derived: false })).toEqual([5, 5, 5, 5, 5, 5]);
    expect(partActionCategories("Ratify the ICCPR (France);", { category: 5, derived: true })).toEqual([5]);
    expect(partActionCategories("Continue to ratify", { category: 4, derived: false })).toEqual([4]);
    expect(partActionCategories(PARAGRAPH_2018_28_9, { category: null, derived: true })).toEqual([]);
  });
});

describe("effectiveActionCategories", () => {
  it("is the paragraph's category and its parts', distinct and ascending", () => {
    expect(effectiveActionCategories({ category: 2, method: "DERIVED" }, [2, 4, 4, 2, 2, 2])).toEqual([2, 4]);
    expect(effectiveActionCategories({ category: 1, method: "DERIVED" }, [4])).toEqual([1, 4]);
    expect(effectiveActionCategories({ category: null, method: null }, [])).toEqual([]);
  });

  it("is an override alone: a correction stands for the whole paragraph", () => {
    expect(effectiveActionCategories({ category: 3, method: "OVERRIDE" }, [2, 4, 4, 2, 2, 2])).toEqual([3]);
  });
});

describe("categorisedParts", () => {
  it("pairs the stored categories with the parts", () => {
    const parts = categorisedParts(PARAGRAPH_2018_28_9, ["BEN", "EST", "GEO", "LVA", "MLT", "NAM"], [2, 4, 4, 2, 2, 2]);
    expect(parts.map((part) => [part.states, part.actionCategory])).toEqual([[["BEN"], 2], [["EST"], 4], [["GEO"], 4], [["LVA"], 2], [["MLT"], 2], [["NAM"], 2]]);
  });

  it("shows a single part as the whole text made by every State, and never guesses categories stored for another split", () => {
    expect(categorisedParts("Ratify ICCPR", ["BRA", "CHL"], [5])).toEqual([{ text: "Ratify ICCPR", states: ["BRA", "CHL"], actionCategory: 5 }]);
    expect(categorisedParts(PARAGRAPH_2018_28_9, [], []).every((part) => part.actionCategory === null)).toBe(true);
    expect(categorisedParts(PARAGRAPH_2018_28_9, [], [2]).every((part) => part.actionCategory === null)).toBe(true);
  });
});

describe("evaluatePartCategories", () => {
  it("pairs UPR Info's rows with their States' parts of 2013 186.2: the paragraph's category agrees once, the parts' four times", () => {
    const evaluation = evaluatePartCategories(UPR_INFO_ROWS_2013_186_2, [PARAGRAPH_2013_186_2, PARAGRAPH_2018_28_9]);
    expect(evaluation).toEqual({ given: 4, rows: 4, paragraph: 1, part: 4, merged: { rows: 4, paragraph: 1, part: 4 } });
  });

  it("leaves out a row whose State made no similar part", () => {
    const evaluation = evaluatePartCategories([{ text: "Abolish the death penalty", state: "EST", category: 5 }], [PARAGRAPH_2013_186_2]);
    expect(evaluation).toMatchObject({ given: 1, rows: 0 });
  });
});
