import { emptyDocument, progressReporter, sha256Of } from "../document";
import type { ParseOptions, ParsedDocument } from "../types";
import { UhriCollector } from "./collect";
import type { UhriRecord } from "./record";
import { cleanText, htmlToText, isoDate, splitValues } from "./values";

/**
 * The UHRI JSON export: a list of objects with the keys AffectedPersons, AnnotationId, AnnotationType, Body,
 * Countries, DocumentId, PublicationDate, PublicationDateOnUhri, Regions, Sdgs, Symbol, Text (HTML), Themes, UprCycle,
 * UprPositions, UprRecommendingCountry, UprRecommendingRegions and UprSession. Lists may come as lists, as one text or
 * as "- " lines, numbers as numbers or texts, keys in any case: each is read whichever way it comes, and a value that
 * cannot be read is reported with its item and key.
 */

const FORMAT = "uhri-json" as const;

/** Keys that identify the export, in lower case; detection looks for them at the start of a file. */
const IDENTIFYING_KEYS = ["countries", "symbol", "body", "uprpositions", "uprsession", "themes"];

/** Whether the start of a file (its first few KB) is the UHRI JSON export. */
export function looksLikeUhriJson(head: string): boolean {
  const text = head.replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (!text.startsWith("[") && !text.startsWith("{")) return false;
  return text.includes('"annotationid"') && IDENTIFYING_KEYS.some((key) => text.includes(`"${key}"`));
}

type Fields = { get(key: string): unknown };

/** A readable name for a JSON value's shape, for messages. */
function shape(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

class ItemReader {
  readonly problems: string[] = [];
  constructor(private readonly fields: Fields) {}

  /** A list of texts: a list, one text (split on "- " lines), a number, or null for none. */
  list(key: string): string[] {
    const value = this.fields.get(key.toLowerCase());
    const items = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    for (const item of items) {
      if (item === null || item === undefined) continue;
      if (typeof item === "string") out.push(...splitValues(item));
      else if (typeof item === "number") out.push(String(item));
      else {
        this.problems.push(`"${key}" holds ${shape(item)} where texts were expected`);
        return [];
      }
    }
    return out;
  }

  /** One text: a text, a number, or a list of one; null when absent or empty. */
  one(key: string, read: (text: string) => string = cleanText): string | null {
    const value = this.fields.get(key.toLowerCase());
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) {
      if (value.length === 0) return null;
      if (value.length === 1) return this.oneOf(key, value[0], read);
      this.problems.push(`"${key}" holds ${shape(value)} values where one was expected`);
      return null;
    }
    return this.oneOf(key, value, read);
  }

  private oneOf(key: string, value: unknown, read: (text: string) => string): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value === "string") return read(value) || null;
    if (typeof value === "number") return String(value);
    this.problems.push(`"${key}" holds ${shape(value)} where a text was expected`);
    return null;
  }

  date(key: string): string | null {
    return isoDate(this.fields.get(key.toLowerCase()));
  }
}

/** One item as a UHRI record, or its problems. */
function recordOfItem(item: unknown, index: number): { record: UhriRecord } | { problems: string[] } {
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    return { problems: [`is ${shape(item)}, not a UHRI record (an object with AnnotationId, Text, …)`] };
  }
  const fields = new Map(Object.entries(item).map(([key, value]) => [key.toLowerCase(), value]));
  const r = new ItemReader(fields);
  const record: UhriRecord = {
    location: `item ${index + 1}`,
    text: r.one("Text", htmlToText) ?? "",
    countries: r.list("Countries"),
    bodies: r.list("Body"),
    symbol: r.one("Symbol"),
    themes: r.list("Themes"),
    affectedPersons: r.list("AffectedPersons"),
    sdgs: r.list("Sdgs"),
    publicationDate: r.date("PublicationDate"),
    recommendingStates: r.list("UprRecommendingCountry"),
    positions: r.list("UprPositions"),
    type: r.one("AnnotationType"),
    annotationId: r.one("AnnotationId"),
    sessions: r.list("UprSession"),
    cycle: r.one("UprCycle"),
    publishedOnUhri: r.date("PublicationDateOnUhri"),
  };
  return r.problems.length > 0 ? { problems: r.problems } : { record };
}

/** The records of the file: a list, an object holding one, or a single record. */
function itemsOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value === null || typeof value !== "object") return null;
  const keys = Object.keys(value).map((k) => k.toLowerCase());
  if (keys.includes("annotationid")) return [value];
  const list = Object.values(value).find((v) => Array.isArray(v) && v.some((x) => x !== null && typeof x === "object"));
  return (list as unknown[] | undefined) ?? null;
}

/**
 * Parses the UHRI JSON export. The whole file is parsed at once (JSON has no cheap streaming reader among the kept
 * libraries); at the 100 MB upload limit that costs a few hundred MB for as long as the parse runs. Never throws.
 */
export function parseUhriJson(buffer: Buffer, options: ParseOptions): ParsedDocument {
  const { fileName } = options;
  const fail = (message: string): ParsedDocument =>
    emptyDocument(FORMAT, buffer, fileName, [{ location: "file", kind: "file", message }]);
  let value: unknown;
  try {
    value = JSON.parse(buffer.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    return fail(`not valid JSON (${error instanceof Error ? error.message.split("\n")[0] : "unknown error"})`);
  }
  const items = itemsOf(value);
  if (items === null) return fail(`the JSON holds ${shape(value)}, not a list of UHRI records`);
  if (items.length === 0) return fail("the JSON list is empty");

  const collector = new UhriCollector(options);
  const progress = progressReporter(items.length, options.onProgress, 1000);
  items.forEach((item, i) => {
    const read = recordOfItem(item, i);
    if ("record" in read) collector.add(read.record);
    else collector.reject(`item ${i + 1}`, read.problems);
    progress(i + 1);
  });
  const result = collector.finish(options);
  return { format: FORMAT, fileName, sha256: sha256Of(buffer), title: null, ...result };
}
