import { createHash } from "node:crypto";
import { CsvError, parse } from "csv-parse/sync";
import { importedActionCategory } from "./action-category";
import { emptyDocument, progressReporter, sha256Of, validateRecommendations } from "./document";
import type { ImportFormat, ImportIssue, ParseOptions, ParsedDocument, ParsedRecommendation, ReviewRef } from "./types";
import { UnresolvedNames } from "./unknown-names";
import { readUprInfoRow, type UprInfoRow } from "./upr-info-row";

const FORMAT = "upr-info-csv" as const;

/** Columns without which a row means nothing. Action, Issue and cycle are read when present; others are ignored. */
export const REQUIRED_COLUMNS = ["To", "Text", "From", "Response", "Session"] as const;

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is not closed (is the file cut short?)",
  CSV_INVALID_CLOSING_QUOTE: "a quote inside a field is not doubled",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "the row has a different number of fields than the header",
  CSV_MAX_RECORD_SIZE: "the row is larger than any recommendation (over 1 MB)",
};

/** Reads the CSV into rows of fields, or into one issue naming the row that could not be read. */
function readCsv(buffer: Buffer): { records: string[][] } | { issue: ImportIssue } {
  try {
    // A field stops at 1 MB, as in the Uwazi export's reader: a file of one endless quoted field is refused there.
    const records = parse(buffer, { bom: true, skip_empty_lines: true, relax_column_count: false, max_record_size: 1 << 20 }) as string[][];
    return { records };
  } catch (error) {
    if (error instanceof CsvError) {
      // `records` counts the records read before the failing one, header included.
      const row = (typeof error.records === "number" ? error.records : 0) + 1;
      const problem = CSV_PROBLEMS[error.code] ?? error.message;
      return { issue: { location: `row ${row}`, message: `cannot be read: ${problem}` } };
    }
    return { issue: { location: "file", message: "not a readable CSV file" } };
  }
}

/** "upr-info:CHN:s4:<16 hex>": stable for the same text even if UPR Info reflows its spaces. */
export function baseSourceKey(row: UprInfoRow): string {
  const hash = createHash("sha1").update(row.text.replace(/\s+/g, " ").trim()).digest("hex").slice(0, 16);
  return `upr-info:${row.stateUnderReview}:s${row.session}:${hash}`;
}

/**
 * Rows with the same State, session, text, response and action are one recommendation made by several States. A row
 * whose State UPR Info prints as unknown adds one to the record's unknown count, so a record may have only unknowns.
 */
export function mergeRows(rows: readonly UprInfoRow[]): ParsedRecommendation[] {
  const groups = new Map<string, UprInfoRow[]>();
  for (const row of rows) {
    const key = [row.stateUnderReview, row.session, row.text, row.response, row.action].join("\u0000");
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const keyCounts = new Map<string, number>();
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const base = baseSourceKey(first);
    const n = (keyCounts.get(base) ?? 0) + 1;
    keyCounts.set(base, n);
    const states = [...new Set(group.map((r) => r.recommendingState).filter((s): s is string => s !== null))];
    const themes = group.flatMap((r) => r.themes).filter((t, i, all) => all.findIndex((u) => u.name === t.name) === i);
    return {
      sourceKey: n === 1 ? base : `${base}-${n}`,
      stateUnderReview: first.stateUnderReview,
      cycle: first.cycle,
      session: first.session,
      paragraph: null,
      text: first.text,
      // UPR Info's database holds the English texts.
      textLanguage: "en",
      recommendingStates: states,
      unknownRecommendingStates: group.filter((r) => r.recommendingState === null).length,
      position: first.position,
      responseWording: first.responseWording,
      positionSource: "UPR Info database",
      themes,
      matrixTheme: null,
      ...importedActionCategory(first.text, first.actionCategory === null ? null : { category: first.actionCategory, source: "UPR Info" }),
      location: `row ${first.row}`,
    };
  });
}

/** One review per State and cycle, with the session most of its rows name. */
export function reviewsOf(recommendations: readonly ParsedRecommendation[]): ReviewRef[] {
  const sessions = new Map<string, Map<number | null, number>>();
  for (const r of recommendations) {
    const key = `${r.stateUnderReview}:${r.cycle}`;
    const counts = sessions.get(key) ?? new Map<number | null, number>();
    counts.set(r.session, (counts.get(r.session) ?? 0) + 1);
    sessions.set(key, counts);
  }
  return [...sessions.entries()].map(([key, counts]) => {
    const [stateUnderReview = "", cycle = "0"] = key.split(":");
    const session = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return { stateUnderReview, cycle: Number(cycle), session, reportSymbol: null, addendumSymbol: null };
  });
}

/**
 * Parses a UPR Info database export (CSV). UPR Info splits a joint recommendation into one row per State; this
 * merges them back so counts match the UN's. Never throws for a bad file: problems are issues naming the file and
 * the row, all collected.
 */
export function parseUprInfoCsv(buffer: Buffer, options: ParseOptions): ParsedDocument {
  const { fileName } = options;
  const fail = (issues: ImportIssue[]): ParsedDocument => emptyDocument(FORMAT, buffer, fileName, issues);
  if (buffer.toString("utf8").replace(/^\uFEFF/, "").trim() === "") {
    return fail([{ location: "file", message: "the file is empty" }]);
  }

  // Read the CSV and find the columns by their header names.
  const read = readCsv(buffer);
  if ("issue" in read) return fail([read.issue]);
  const [header = [], ...records] = read.records;
  const index = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c.toLowerCase()));
  if (missing.length > 0) {
    return fail(missing.map((c) => ({ location: "file", message: `missing column "${c}"` })));
  }
  if (records.length === 0) return fail([{ location: "file", message: "no data rows, only the header" }]);

  // Read every row, keeping those inside the filter.
  const errors: ImportIssue[] = [];
  const unresolved = new UnresolvedNames();
  const rows: UprInfoRow[] = [];
  const progress = progressReporter(records.length, options.onProgress);
  records.forEach((fields, i) => {
    const get = (column: string): string => {
      const at = index.get(column.toLowerCase());
      return at === undefined ? "" : (fields[at] ?? "");
    };
    const row = readUprInfoRow(get, i + 2, options, errors, unresolved);
    if (row) rows.push(row);
    progress(i + 1);
  });
  // One issue per name no resolver knows, before the other row problems.
  errors.unshift(...unresolved.issues());

  if (rows.length === 0 && errors.length === 0) errors.push({ location: "file", message: noRowsMessage(options) });
  return uprInfoDocument(FORMAT, buffer, fileName, rows, errors);
}

/** The issue of a file none of whose rows is inside the filter: names the review the filter asked for. */
export function noRowsMessage(options: Pick<ParseOptions, "stateUnderReview" | "cycle">): string {
  const wanted = [options.stateUnderReview?.toUpperCase(), options.cycle && `cycle ${options.cycle}`].filter(Boolean).join(" ");
  return `no rows for ${wanted || "any review"}`;
}

/**
 * The document of the rows read from either UPR Info export (this CSV, the Uwazi CSV): merged into recommendations,
 * checked against the contract, grouped into reviews. Empties `rows` once merged, as a large Uwazi export holds
 * hundreds of thousands of them.
 */
export function uprInfoDocument(format: ImportFormat, buffer: Buffer, fileName: string, rows: UprInfoRow[], errors: ImportIssue[]): ParsedDocument {
  const merged = mergeRows(rows);
  rows.length = 0;
  const recommendations = validateRecommendations(merged, errors);
  return { format, fileName, sha256: sha256Of(buffer), title: null, reviews: reviewsOf(recommendations), recommendations, errors };
}
