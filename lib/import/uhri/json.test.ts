import { describe, expect, it } from "vitest";
import { detectFormat, parseImportFile } from "../index";
import { looksLikeUhriJson, parseUhriJson } from "./json";
import { referenceRows, TREATY_BODY_ROWS, uhriItemOf, uhriRowOf } from "./test-fixtures";

// Every JSON here is a FIXTURE written in the UHRI JSON layout from the real texts of China's 2018 list (see
// ./test-fixtures.ts); none is UHRI data.
const refs = referenceRows();
const items = refs.map((r) => uhriItemOf(uhriRowOf(r)));
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe("parseUhriJson on the 2018 list in the UHRI JSON layout", () => {
  const buffer = json([uhriItemOf(TREATY_BODY_ROWS[0]!), ...items, uhriItemOf(TREATY_BODY_ROWS[1]!)]);
  const doc = parseUhriJson(buffer, { fileName: "export.json" });

  it("is detected from its content", () => {
    expect(detectFormat(buffer, "download")).toBe("uhri-json");
    expect(detectFormat(Buffer.from(`\uFEFF\n  ${JSON.stringify(items.slice(0, 1), null, 2)}`), "x.txt")).toBe("uhri-json");
    expect(detectFormat(Buffer.from('[{"name": "not UHRI"}]'), "x.txt")).toBeNull();
    expect(detectFormat(Buffer.from('[{"name": "not UHRI"}]'), "x.json")).toBe("uhri-json");
    expect(looksLikeUhriJson('{"data": [{"AnnotationId": 1, "Countries": []}]}')).toBe(true);
  });

  it("reads every UPR item, HTML texts as plain text, exactly", () => {
    expect(doc.errors).toEqual([]);
    expect(doc.notUpr).toBe(2);
    expect(doc.recommendations.map((r) => r.text)).toEqual(refs.map((r) => r.recommendation_text));
    expect(doc.recommendations.map((r) => r.paragraph)).toEqual(refs.map((r) => r.paragraph));
    expect(doc.recommendations.map((r) => r.recommendingStates.join(";"))).toEqual(refs.map((r) => r.recommending_states_iso3));
    expect(doc.recommendations[0]).toMatchObject({ sourceKey: "uhri:FIXTURE-CHN-C3-28.1", location: "item 2", cycle: 3, session: 31 });
    expect(doc.reviews).toEqual([{ stateUnderReview: "CHN", cycle: 3, session: 31, reportSymbol: "A/HRC/40/6", addendumSymbol: null }]);
  });

  it("gives the same recommendations as the xlsx of the same records", async () => {
    const { buildUhriXlsx } = await import("./test-fixtures");
    const xlsx = await parseImportFile(await buildUhriXlsx(refs.map((r) => uhriRowOf(r))), { fileName: "x.xlsx" });
    const withoutLocation = ({ location, ...rest }: { location: string }) => (void location, rest);
    expect(parseUhriJson(json(items), { fileName: "x.json" }).recommendations.map(withoutLocation)).toEqual(xlsx.recommendations.map(withoutLocation));
  });
});

describe("parseUhriJson value shapes", () => {
  const [first, second, third] = items as Record<string, unknown>[];

  it("takes texts or lists, numbers or texts, keys in any case, and UprCycle over the session", () => {
    const doc = parseUhriJson(
      json({
        value: [
          { ...first, Countries: "China", UprSession: 31, UprCycle: null, AnnotationId: 101, UprPositions: "Supported/Noted" },
          { ...second, UprCycle: ["3"], UprRecommendingCountry: "- Honduras\n- (Unknown)" },
          Object.fromEntries(Object.entries({ ...third, UprCycle: "Cycle 2", UprSession: [] }).map(([k, v]) => [k.toLowerCase(), v])),
        ],
      }),
      { fileName: "x.json" },
    );
    expect(doc.errors).toEqual([]);
    expect(doc.recommendations.map((r) => [r.sourceKey, r.cycle, r.session, r.position])).toEqual([
      ["uhri:101", 3, 31, "SUPPORTED_IN_PART"],
      ["uhri:FIXTURE-CHN-C3-28.2", 3, 31, "NOTED"],
      ["uhri:FIXTURE-CHN-C3-28.3", 2, null, refs[2]!.position.toUpperCase()],
    ]);
    expect(doc.recommendations[1]).toMatchObject({ recommendingStates: ["HND"], unknownRecommendingStates: 1 });
  });

  it("gives a record without a session its review's session, and knows the UPR by its body's name", () => {
    const doc = parseUhriJson(
      json([
        { ...first, UprSession: [], UprCycle: 3, Body: "Universal Periodic Review (UPR)" },
        { ...second, Body: ["Human Rights Council - UPR"] },
        { ...third, Body: "UPRISING", UprSession: [], UprPositions: [], UprRecommendingCountry: [], UprCycle: null },
      ]),
      { fileName: "x.json" },
    );
    // Not the UPR, and not a treaty body nor a special procedure either: named, so nothing is imported.
    expect(doc.errors).toEqual([{ location: "item 3", message: 'unknown Reccomending Body "UPRISING" (expected a treaty body such as CERD, or a special procedure)' }]);
    expect(doc.notUpr).toBe(1);
    expect(doc.recommendations.map((r) => [r.cycle, r.session])).toEqual([
      [3, 31],
      [3, 31],
    ]);
  });

  it("says clearly what is wrong with a value it cannot read", () => {
    const doc = parseUhriJson(
      json([
        { ...first, Countries: { name: "China" } },
        { ...second, Text: ["<p>one</p>", "<p>two</p>"] },
        { ...third, UprCycle: "the next one" },
        "28.4 a text alone",
      ]),
      { fileName: "x.json" },
    );
    expect(doc.recommendations).toEqual([]);
    expect(doc.errors).toEqual([
      { location: "item 1", message: '"Countries" holds an object where texts were expected' },
      { location: "item 2", message: '"Text" holds a list of 2 values where one was expected' },
      { location: "item 3", message: 'invalid UprCycle "the next one" (expected 1–9)' },
      { location: "item 4", message: "is a string, not a UHRI record (an object with AnnotationId, Text, …)" },
    ]);
  });

  it("refuses a file that is not the export", () => {
    const fail = (value: string) => parseUhriJson(Buffer.from(value), { fileName: "x.json" }).errors;
    expect(fail("[{")).toEqual([{ location: "file", kind: "file", message: expect.stringMatching(/^not valid JSON \(.+\)$/) }]);
    expect(fail('"text"')).toEqual([{ location: "file", kind: "file", message: "the JSON holds a string, not a list of UHRI records" }]);
    expect(fail("[]")).toEqual([{ location: "file", kind: "file", message: "the JSON list is empty" }]);
  });
});
