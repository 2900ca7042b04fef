import { describe, expect, it } from "vitest";
import { addDays, isIsoDate, nextEventOf, stateOf, timelineOf, todayIso, type ReviewCalendarDates } from "./timeline";

const NONE: ReviewCalendarDates = { reviewDate: null, workingGroupAdoptedOn: null, responsesOn: null, councilAdoptedOn: null, midTermFrom: null, midTermUntil: null, nextReviewOn: null };

// Fixture dates, made up for these tests: they are not any review's real calendar.
const FIXTURE: ReviewCalendarDates = {
  reviewDate: "2030-01-10",
  workingGroupAdoptedOn: "2030-01-14",
  responsesOn: "2030-06-01",
  councilAdoptedOn: "2030-07-05",
  midTermFrom: "2032-01-01",
  midTermUntil: "2032-12-31",
  nextReviewOn: "2034-11-01",
};

describe("timelineOf", () => {
  it("lists only the dates that are known, in date order", () => {
    expect(timelineOf(NONE)).toEqual([]);
    expect(timelineOf({ ...NONE, reviewDate: "2018-11-06" })).toEqual([{ kind: "review", on: "2018-11-06", until: null }]);
    expect(timelineOf(FIXTURE).map((e) => e.kind)).toEqual(["review", "workingGroupAdoption", "responses", "councilAdoption", "midTerm", "nextReview"]);
    expect(timelineOf({ ...NONE, nextReviewOn: "2030-01-01", reviewDate: "2031-01-01" }).map((e) => e.kind)).toEqual(["nextReview", "review"]);
  });

  it("keeps the cycle's order for steps on the same day", () => {
    expect(timelineOf({ ...NONE, councilAdoptedOn: "2030-03-01", responsesOn: "2030-03-01" }).map((e) => e.kind)).toEqual(["responses", "councilAdoption"]);
  });

  it("makes the mid-term window one event, a single day when only one end is known, never backwards", () => {
    expect(timelineOf(FIXTURE).find((e) => e.kind === "midTerm")).toEqual({ kind: "midTerm", on: "2032-01-01", until: "2032-12-31" });
    expect(timelineOf({ ...NONE, midTermUntil: "2032-12-31" })).toEqual([{ kind: "midTerm", on: "2032-12-31", until: null }]);
    expect(timelineOf({ ...NONE, midTermFrom: "2032-12-31", midTermUntil: "2032-01-01" })).toEqual([{ kind: "midTerm", on: "2032-12-31", until: null }]);
  });
});

describe("nextEventOf", () => {
  const events = timelineOf(FIXTURE);

  it("is the first step not yet over", () => {
    expect(nextEventOf(events, "2029-12-31")).toMatchObject({ kind: "review", state: "upcoming" });
    expect(nextEventOf(events, "2030-01-10")).toMatchObject({ kind: "review", state: "upcoming" });
    expect(nextEventOf(events, "2030-01-11")).toMatchObject({ kind: "workingGroupAdoption" });
    expect(nextEventOf(events, "2031-05-01")).toMatchObject({ kind: "midTerm", state: "upcoming" });
  });

  it("counts a window under way until its last day", () => {
    expect(nextEventOf(events, "2032-06-15")).toMatchObject({ kind: "midTerm", state: "ongoing" });
    expect(nextEventOf(events, "2032-12-31")).toMatchObject({ kind: "midTerm", state: "ongoing" });
    expect(nextEventOf(events, "2033-01-01")).toMatchObject({ kind: "nextReview" });
  });

  it("is null when everything known has passed or nothing is known", () => {
    expect(nextEventOf(events, "2034-11-02")).toBeNull();
    expect(nextEventOf([], "2026-12-06")).toBeNull();
    expect(nextEventOf(timelineOf({ ...NONE, reviewDate: "2024-01-23" }), "2026-12-06")).toBeNull();
  });

  it("says past, under way or to come", () => {
    const window = { kind: "midTerm" as const, on: "2032-01-01", until: "2032-12-31" };
    expect(stateOf(window, "2031-12-31")).toBe("upcoming");
    expect(stateOf(window, "2032-01-01")).toBe("ongoing");
    expect(stateOf(window, "2033-01-01")).toBe("past");
  });
});

describe("dates", () => {
  it("adds days in UTC across months, years and leap days", () => {
    expect(addDays("2018-11-06", 1)).toBe("2018-11-07");
    expect(addDays("2018-12-31", 1)).toBe("2019-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("accepts real days only", () => {
    expect(isIsoDate("2018-11-06")).toBe(true);
    expect(isIsoDate("2018-02-30")).toBe(false);
    expect(isIsoDate("2018-11-6")).toBe(false);
    expect(isIsoDate("6 Nov 2018")).toBe(false);
  });

  it("reads today in UTC", () => {
    expect(todayIso(new Date("2026-12-06T23:30:00-05:00"))).toBe("2026-12-07");
  });
});
