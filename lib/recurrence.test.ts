import { describe, expect, it } from "vitest";
import {
  isSuggested,
  MIN_SCORE,
  MIN_SIMILARITY,
  normaliseForSimilarity,
  orderPair,
  rankSuggestions,
  reasonsOf,
  recurrenceScore,
  SAME_STATE_BONUS,
  SAME_THEME_BONUS,
} from "./recurrence";

const facts = (similarity: number, sharesState = false, sharesTheme = false) => ({ similarity, sharesState, sharesTheme });

describe("normaliseForSimilarity", () => {
  it("drops the States' names in brackets, treaty names become abbreviations, filler words go", () => {
    expect(normaliseForSimilarity("Ratify the International Covenant on Civil and Political Rights (Costa Rica) (El Salvador);")).toEqual(["ratify iccpr"]);
    expect(normaliseForSimilarity("Ratify the ICCPR")).toEqual(["ratify iccpr"]);
    expect(normaliseForSimilarity("Consider establishing a moratorium on capital punishment with a view to its total abolition (Luxembourg);")).toEqual([
      "establishing moratorium death penalty view total abolition",
    ]);
  });

  it("splits a merged OHCHR paragraph into its recommendations", () => {
    expect(normaliseForSimilarity("Ratify ICCPR (Albania); Ratify ICCPR and CPED (Chile); ")).toEqual(["ratify iccpr", "ratify iccpr cped"]);
  });
});

describe("the suggestion thresholds", () => {
  it("never suggests a candidate that shares neither a State nor a theme, however similar", () => {
    expect(isSuggested(facts(1))).toBe(false);
  });

  it("needs MIN_SIMILARITY whatever the bonuses", () => {
    expect(isSuggested(facts(MIN_SIMILARITY - 0.01, true, true))).toBe(false);
    expect(isSuggested(facts(MIN_SIMILARITY, true, true))).toBe(true);
  });

  it("adds the same-State and same-theme bonuses to the similarity", () => {
    expect(recurrenceScore(facts(0.3))).toBeCloseTo(0.3);
    expect(recurrenceScore(facts(0.3, true))).toBeCloseTo(0.3 + SAME_STATE_BONUS);
    expect(recurrenceScore(facts(0.3, false, true))).toBeCloseTo(0.3 + SAME_THEME_BONUS);
    expect(recurrenceScore(facts(0.3, true, true))).toBeCloseTo(0.3 + SAME_STATE_BONUS + SAME_THEME_BONUS);
  });

  it("lets the same State lift a moderately similar text over MIN_SCORE, but not the same theme alone", () => {
    const similarity = MIN_SCORE - SAME_STATE_BONUS + 0.01;
    expect(isSuggested(facts(similarity, true))).toBe(true);
    expect(isSuggested(facts(similarity, false, true))).toBe(false);
    expect(isSuggested(facts(MIN_SCORE - SAME_THEME_BONUS + 0.01, false, true))).toBe(true);
  });

  it("says why", () => {
    expect(reasonsOf(facts(0.5, true, true))).toEqual(["same-state", "same-theme"]);
    expect(reasonsOf(facts(0.5, false, true))).toEqual(["same-theme"]);
  });
});

describe("rankSuggestions", () => {
  const candidate = (id: number, cycle: number, similarity: number, sharesState = true) => ({ id, cycle, ordinal: id, ...facts(similarity, sharesState) });

  it("splits earlier and later cycles, best score first, the nearer cycle on a tie, at most `perCycle` from each cycle", () => {
    const ranked = rankSuggestions(2, [candidate(1, 1, 0.4), candidate(2, 3, 0.9), candidate(3, 1, 0.8), candidate(4, 4, 0.9), candidate(5, 1, 0.1), candidate(6, 1, 0.5), candidate(7, 3, 0.3), candidate(8, 3, 0.95)], 2);
    expect(ranked.earlier.map((c) => c.id)).toEqual([3, 6]);
    expect(ranked.later.map((c) => c.id)).toEqual([8, 2, 4]);
    expect(ranked.later[1]!.score).toBeCloseTo(0.9 + SAME_STATE_BONUS);
  });
});

describe("orderPair", () => {
  it("puts the lower cycle first whichever way it is asked", () => {
    const a = { id: 10, cycle: 3 };
    const b = { id: 20, cycle: 2 };
    expect(orderPair(a, b)).toEqual({ earlier: b, later: a });
    expect(orderPair(b, a)).toEqual({ earlier: b, later: a });
  });
});
