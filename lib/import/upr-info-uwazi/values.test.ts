import { describe, expect, it } from "vitest";
import { expectedColumns, matchColumns, normaliseTitle } from "./columns";
import { actionCategoryNumber, cycleNumber, leaf, leafValues, readResponse, sessionNumber, splitValues } from "./values";

describe("Uwazi cell values", () => {
  it("splits '|' values and keeps the leaf of 'Group::Value'", () => {
    expect(splitValues(" France | Germany ||")).toEqual(["France", "Germany"]);
    expect(leaf("Asia-Pacific Group::China")).toBe("China");
    expect(leaf("China")).toBe("China");
    expect(leafValues("WEOG::France|African Group::Senegal")).toEqual(["France", "Senegal"]);
  });

  it.each([
    ["44 - November 2023", 44],
    ["1 - April 2008", 1],
    ["44", 44],
    ["Session 44", 44],
    ["44th session", 44],
    ["Unknown session", null],
    ["", null],
    ["November 2023", null],
  ])("session %j → %j", (label, n) => expect(sessionNumber(label)).toBe(n));

  it.each([
    ["Cycle 4", 4],
    ["4", 4],
    ["4th cycle", 4],
    ["Fourth cycle", 4],
    ["third UPR cycle", 3],
    ["Cycle 44", null],
    ["soon", null],
  ])("cycle %j → %j", (label, n) => expect(cycleNumber(label)).toBe(n));

  it.each([
    ["4 - General action", 4],
    ["1 - Minimal action", 1],
    ["5", 5],
    ["", null],
    ["6 - Other", "invalid"],
    ["General action", "invalid"],
  ])("action category %j → %j", (label, n) => expect(actionCategoryNumber(label)).toBe(n));

  it("maps responses and keeps the wording", () => {
    expect(readResponse("Supported")).toEqual({ wording: "supported", position: "SUPPORTED" });
    expect(readResponse("Noted")).toEqual({ wording: "noted", position: "NOTED" });
    expect(readResponse("Not Supported")).toEqual({ wording: "not supported", position: "NOTED" });
    expect(readResponse("Pending")).toEqual({ wording: "pending", position: null });
    expect(readResponse("")).toEqual({ wording: null, position: null });
    expect(readResponse("Maybe")).toEqual({ invalid: 'unknown Response "Maybe"' });
    expect(readResponse("Supported|Noted")).toEqual({ invalid: 'several Responses "Supported|Noted"' });
  });
});

describe("Uwazi column titles", () => {
  it("normalises case, spaces, punctuation, '(s)' and plurals", () => {
    expect(normaliseTitle("Recommending State(s)")).toBe("recommending state");
    expect(normaliseTitle("  recommending_STATES ")).toBe("recommending state");
    expect(normaliseTitle("State(s) under Review")).toBe("state under review");
    expect(normaliseTitle("State under Review - Regional Group")).toBe("state under review regional group");
    expect(normaliseTitle("Issues")).toBe(normaliseTitle("Issue"));
    expect(normaliseTitle("Date added")).toBe("date added");
  });

  it("finds the columns, wherever the properties and Uwazi's trailing columns are", () => {
    const header = ["Title", "Date added", "Template", "Session", "Geolocation", "Response", "Recommendation", "Recommending State", "State under Review", "Published"];
    expect(matchColumns(header)).toEqual({
      columns: { template: 2, session: 3, response: 5, recommendation: 6, recommendingState: 7, stateUnderReview: 8 },
    });
  });

  it("lists what it expected", () => {
    expect(expectedColumns()).toBe(
      "Title, Date added, Template, State under Review, Recommending State, Recommendation, Response, Session (and optionally Action Category, Issues, Cycle)",
    );
  });
});
