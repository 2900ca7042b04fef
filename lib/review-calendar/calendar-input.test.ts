import { describe, expect, it } from "vitest";
import { reviewCalendarInputSchema } from "./calendar-input";

const paths = (input: Record<string, string>) => reviewCalendarInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("reviewCalendarInputSchema", () => {
  it("takes dates and their source, empty fields as unknown", () => {
    const parsed = reviewCalendarInputSchema.parse({ midTermFrom: " 2021-01-01 ", midTermUntil: "2021-12-31", responsesOn: "", calendarSource: " A/HRC/40/6 " });
    expect(parsed).toEqual({
      workingGroupAdoptedOn: null,
      responsesOn: null,
      councilAdoptedOn: null,
      midTermFrom: "2021-01-01",
      midTermUntil: "2021-12-31",
      nextReviewOn: null,
      calendarSource: "A/HRC/40/6",
    });
  });

  it("takes nothing at all: a calendar with no date needs no source", () => {
    expect(paths({})).toEqual([]);
  });

  it("names the field of every refusal", () => {
    expect(paths({ responsesOn: "2019-02-30", calendarSource: "x" })).toEqual(["responsesOn"]);
    expect(paths({ nextReviewOn: "next year", calendarSource: "x" })).toEqual(["nextReviewOn"]);
    expect(paths({ responsesOn: "2019-02-28" })).toEqual(["calendarSource"]);
    expect(paths({ midTermFrom: "2021-01-01", calendarSource: "x" })).toEqual(["midTermUntil"]);
    expect(paths({ midTermUntil: "2021-01-01", calendarSource: "x" })).toEqual(["midTermFrom"]);
    expect(paths({ midTermFrom: "2021-06-01", midTermUntil: "2021-01-01", calendarSource: "x" })).toEqual(["midTermUntil"]);
    expect(paths({ workingGroupAdoptedOn: "2019-03-15", councilAdoptedOn: "2018-11-09", calendarSource: "x" })).toEqual(["councilAdoptedOn"]);
    expect(paths({ councilAdoptedOn: "2019-03-15", nextReviewOn: "2019-01-01", calendarSource: "x" })).toEqual(["nextReviewOn"]);
  });
});
