import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseUprInfoCsv } from "./upr-info-csv";
import { cycleOfSession } from "./upr-info-row";
import { realDataFile } from "@/tests/helpers/data-files";

const FILE = realDataFile("upr-info/CHN-upr-info-2009-2013.csv");
const REAL = readFileSync(FILE);
const HEADER = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session";

const csv = (...rows: string[]): Buffer => Buffer.from([HEADER, ...rows].join("\n") + "\n");

describe("the real UPR Info export for China", () => {
  const rawRows = parse(REAL, { columns: true, bom: true }) as Record<string, string>[];

  it.each([
    [1, 137, 4],
    [2, 284, 17],
  ])("cycle %i gives %i recommendations (session %i)", (cycle, count, session) => {
    const doc = parseUprInfoCsv(REAL, { fileName: "china.csv", stateUnderReview: "CHN", cycle });
    expect(doc.errors).toEqual([]);
    expect(doc.format).toBe("upr-info-csv");
    expect(doc.recommendations).toHaveLength(count);
    expect(doc.reviews).toEqual([{ stateUnderReview: "CHN", cycle, session, reportSymbol: null, addendumSymbol: null }]);
    expect(doc.recommendations.every((r) => r.session === session && r.paragraph === null && r.matrixTheme === null)).toBe(true);
    expect(doc.recommendations.every((r) => r.positionSource === "UPR Info database" && r.actionCategorySource === "UPR Info" && r.textLanguage === "en")).toBe(true);
    expect(new Set(doc.recommendations.map((r) => r.sourceKey)).size).toBe(count);

    // UPR Info's own count of accepted recommendations for the session, joint ones counted once.
    const accepted = new Set(rawRows.filter((r) => r.Session === String(session) && r.Response === "Accepted").map((r) => r.Text));
    expect(doc.recommendations.filter((r) => r.responseWording === "accepted")).toHaveLength(accepted.size);
    expect(doc.recommendations.filter((r) => r.position === "SUPPORTED")).toHaveLength(accepted.size);
  });

  it("merges a recommendation UPR Info split over two States", () => {
    const doc = parseUprInfoCsv(REAL, { fileName: "china.csv", cycle: 1 });
    const merged = doc.recommendations.filter((r) => r.recommendingStates.length > 1);
    expect(merged.map((r) => [r.text, r.recommendingStates])).toEqual([
      ["Reduce the number of crimes carrying the death penalty", ["AUS", "CAN"]],
    ]);
  });

  it("reads the first row as UPR Info wrote it", () => {
    const doc = parseUprInfoCsv(REAL, { fileName: "china.csv" });
    expect(doc.recommendations).toHaveLength(137 + 284);
    expect(doc.recommendations[0]).toMatchObject({
      stateUnderReview: "CHN",
      cycle: 1,
      session: 4,
      text: "Ratify the ICCPR",
      recommendingStates: ["AUT"],
      position: "SUPPORTED",
      responseWording: "accepted",
      actionCategory: 5,
      location: "row 2",
      themes: [
        { scheme: "UPR_INFO_ISSUE", code: null, name: "CP rights - general" },
        { scheme: "UPR_INFO_ISSUE", code: null, name: "International instruments" },
      ],
    });
    expect(doc.recommendations[0]!.sourceKey).toMatch(/^upr-info:CHN:s4:[0-9a-f]{16}$/);
  });

  it("keeps only the State asked for", () => {
    const doc = parseUprInfoCsv(REAL, { fileName: "china.csv", stateUnderReview: "SVN" });
    expect(doc.recommendations).toEqual([]);
    expect(doc.errors).toEqual([{ location: "file", message: "no rows for SVN" }]);
  });
});

describe("small exports", () => {
  it("maps responses, action categories and cycles", () => {
    const doc = parseUprInfoCsv(
      csv(
        "Chile,GRULAC,,Do A,France,WEOG,,Partially Accepted,2,Women's rights,30",
        "Chile,GRULAC,,Do B,France,WEOG,,Rejected,,,30",
        "Chile,GRULAC,,Do C,France,WEOG,,Pending,,,44",
        "Chile,GRULAC,,Do D,France,WEOG,,General Response,,,12",
        "Chile,GRULAC,,Do E,France,WEOG,,,,,13",
      ),
      { fileName: "x.csv" },
    );
    expect(doc.errors).toEqual([]);
    // A row without UPR Info's Action gets a category derived from its text ("Do …" matches no rule: 4, general).
    expect(doc.recommendations.map((r) => [r.position, r.responseWording, r.actionCategory, r.actionCategoryMethod, r.cycle])).toEqual([
      ["SUPPORTED_IN_PART", "partially accepted", 2, "SOURCE", 3],
      ["NOTED", "rejected", 4, "DERIVED", 3],
      [null, "pending", 4, "DERIVED", 4],
      [null, "general response", 4, "DERIVED", 1],
      [null, null, 4, "DERIVED", 2],
    ]);
    expect(cycleOfSession(54)).toBe(4);
    expect(cycleOfSession(55)).toBe(5);
  });

  it("gives the same text twice with different responses distinct keys", () => {
    const doc = parseUprInfoCsv(
      csv("Chile,,,Do A,France,,,Accepted,1,,30", "Chile,,,Do  A,Spain,,,Noted,1,,30"),
      { fileName: "x.csv" },
    );
    const [first, second] = doc.recommendations.map((r) => r.sourceKey);
    expect(second).toBe(`${first}-2`);
  });

  it("reports every bad row by its number", () => {
    const doc = parseUprInfoCsv(
      csv("Chile,,,Do A,Narnia,,,Accepted,1,,30", "Chile,,,Do B,France,,,Maybe,7,,30", "Chile,,,Do C,France,,,Accepted,1,,30"),
      { fileName: "x.csv" },
    );
    expect(doc.errors).toEqual([
      { location: "row 2", message: 'unknown recommending State "Narnia" (1 row)', kind: "unknown-state" },
      { location: "row 3", message: 'unknown Response "Maybe"' },
      { location: "row 3", message: 'invalid Action "7" (expected 1–5)' },
    ]);
    expect(doc.recommendations.map((r) => r.text)).toEqual(["Do C"]);
  });

  it("names the file and the row of a file cut in a quoted field", () => {
    // Row 2 is 'China,Asia,,Ratify the ICCPR,Austria,WEOG,EU,Accepted,5,"CP rights - general,International instruments",4,...'
    const cut = REAL.subarray(0, REAL.indexOf("CP rights - general") + 5);
    const doc = parseUprInfoCsv(cut, { fileName: "cut.csv" });
    expect(doc.errors).toEqual([
      { location: "row 2", message: "cannot be read: a quoted field is not closed (is the file cut short?)" },
    ]);
    expect(doc.recommendations).toEqual([]);
  });

  it("names the file when it is empty, has only a header, or lacks a column", () => {
    expect(parseUprInfoCsv(Buffer.from(""), { fileName: "e.csv" }).errors).toEqual([{ location: "file", message: "the file is empty" }]);
    expect(parseUprInfoCsv(Buffer.from("\uFEFF" + HEADER + "\n"), { fileName: "h.csv" }).errors).toEqual([
      { location: "file", message: "no data rows, only the header" },
    ]);
    const noText = Buffer.from("To,From,Response,Session\nChile,France,Accepted,30\n");
    expect(parseUprInfoCsv(noText, { fileName: "t.csv" }).errors).toEqual([{ location: "file", message: 'missing column "Text"' }]);
  });
});

describe("a UPR Info CSV with an endless quoted field", () => {
  it("is refused at 1 MB, naming the row", () => {
    const text = `To,Text,From,Response,Session\nChina,"${"a".repeat(2 * 1024 * 1024)}`;
    const parsed = parseUprInfoCsv(Buffer.from(text), { fileName: "endless.csv" });
    expect(parsed.errors).toEqual([expect.objectContaining({ location: "row 2", message: expect.stringContaining("over 1 MB") })]);
  });
});
