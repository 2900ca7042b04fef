import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { UN_SHORT_NAMES } from "@/lib/countries/un-names";
import { realDataFile } from "@/tests/helpers/data-files";

/**
 * Input generators for the property tests of the parsers (test-only: nothing in the app imports this). A cell is
 * either a value a real export holds (a State name, a response, a session label, a real recommendation's text from
 * the shipped UPR Info export), so that rows get past the first checks and reach the deeper rules, or a hostile one:
 * any Unicode, quotes, separators and line breaks, HTML entities, prototype names, and long repetitive text.
 */

const REAL_ROWS = parse(readFileSync(realDataFile("upr-info/CHN-upr-info-2009-2013.csv")), { bom: true, columns: true }) as Record<string, string>[];

/** The shipped export's rows, objects keyed by its header (To, Text, From, Response, Action, Issue, Session, ...). */
export const realUprInfoRows = (): Record<string, string>[] => REAL_ROWS.map((row) => ({ ...row }));

const realTexts = [...new Set(REAL_ROWS.map((r) => r.Text!))].slice(0, 40);
const realIssues = [...new Set(REAL_ROWS.map((r) => r.Issue!))].slice(0, 20);

/** Names as UN and UPR Info sources print them, and names that are no State. */
const STATE_NAMES = [
  ...UN_SHORT_NAMES,
  ...["St Lucia", "Trinidad & Tobago", "Macedonia FYR", "Sao Tome &amp; Principe", "C&ocirc;te d'Ivoire", "Swaziland"],
  ...["&#40;Unknown&#41;", "(Unknown)", "Unknown", "Narnia", "ILO", "Asia-Pacific Group::China", "China|France"],
];

/** Values that have broken parsers before, or that look like code, markup or an object's own keys. */
export const TRICKY_CELLS = [
  ...["", " ", "\t", "\n", "\r\n", "\r", '"', '""', ",", ";", "|", "::", "-", "- ", "\u00a0", "\ufeff", "\u0000", "\u2028"],
  ...["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "then", "length"],
  ...["&#40;", "&#41;", "&amp;", "&#0;", "&#x110000;", "&#99999999999;", "&#xD800;", "&bogus;", "&", "&#"],
  ...["=1+1", "'=cmd", "@SUM(A1)", "<script>alert(1)</script>", "<p>", "NaN", "Infinity", "-1", "0", "1e308", "9007199254740993"],
  ...["(", ")", "((((", "))))", "()", "(,)", "28.1", "28.1.", "999999.999999", "null", "[]", "{}"],
];

const TRICKY_UNITS = ['"', ",", ";", "\t", "\n", "\r", "|", "::", "&", "#", "(", ")", "-", " ", "a", "A", "1", ".", "é", "\u0301", "😀"];

/**
 * Long text: a short piece repeated (up to some 100,000 characters), then a short tail. What makes a careless
 * regular expression quadratic: a long run of what it looks for, then something it does not expect. As
 * [piece, times, tail], so that a counterexample prints short; `longText` makes the text.
 */
const LONG_UNITS = [
  ...TRICKY_UNITS,
  ...["*", ":", "/", "share ", "experience", "Austria", "Unknown", "the ", "and ", "St ", "&#40;", "28.1 ", "- "],
  ...["session", "1st ", "Cycle ", "/Add.1", "Theme: ", "SDG ", "Source of position: ", "Supported", "<p>"],
];
export type LongCell = [piece: string, times: number, tail: string];
export const longCellParts: fc.Arbitrary<LongCell> = fc.tuple(
  fc.string({ unit: fc.constantFrom(...LONG_UNITS), minLength: 1, maxLength: 3 }),
  fc.integer({ min: 1000, max: 50_000 }),
  fc.string({ unit: fc.constantFrom(...LONG_UNITS), maxLength: 2 }),
);
/** At most some 100,000 characters: enough for a quadratic step to take many seconds, little for a linear one. */
export const longText = ([piece, times, tail]: LongCell): string => piece.repeat(Math.min(times, Math.ceil(100_000 / piece.length))) + tail;
export const longCell = longCellParts.map(longText);

export const hostileCell: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_CELLS), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...TRICKY_UNITS), maxLength: 30 }), weight: 3 },
  { arbitrary: longCell, weight: 1 },
);

/** Real values by what a column holds, keyed by the column's title in lower case. */
const REAL_VALUES: Record<string, readonly string[]> = {
  state: STATE_NAMES,
  text: realTexts,
  response: ["Accepted", "Noted", "Rejected", "Supported", "Not Supported", "Pending", "General Response", "Supported/Noted", "Supported|Noted"],
  action: ["1", "5", "4 - General action", "6", "0"],
  issue: [...realIssues, "Group::Women's rights|Torture", ""],
  session: ["4", "17", "31", "44 - November 2023", "31st session", "0", "-1", "999", "99999999999999999999"],
  cycle: ["", "1", "2", "Cycle 2", "Third cycle", "10", "0"],
  template: ["Recommendation", "State", ""],
  body: ["UPR", "Universal Periodic Review", "Committee on the Rights of the Child", "Special Procedures"],
  date: ["2019-10-01", "43460", "2019-02-30", "-5", "1e9"],
};

const KIND_OF_COLUMN: [RegExp, string][] = [
  [/^(to|from|state|recommending|countr|upr recc?omm?ending state)/i, "state"],
  [/^(text|recommendation)$/i, "text"],
  [/response|position/i, "response"],
  [/action/i, "action"],
  [/issue|theme|affected|sdg/i, "issue"],
  [/session/i, "session"],
  [/cycle/i, "cycle"],
  [/template/i, "template"],
  [/body/i, "body"],
  [/date/i, "date"],
];

/** A cell for a column: usually a value such a column really holds, otherwise a hostile one. */
export function cellFor(column: string): fc.Arbitrary<string> {
  const kind = KIND_OF_COLUMN.find(([pattern]) => pattern.test(column.trim()))?.[1];
  const real = kind ? REAL_VALUES[kind]! : [...realTexts.slice(0, 5), ...STATE_NAMES.slice(0, 5)];
  return fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, { arbitrary: hostileCell, weight: 2 });
}

/** How a table is written out: well-formed CSV (any cell quoted as needed), or cells joined as they are. */
export type CsvStyle = { quoted: boolean; delimiter: "," | ";" | "\t"; newline: "\n" | "\r\n" | "\r"; bom: boolean };

/** Mostly well-formed and comma-separated, as exports are, so that rows get read; the rest tests the refusals. */
export const csvStyle: fc.Arbitrary<CsvStyle> = fc.record({
  quoted: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, fc.constant(false)),
  delimiter: fc.oneof({ arbitrary: fc.constant("," as const), weight: 6 }, fc.constantFrom(";" as const, "\t" as const)),
  newline: fc.constantFrom("\n", "\r\n", "\r"),
  bom: fc.boolean(),
});

export function writeCsv(rows: readonly (readonly string[])[], style: CsvStyle): Buffer {
  const text = style.quoted
    ? stringify(rows as string[][], { delimiter: style.delimiter, record_delimiter: style.newline === "\r\n" ? "windows" : style.newline === "\r" ? "mac" : "unix" })
    : rows.map((row) => row.join(style.delimiter)).join(style.newline);
  return Buffer.from(`${style.bom ? "\ufeff" : ""}${text}`);
}

/** Data rows for a header: each cell fitted to its column, sometimes a field short or one too many. */
export function rowsFor(header: readonly string[], maxRows = 8): fc.Arbitrary<string[][]> {
  const row = fc
    .tuple(fc.tuple(...header.map(cellFor)), fc.oneof({ arbitrary: fc.constant("same"), weight: 8 }, fc.constantFrom("short", "long")))
    .map(([cells, shape]) => (shape === "short" ? cells.slice(0, -1) : shape === "long" ? [...cells, "extra"] : cells));
  return fc.array(row, { maxLength: maxRows });
}

/** A few damages a file can suffer: a byte flipped, bytes inserted, removed, duplicated, or the end cut off. */
export type Mutation =
  | { op: "flip"; at: number; mask: number }
  | { op: "insert"; at: number; bytes: Uint8Array }
  | { op: "delete"; at: number; length: number }
  | { op: "copy"; from: number; at: number; length: number }
  | { op: "truncate"; at: number };

/** A position in the file: anywhere, or near the start or the end, where a zip keeps its headers and directory. */
const position = fc.oneof(fc.nat(), fc.nat({ max: 128 }), fc.nat({ max: 512 }).map((n) => -1 - n));

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    { arbitrary: fc.record({ op: fc.constant("flip" as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }), weight: 4 },
    { arbitrary: fc.record({ op: fc.constant("insert" as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 64 }) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant("copy" as const), from: position, at: position, length: fc.integer({ min: 1, max: 256 }) }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant("truncate" as const), at: position }), weight: 1 },
  ),
  { minLength: 1, maxLength: 4 },
);

/** The file with the damages done, in order; a position is taken modulo the length, negative ones from the end. */
export function mutate(original: Buffer, steps: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(original);
  const place = (at: number): number => (bytes.length === 0 ? 0 : ((at % bytes.length) + bytes.length) % bytes.length);
  for (const step of steps) {
    const at = place(step.at);
    if (step.op === "flip") bytes[at] = bytes[at]! ^ step.mask;
    else if (step.op === "insert") bytes = Buffer.concat([bytes.subarray(0, at), step.bytes, bytes.subarray(at)]);
    else if (step.op === "delete") bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + step.length)]);
    else if (step.op === "copy") {
      const from = place(step.from);
      bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(from, from + step.length), bytes.subarray(at)]);
    } else bytes = bytes.subarray(0, at);
  }
  return bytes;
}
