import fc from "fast-check";
import { describe, it } from "vitest";
import { parseImportFile } from "./index";
import { cellFor, hostileCell, longCell } from "./test-arbitraries";
import { referenceRows, uhriItemOf, uhriRowOf } from "./uhri/test-fixtures";
import { expectSafeDocument } from "./test-properties";
import { runs, testTimeout, timed } from "./test-runs";
import type { ParseOptions } from "./types";

/**
 * Whatever bytes an upload holds, `parseImportFile` answers with a document: it never throws, never rejects, never
 * hangs, and what it returns is safe to hand to the writer (lib/import/test-properties.ts says what that means).
 * Here: arbitrary bytes and text, and JSON of any shape with the UHRI export's keys. The CSV layouts and damaged real
 * files have their own files (hostile-csv, mutated-files).
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
    await fc.assert(fc.asyncProperty(bytes, options, (b, o) => check(Buffer.from(b), o)), runs(150));
  });

  it("answers any text, with or without a BOM, with a safe document", { timeout: testTimeout(20_000) }, async () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 500 }), fc.string({ unit: "grapheme", maxLength: 200 }), hostileCell, longCell);
    const input = fc.tuple(fc.boolean(), text).map(([bom, t]) => Buffer.from(`${bom ? "\ufeff" : ""}${t}`));
    await fc.assert(fc.asyncProperty(input, options, check), runs(150));
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
    await fc.assert(fc.asyncProperty(input, options, check), runs(200));
  });
});
