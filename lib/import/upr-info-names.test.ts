import { describe, expect, it } from "vitest";
import { parseUprInfoCsv } from "./upr-info-csv";
import { uprInfoFixture as fixture } from "@/tests/helpers/upr-info-fixture";

/** Fixtures built from real rows of the shipped China export, with State names rewritten (see the helper). */

describe("UPR Info's State names (fixture from real rows)", () => {
  it("resolves UPR Info's short forms and keeps its unknown States as a count", () => {
    const doc = parseUprInfoCsv(
      fixture([
        { from: "St Lucia" },
        { from: "Trinidad & Tobago" },
        { from: "Macedonia FYR" },
        { from: "Sao Tome & Principe" },
        { from: "Antigua &amp; Barbuda" },
        { from: "St Kitts & Nevis" },
        { from: "&#40;Unknown&#41;" },
        { from: "Korea DPR" },
        { from: "&#40;Unknown&#41;", textOf: 7 },
        { from: "(Unknown)", textOf: 7 },
        { from: "Lao\u00a0PDR", to: "China\n" },
      ]),
      { fileName: "fixture.csv" },
    );
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations.map((r) => [r.recommendingStates, r.unknownRecommendingStates])).toEqual([
      [["LCA"], 0],
      [["TTO"], 0],
      [["MKD"], 0],
      [["STP"], 0],
      [["ATG"], 0],
      [["KNA"], 0],
      [[], 1],
      // A known State and two unknown ones made the same recommendation: the rows add up.
      [["PRK"], 2],
      [["LAO"], 0],
    ]);
    expect(doc.reviews.map((r) => r.stateUnderReview)).toEqual(["CHN"]);
  });

  it("reports a name it cannot resolve once, with its row count and first rows", () => {
    const doc = parseUprInfoCsv(
      fixture([
        ...Array.from({ length: 7 }, () => ({ from: "Republic of Narnia" })),
        { from: "France" },
        { to: "Atlantis" },
        { to: "Atlantis" },
        { to: "&#40;Unknown&#41;" },
      ]),
      { fileName: "fixture.csv" },
    );
    expect(doc.errors).toEqual([
      {
        location: "rows 2, 3, 4, 5, 6 and 2 more",
        message: 'unknown recommending State "Republic of Narnia" (7 rows)',
        kind: "unknown-state",
      },
      { location: "rows 10, 11", message: 'unknown State under review "Atlantis" (2 rows)', kind: "unknown-state" },
      { location: "row 12", message: 'unknown State under review "&#40;Unknown&#41;" (1 row)', kind: "unknown-state" },
    ]);
    expect(doc.recommendations.map((r) => r.recommendingStates)).toEqual([["FRA"]]);
  });

  it("says which column is empty", () => {
    const doc = parseUprInfoCsv(fixture([{ from: "" }, { to: " " }]), { fileName: "fixture.csv" });
    expect(doc.errors).toEqual([
      { location: "row 2", message: "the From (recommending State) is empty" },
      { location: "row 3", message: "the To (State under review) is empty" },
    ]);
  });
});
