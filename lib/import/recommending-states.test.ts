import { describe, expect, it } from "vitest";
import { isNameLike, splitRecommendingStates } from "./recommending-states";

describe("splitRecommendingStates", () => {
  it.each([
    ["Ratify the ICCPR (France);", ["FRA"]],
    ["Ratify the ICCPR (France)", ["FRA"]],
    ["Ratify the ICCPR (France).", ["FRA"]],
    [
      "Continue working towards ratification of the ICCPR by the earliest possible date (New Zealand); Accelerate the ratification of the ICCPR (Uruguay) (Mali);",
      ["NZL", "URY", "MLI"],
    ],
    ["Ratify the ICCPR (Venezuela (Bolivarian Republic of));", ["VEN"]],
    ["Ratify ILO Convention No. 189 (Convention No. 189) (Philippines);", ["PHL"]],
    ["Ratify the Forced Labour Convention, 1930 (No. 29) of the International Labour Organization (ILO) (Austria, France);", ["AUT", "FRA"]],
    ["Adopt a new plan (NHRAP) for the period (2011–2020) (Norway);", ["NOR"]],
    ["Establish an NHRI in accordance with the principles (the Paris Principles) (Poland) (Togo);", ["POL", "TGO"]],
    ["Implement the plan (2011–2020); Ratify the ICCPR (Chile);", ["CHL"]],
    ["Ratify ICCPR and OP-CAT (Sierra Le one); Ratify the ICCPR (France) ;", ["SLE", "FRA"]],
    ["Ratify the ICCPR (Maldives); Accede to the First OP (Maldives);", ["MDV"]],
    ["Ratify the ICCPR (Democratic People’s Republic of Korea);", ["PRK"]],
    ["Ratify the ICCPR (Bolivia (Plurinational S tate of));", ["BOL"]],
  ])("%s", (text, states) => {
    expect(splitRecommendingStates(text)).toEqual({ states, unknown: [], unknownMarked: 0 });
  });

  it("reports an unknown State at the end of the text", () => {
    expect(splitRecommendingStates("Ratify the ICCPR (Narnia);")).toEqual({ states: [], unknown: ["Narnia"], unknownMarked: 0 });
    expect(splitRecommendingStates("Cooperate with the ILO (ILO);")).toEqual({ states: [], unknown: ["ILO"], unknownMarked: 0 });
  });

  it("reports a name-like group that ends an intermediate sub-recommendation", () => {
    expect(splitRecommendingStates("Ratify the ICCPR (Narnia); Ratify CAT (France);")).toEqual({ states: ["FRA"], unknown: ["Narnia"], unknownMarked: 0 });
  });

  it("keeps the States before a misspelt one in the same run", () => {
    expect(splitRecommendingStates("Ratify the ICCPR (Costa Rica) (El Salvadr) (Iceland);")).toEqual({
      states: ["CRI", "ISL"],
      unknown: ["El Salvadr"],
      unknownMarked: 0,
    });
  });

  it("ignores acronyms and numbers that end an intermediate clause", () => {
    expect(splitRecommendingStates("Cooperate with the Office (OHCHR). Invite experts (Spain);")).toEqual({ states: ["ESP"], unknown: [], unknownMarked: 0 });
  });

  it("counts a State the source marks as unknown, and guesses nothing", () => {
    expect(splitRecommendingStates("Ratify the ICCPR (Unknown);")).toEqual({ states: [], unknown: [], unknownMarked: 1 });
    expect(splitRecommendingStates("Ratify the ICCPR (France) (Unknown);")).toEqual({
      states: ["FRA"],
      unknown: [],
      unknownMarked: 1,
    });
  });

  it("reads UPR Info's short forms inside the text", () => {
    expect(splitRecommendingStates("Ratify the ICCPR (St Lucia) (Trinidad & Tobago);")).toEqual({
      states: ["LCA", "TTO"],
      unknown: [],
      unknownMarked: 0,
    });
  });

  it("finds nothing when the text names no State", () => {
    expect(splitRecommendingStates("Ratify the ICCPR;")).toEqual({ states: [], unknown: [], unknownMarked: 0 });
    expect(splitRecommendingStates("Ratify the ICCPR (France")).toEqual({ states: [], unknown: [], unknownMarked: 0 });
  });
});

describe("isNameLike", () => {
  it.each([
    ["Narnia", true],
    ["El Salvadr", true],
    ["Republic of Narnia", true],
    ["NHRAP", false],
    ["No. 29", false],
    ["the Paris Principles", false],
    ["2011–2020", false],
    ["OP-CAT", false],
  ])("%s -> %s", (text, expected) => {
    expect(isNameLike(text)).toBe(expected);
  });
});
