import { describe, expect, it } from "vitest";
import { cycleYearsOf, resolveCycleValues, type ReviewYear } from "./years";

/** Fixture reviews (dates as the OHCHR reports give them for China; the others made up for the test). */
const REVIEWS: ReviewYear[] = [
  { id: 1, sur: "CHN", cycle: 1, year: 2009 },
  { id: 2, sur: "CHN", cycle: 2, year: 2013 },
  { id: 3, sur: "CHN", cycle: 3, year: 2018 },
  { id: 4, sur: "CHN", cycle: 4, year: 2024 },
  { id: 5, sur: "FRA", cycle: 3, year: 2018 },
  { id: 6, sur: "GBR", cycle: 3, year: 2017 },
  { id: 7, sur: "USA", cycle: 3, year: 2020 },
  { id: 8, sur: "NZL", cycle: 2, year: 2014 },
  { id: 9, sur: "NZL", cycle: 3, year: null },
  { id: 10, sur: "BRA", cycle: 4, year: 2022 },
  { id: 11, sur: "AUS", cycle: 3, year: 2021 },
  { id: 12, sur: "ARG", cycle: 3, year: 2022 },
];

describe("resolveCycleValues", () => {
  it("reads a year as the cycle of the reviews held that year", () => {
    expect(resolveCycleValues([2018], ["CHN"], REVIEWS)).toEqual({ cycles: [3], unknownYears: [] });
    expect(resolveCycleValues([2013], [], REVIEWS)).toEqual({ cycles: [2], unknownYears: [] });
  });

  it("respects the States under review, and names the years none of them was reviewed in", () => {
    expect(resolveCycleValues([2017], ["CHN"], REVIEWS)).toEqual({ cycles: [], unknownYears: [2017] });
    expect(resolveCycleValues([2017], [], REVIEWS)).toEqual({ cycles: [3], unknownYears: [] });
    expect(resolveCycleValues([2031, 3], ["CHN"], REVIEWS)).toEqual({ cycles: [3], unknownYears: [2031] });
  });

  it("gives both cycles for a year at their turn, and keeps cycle numbers as they are, once each", () => {
    expect(resolveCycleValues([2022], [], REVIEWS)).toEqual({ cycles: [3, 4], unknownYears: [] });
    expect(resolveCycleValues([3, 2018, 2], [], REVIEWS)).toEqual({ cycles: [2, 3], unknownYears: [] });
  });
});

describe("cycleYearsOf", () => {
  it("one State's review gives its year; many States' the span of their years", () => {
    expect(cycleYearsOf(REVIEWS, ["CHN"])(3)).toBe(2018);
    expect(cycleYearsOf(REVIEWS)(3)).toEqual({ from: 2017, to: 2022 });
    expect(cycleYearsOf(REVIEWS, ["CHN", "FRA"])(3)).toBe(2018);
  });

  it("reads alone when no review of the cycle has a date", () => {
    expect(cycleYearsOf(REVIEWS, ["NZL"])(3)).toBeNull();
    expect(cycleYearsOf(REVIEWS)(5)).toBeNull();
  });
});
