import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseImportFile } from "./index";
import { cellFor, hostileCell, longCell, longCellParts, longText, realUprInfoRows } from "./test-arbitraries";
import { buildDocx, OLD_HEADER, oldRow } from "./test-fixtures";
import { expectSafeDocument } from "./test-properties";
import { runs, testTimeout, timed } from "./test-runs";
import type { ParseOptions } from "./types";
import { referenceRows, uhriItemOf, uhriRowOf } from "./uhri/test-fixtures";
import { UWAZI_HEADER, uwaziRowsFrom2015 } from "./upr-info-uwazi/test-fixture";

/**
 * Whatever bytes an upload holds, `parseImportFile` answers with a document: it never throws, never rejects, never
 * hangs, and what it returns is safe to hand to the writer (lib/import/test-properties.ts says what that means).
 * Here: arbitrary bytes and text, JSON of any shape with the UHRI export's keys, and a long cell in a real row of each
 * layout. The CSV layouts, workbooks and damaged real files are in hostile-files.property.test.ts.
 */

/** Every name routes the bytes differently: by content first, then by extension (lib/import/index.ts). */
const fileName = fc.constantFrom("upload", "export.csv", "list.docx", "export.xlsx", "export.json", "report.pdf");

/** Sometimes a filter, as the CLI's --state and --cycle give one. */
const filter = fc.record({ stateUnderReview: fc.constantFrom("CHN", "chn", "FRA", "ZZZ"), cycle: fc.integer({ min: 0, max: 10 }) }, { requiredKeys: [] });

const options = fc.tuple(fileName, filter).map(([name, rest]): ParseOptions => ({ fileName: name, ...rest }));

async function check(input: Buffer, parseOptions: ParseOptions): Promise<void> {
  const doc = await timed(() => parseImportFile(input, parseOptions));
  await expectSafeDocument(doc, input, { fileName: parseOptions.fileName, maxGrowth: 64 });
}

describe("parseImportFile on arbitrary input", () => {
  it("answers any bytes with a safe document", { timeout: testTimeout(20_000) }, async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      // A zip's signature and some of its structure, so the bytes reach the archive guard.
      fc.uint8Array({ maxLength: 512 }).map((rest) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...rest])),
      fc.uint8Array({ maxLength: 512 }).map((rest) => Uint8Array.from([...rest, 0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)])),
    );
    await fc.assert(fc.asyncProperty(bytes, options, (b, o) => check(Buffer.from(b), o)), runs(100));
  });

  it("answers any text, with or without a BOM, with a safe document", { timeout: testTimeout(20_000) }, async () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 500 }), fc.string({ unit: "grapheme", maxLength: 200 }), hostileCell, longCell);
    const input = fc.tuple(fc.boolean(), text).map(([bom, t]) => Buffer.from(`${bom ? "\ufeff" : ""}${t}`));
    await fc.assert(fc.asyncProperty(input, options, check), runs(100));
  });
});

/** The keys of the UHRI JSON export, in their own spelling; the parser reads keys in any case. */
const UHRI_KEYS = [
  "AffectedPersons",
  "AnnotationId",
  "AnnotationType",
  "Body",
  "Countries",
  "DocumentId",
  "PublicationDate",
  "PublicationDateOnUhri",
  "Regions",
  "Sdgs",
  "Symbol",
  "Text",
  "Themes",
  "UprCycle",
  "UprPositions",
  "UprRecommendingCountry",
  "UprRecommendingRegions",
  "UprSession",
];

/** What a key's value may be: what the export writes there, a list of such, or any JSON at all. */
function valueFor(key: string): fc.Arbitrary<unknown> {
  const cell = cellFor(key === "UprRecommendingCountry" || key === "Countries" ? "state" : key === "Text" ? "text" : key);
  return fc.oneof(
    { arbitrary: cell, weight: 3 },
    { arbitrary: fc.array(cell, { maxLength: 3 }), weight: 3 },
    { arbitrary: fc.constantFrom(null, 0, 31, -1, 1.5, true, [], {}), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  );
}

/** Keys written as JSON text, so that "__proto__" and repeated keys reach the parser as an attacker would send them. */
const key = fc.oneof(
  { arbitrary: fc.constantFrom(...UHRI_KEYS), weight: 6 },
  { arbitrary: fc.constantFrom(...UHRI_KEYS).map((k) => k.toUpperCase()), weight: 1 },
  { arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", ""), weight: 1 },
);
const member = key.chain((k) => valueFor(k).map((v) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`));

/** Real items (fixtures in the UHRI layout from the texts of China's 2018 list, lib/import/uhri/test-fixtures.ts). */
const REAL_ITEMS = referenceRows()
  .slice(0, 20)
  .map((r) => uhriItemOf(uhriRowOf(r), 3));

/** A real item with some values replaced by any value, some keys left out, and other keys added. */
const damagedItem = fc
  .tuple(
    fc.constantFrom(...REAL_ITEMS),
    fc.tuple(...UHRI_KEYS.map((k) => fc.oneof({ arbitrary: fc.constant("keep"), weight: 30 }, fc.constant("drop"), valueFor(k).map((v) => ({ v }))))),
    fc.array(member, { maxLength: 3 }),
  )
  .map(([real, choices, extra]) => {
    const members = UHRI_KEYS.flatMap((k, i) => {
      const choice = choices[i];
      if (choice === "drop") return [];
      const value = choice === "keep" ? real[k] : (choice as { v: unknown }).v;
      return [`${JSON.stringify(k)}:${JSON.stringify(value) ?? "null"}`];
    });
    return `{${[...members, ...extra].join(",")}}`;
  });

const item = fc.oneof(
  { arbitrary: damagedItem, weight: 6 },
  { arbitrary: fc.array(member, { maxLength: 20 }).map((members) => `{${members.join(",")}}`), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), weight: 1 },
);
const document = fc.oneof(
  fc.array(item, { maxLength: 6 }).map((items) => `[${items.join(",")}]`),
  fc.array(item, { maxLength: 6 }).map((items) => `{"data":[${items.join(",")}],"total":${items.length}}`),
  item,
  // Cut short, as a partial download leaves it.
  fc.tuple(fc.array(item, { minLength: 1, maxLength: 4 }), fc.nat()).map(([items, cut]) => {
    const text = `[${items.join(",")}]`;
    return text.slice(0, cut % text.length);
  }),
);

describe("parseImportFile on JSON with the UHRI export's keys", () => {
  it("answers JSON of any shape with a safe document", { timeout: testTimeout(20_000) }, async () => {
    const input = fc.tuple(fc.boolean(), document).map(([bom, text]) => Buffer.from(`${bom ? "\ufeff" : ""}${text}`));
    await fc.assert(fc.asyncProperty(input, options, check), runs(120));
  });
});

/**
 * A real row with one cell replaced by long repetitive text (tens to hundreds of KB): what makes a regular expression
 * that backtracks over the rest of the text take minutes. Every layout must read it in time proportional to its size;
 * a few hundred KB take milliseconds, so the bound below leaves room for a busy machine and still catches a quadratic
 * step (which takes seconds at this size, and hours at the upload limit).
 */
const LONG_CELL_MS = 3000;

async function expectQuick(input: Buffer, fileName: string): Promise<void> {
  const start = performance.now();
  const doc = await parseImportFile(input, { fileName });
  const elapsed = performance.now() - start;
  expect(elapsed, `${input.length} bytes took ${Math.round(elapsed)} ms`).toBeLessThan(LONG_CELL_MS);
  await expectSafeDocument(doc, input, { fileName, maxGrowth: 64 });
}

const REAL_2015 = realUprInfoRows().slice(0, 3);
const HEADER_2015 = Object.keys(REAL_2015[0]!);
const REAL_UWAZI = uwaziRowsFrom2015(REAL_2015) as Record<string, string>[];
const UHRI_ITEM = uhriItemOf(uhriRowOf(referenceRows()[0]!), 3);

/** A table whose row `row` has `long` in `column`; the other rows stay real. */
function csvWith(header: readonly string[], rows: readonly Record<string, string>[], row: number, column: string, long: string): Buffer {
  const records = rows.map((r, i) => header.map((c) => (i === row % rows.length && c === column ? long : (r[c] ?? ""))));
  return Buffer.from(stringify([header, ...records]));
}

describe("a long cell in a real row", () => {
  it("UPR Info's 2015 export", { timeout: testTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HEADER_2015), fc.nat(), longCellParts, async (column, row, long) => {
        await expectQuick(csvWith(HEADER_2015, REAL_2015, row, column, longText(long)), "export.csv");
      }),
      // Found by this property: a name of brackets took the name resolver quadratic time (13 s for 100 KB).
      { ...runs(15), examples: [["From", 0, ["a(", 50_000, ""]]] },
    );
  });

  it("UPR Info's current database export (Uwazi)", { timeout: testTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...UWAZI_HEADER), fc.nat(), longCellParts, async (column, row, long) => {
        await expectQuick(csvWith(UWAZI_HEADER, REAL_UWAZI, row, column, longText(long)), "export.csv");
      }),
      runs(15),
    );
  });

  it("the UHRI JSON export, the text read for its recommending States when no list gives them", { timeout: testTimeout(30_000) }, async () => {
    const keys = Object.keys(UHRI_ITEM);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.boolean(), longCellParts, async (key, listed, long) => {
        const item = { ...UHRI_ITEM, [key]: longText(long), ...(listed ? {} : { UprRecommendingCountry: [] }) };
        await expectQuick(Buffer.from(JSON.stringify([item])), "export.json");
      }),
      // Found by this property, each quadratic before: "share" over and over, never followed by what is shared, in the
      // action category rules (3.4 s for 112 KB); a session of digits, in the session reader (4 s for 25 KB).
      {
        ...runs(15),
        examples: [
          ["Text", true, ["share ", 50_000, ""]],
          ["UprSession", true, ["1", 60_000, ""]],
        ],
      },
    );
  });

  it("an OHCHR thematic list", { timeout: testTimeout(30_000) }, async () => {
    const title = ["UPR of ", "China", " (", "3", "rd", " Cycle – ", "31", "st", " session)"];
    const cells = fc.constantFrom("numbered", "position", "theme", "heading");
    await fc.assert(
      fc.asyncProperty(cells, longCellParts, async (cell, parts) => {
        const long = longText(parts);
        const row =
          cell === "numbered"
            ? oldRow(`28.1 ${long} (Austria);`, "Supported")
            : cell === "position"
              ? oldRow("28.1 Ratify the ICCPR (Austria);", long)
              : oldRow("28.1 Ratify the ICCPR (Austria);", "Supported", [long]);
        // In the heading, between "UPR of" and the State's name, where the title reader trims the name's end.
        const headerRuns = cell === "heading" ? ["UPR of ", long, ...title.slice(1)] : title;
        const input = await buildDocx({ headerRuns, rows: [OLD_HEADER.map((h) => [h]), { span: 4, text: `Theme: ${long}` }, row] });
        await expectQuick(input, "list.docx");
      }),
      // Found by this property: a run of dashes or asterisks inside the heading took the title reader quadratic time
      // (19 s for 120 KB of "- ").
      {
        ...runs(10),
        examples: [
          ["heading", ["- ", 30_000, ""]],
          ["heading", ["*", 30_000, ""]],
        ],
      },
    );
  });
});
