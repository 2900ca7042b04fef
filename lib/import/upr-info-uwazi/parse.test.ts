import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { realDataFile } from "@/tests/helpers/data-files";
import { detectFormat, parseImportFile } from "../index";
import { parseUprInfoCsv } from "../upr-info-csv";
import { parseUprInfoUwaziCsv } from "./parse";
import { UWAZI_DEFAULTS, UWAZI_HEADER, uwaziCsv, uwaziRowsFrom2015, type UwaziFixtureRow } from "./test-fixture";

// FIXTURES: the real rows of UPR Info's 2015 export for China, re-written into the Uwazi export's layout.
const REAL = readFileSync(realDataFile("upr-info/CHN-upr-info-2009-2013.csv"));
const RAW_ROWS = parse(REAL, { columns: true, bom: true }) as Record<string, string>[];
const FIXTURE = uwaziCsv(uwaziRowsFrom2015(RAW_ROWS));

/** A one-row fixture from a real 2015 row ("Ratify the ICCPR", Austria to China, 1st cycle), with changes. */
const row = (changes: UwaziFixtureRow): UwaziFixtureRow => ({
  ...UWAZI_DEFAULTS,
  Title: "Ratify the ICCPR",
  "State under Review": "China",
  "Recommending State": "Austria",
  Recommendation: "Ratify the ICCPR",
  Response: "Supported",
  "Action Category": "5 - Specific action",
  Issues: "CP rights - general|International instruments",
  Session: "4 - February 2009",
  ...changes,
});
const one = (changes: UwaziFixtureRow = {}) => parseUprInfoUwaziCsv(uwaziCsv([row(changes)]), { fileName: "uwazi.csv" });

describe("the Uwazi layout of China's real 2009–2013 rows (fixture)", () => {
  it("gives what the 2015 parser gives on the same rows: counts, positions, States, themes and sourceKeys", async () => {
    const old = parseUprInfoCsv(REAL, { fileName: "china.csv" });
    const doc = await parseUprInfoUwaziCsv(FIXTURE, { fileName: "china-uwazi.csv" });
    expect(doc.errors).toEqual([]);
    expect(doc.format).toBe("upr-info-uwazi-csv");
    expect(doc.notUpr).toBe(0);
    expect(doc.recommendations).toHaveLength(137 + 284);
    expect(doc.reviews).toEqual(old.reviews);

    const essence = (r: (typeof doc.recommendations)[number]) => ({
      sourceKey: r.sourceKey,
      review: [r.stateUnderReview, r.cycle, r.session],
      text: r.text,
      states: r.recommendingStates,
      position: r.position,
      action: [r.actionCategory, r.actionCategorySource, r.actionCategoryMethod],
      themes: r.themes,
    });
    expect(doc.recommendations.map(essence)).toEqual(old.recommendations.map(essence));
    expect(doc.recommendations.every((r) => r.sourceKey.startsWith("upr-info:CHN:s") && r.unknownRecommendingStates === 0)).toBe(true);
  });

  it("keeps UPR Info's current wording beside the position", async () => {
    const doc = await parseUprInfoUwaziCsv(FIXTURE, { fileName: "china-uwazi.csv", cycle: 2 });
    const count = (wording: string) => doc.recommendations.filter((r) => r.responseWording === wording).length;
    const old = parseUprInfoCsv(REAL, { fileName: "china.csv", cycle: 2 }).recommendations;
    expect(count("supported")).toBe(old.filter((r) => r.responseWording === "accepted").length);
    expect(count("noted")).toBe(old.filter((r) => r.responseWording === "noted").length);
    expect(doc.recommendations).toHaveLength(284);
  });

  it("reads a joint recommendation held as one row with States joined by '|'", async () => {
    const doc = await parseUprInfoUwaziCsv(FIXTURE, { fileName: "china-uwazi.csv", cycle: 1 });
    const joint = doc.recommendations.filter((r) => r.recommendingStates.length > 1);
    expect(joint.map((r) => [r.text, r.recommendingStates])).toEqual([["Reduce the number of crimes carrying the death penalty", ["AUS", "CAN"]]]);
  });

  it("is detected from its header and dispatched to this parser, with progress", async () => {
    expect(detectFormat(FIXTURE, "export.csv")).toBe("upr-info-uwazi-csv");
    const progress: [number, number][] = [];
    const doc = await parseImportFile(FIXTURE, { fileName: "export.csv", stateUnderReview: "CHN", cycle: 1, onProgress: (d, t) => progress.push([d, t]) });
    expect(doc.format).toBe("upr-info-uwazi-csv");
    expect(doc.recommendations).toHaveLength(137);
    expect(progress.at(-1)).toEqual([FIXTURE.length, FIXTURE.length]);
  });
});

describe("Uwazi's value encoding (fixture rows)", () => {
  it("maps a response, an action category and a session as the current database labels them", async () => {
    const doc = await one({ Response: "Not Supported", "Action Category": "4 - General action", Session: "44 - November 2023" });
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations[0]).toMatchObject({
      position: "NOTED",
      responseWording: "not supported",
      actionCategory: 4,
      actionCategoryMethod: "SOURCE",
      actionCategorySource: "UPR Info",
      session: 44,
      cycle: 4,
    });
    expect(doc.recommendations[0]!.sourceKey).toMatch(/^upr-info:CHN:s44:[0-9a-f]{16}$/);
  });

  it("reads several values joined by '|' and thesaurus values written 'Group::Value'", async () => {
    const doc = await one({
      "State under Review": "Asia-Pacific Group::China",
      "Recommending State": "WEOG::Austria|WEOG::Canada|Austria",
      Issues: "Civil and political rights::CP rights - general|International instruments",
    });
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations).toHaveLength(1);
    expect(doc.recommendations[0]).toMatchObject({
      stateUnderReview: "CHN",
      recommendingStates: ["AUT", "CAN"],
      themes: [
        { scheme: "UPR_INFO_ISSUE", code: null, name: "CP rights - general" },
        { scheme: "UPR_INFO_ISSUE", code: null, name: "International instruments" },
      ],
    });
  });

  it("takes the text from the Recommendation column, exactly as printed, not from the Title", async () => {
    const doc = await one({ Title: "CHN-4-001", Recommendation: "  Ratify the ICCPR  " });
    expect(doc.recommendations[0]!.text).toBe("Ratify the ICCPR");
  });

  it("lets a Cycle column say the cycle, and a missing Action Category be derived", async () => {
    const doc = await one({ Cycle: "Cycle 1", "Action Category": "", Response: "Pending" });
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations[0]).toMatchObject({ cycle: 1, position: null, responseWording: "pending", actionCategoryMethod: "DERIVED" });
  });

  it("keeps a recommending State the source marks unknown as a count", async () => {
    const doc = await one({ "Recommending State": "(Unknown)" });
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations[0]).toMatchObject({ recommendingStates: [], unknownRecommendingStates: 1 });
    const mixed = await one({ "Recommending State": "Austria|&#40;Unknown&#41;" });
    expect(mixed.recommendations[0]).toMatchObject({ recommendingStates: ["AUT"], unknownRecommendingStates: 1 });
    // Held as two entities, as the 2015 export held a joint recommendation as two rows: merged into one.
    const split = await parseUprInfoUwaziCsv(uwaziCsv([row({}), row({ "Recommending State": "(Unknown)" })]), { fileName: "u.csv" });
    expect(split.recommendations.map((r) => [r.recommendingStates, r.unknownRecommendingStates, r.location])).toEqual([[["AUT"], 1, "row 2"]]);
  });

  it("counts entities of another template as not UPR recommendations", async () => {
    const doc = await parseUprInfoUwaziCsv(uwaziCsv([row({}), { ...UWAZI_DEFAULTS, Title: "China", Template: "State" }]), { fileName: "u.csv" });
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations).toHaveLength(1);
    expect(doc.notUpr).toBe(1);
  });
});

describe("bad files and rows", () => {
  it("refuses another layout with one issue listing the columns expected and found", async () => {
    const old = await parseUprInfoUwaziCsv(REAL, { fileName: "2015.csv" });
    expect(old.errors).toHaveLength(1);
    expect(old.errors[0]).toMatchObject({ location: "header", kind: "layout" });
    expect(old.errors[0]!.message).toContain("the first columns are not Title, Date added, Template");
    expect(old.errors[0]!.message).toContain(
      "Expected the columns Title, Date added, Template, State under Review, Recommending State, Recommendation, Response, Session " +
        "(and optionally Action Category, Issues, Cycle); found",
    );
    expect(old.errors[0]!.message).toContain('"To", "To-Rgrp", "To-Org", "Text", "From"');

    const noResponse = uwaziCsv([row({})], UWAZI_HEADER.filter((c) => c !== "Response"));
    const doc = await parseUprInfoUwaziCsv(noResponse, { fileName: "u.csv" });
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]!.message).toMatch(/^not UPR Info's database export \(Uwazi\) layout: no column Response\. Expected/);
  });

  it("matches titles by normalised name, and refuses two columns for one field", async () => {
    const header = UWAZI_HEADER.map((c) => (c === "Recommending State" ? "Recommending State(s)" : c === "Response" ? "POSITION" : c));
    const rows = [row({})].map((r) => ({ ...r, "Recommending State(s)": r["Recommending State"], POSITION: r.Response }));
    const doc = await parseUprInfoUwaziCsv(uwaziCsv(rows as UwaziFixtureRow[], header), { fileName: "u.csv" });
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations[0]).toMatchObject({ recommendingStates: ["AUT"], position: "SUPPORTED" });

    const twice = await parseUprInfoUwaziCsv(uwaziCsv([row({})], [...UWAZI_HEADER, "Recommending States"]), { fileName: "u.csv" });
    expect(twice.errors.map((e) => e.kind)).toEqual(["layout"]);
    expect(twice.errors[0]!.message).toContain('"Recommending State" and "Recommending States" are both Recommending State');
  });

  it("reports an unknown State once, with its row count and first rows", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row({ "Recommending State": i % 2 === 0 ? "Atlantis" : "Austria" }));
    const doc = await parseUprInfoUwaziCsv(uwaziCsv(rows), { fileName: "u.csv" });
    expect(doc.errors).toEqual([
      { location: "rows 2, 4, 6, 8, 10 and 10 more", message: 'unknown recommending State "Atlantis" (15 rows)', kind: "unknown-state" },
    ]);
  });

  it("groups the same row problem and names the rows", async () => {
    const rows = [row({ Session: "Unknown session" }), row({}), row({ Session: "Unknown session", Response: "Maybe" }), row({ Response: "Maybe" })];
    const doc = await parseUprInfoUwaziCsv(uwaziCsv(rows), { fileName: "u.csv" });
    expect(doc.errors).toEqual([
      { location: "rows 2, 4", message: 'invalid Session "Unknown session" (expected one session such as "44 - November 2023") (2 rows)', kind: "row" },
      { location: "row 5", message: 'unknown Response "Maybe"', kind: "row" },
    ]);
  });

  it("names the row of a file cut in a quoted field, and an empty file", async () => {
    // The first quoted field after the header: a real text with a comma. No field before it spans two lines.
    const at = FIXTURE.indexOf('"', FIXTURE.indexOf("\n"));
    const cut = FIXTURE.subarray(0, at + 5);
    const row = cut.toString("utf8").split("\n").length;
    const doc = await parseUprInfoUwaziCsv(cut, { fileName: "cut.csv" });
    expect(doc.errors).toEqual([{ location: `row ${row}`, message: "cannot be read: a quoted field is not closed (is the file cut short?)", kind: "file" }]);
    expect((await parseUprInfoUwaziCsv(Buffer.from(""), { fileName: "e.csv" })).errors).toEqual([
      { location: "file", message: "the file is empty", kind: "file" },
    ]);
  });
});
