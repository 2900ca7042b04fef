import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { resolveStateName, type StateNameResolution } from "../../countries";
import { emptyDocument } from "../document";
import type { ImportIssue, ParseOptions, ParsedDocument } from "../types";
import { UnresolvedNames } from "../unknown-names";
import { noRowsMessage, uprInfoDocument } from "../upr-info-csv";
import { matchColumns, type ColumnMap } from "./columns";
import { readUwaziRow, type UwaziRow } from "./row";
import { RowProblems } from "./row-problems";

const FORMAT = "upr-info-uwazi-csv" as const;

/** Bytes handed to the CSV reader at a time, and records between two progress reports. */
const CHUNK = 1 << 20;
const PROGRESS_EVERY = 2000;

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is not closed (is the file cut short?)",
  CSV_INVALID_CLOSING_QUOTE: "a quote inside a field is not doubled",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "the row has a different number of fields than the header",
  CSV_MAX_RECORD_SIZE: "the row is larger than any recommendation (over 1 MB)",
};

function csvIssue(error: unknown): ImportIssue {
  if (error instanceof CsvError) {
    // `records` counts the records read before the failing one, header included.
    const row = (typeof error.records === "number" ? error.records : 0) + 1;
    return { location: `row ${row}`, message: `cannot be read: ${CSV_PROBLEMS[error.code] ?? error.message}`, kind: "file" };
  }
  return { location: "file", message: "not a readable CSV file", kind: "file" };
}

function* chunks(buffer: Buffer): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += CHUNK) yield buffer.subarray(at, at + CHUNK);
}

/**
 * Parses UPR Info's current database export (the CSV their Uwazi site exports). The file is read as a stream of
 * records, so a 100 MB export never exists as one big string or one big array of fields; progress is reported in
 * bytes read. Joint recommendations are merged and keyed exactly as the 2015 export's (upr-info-csv.ts), so a newer
 * export updates the recommendations an older one loaded. Never throws for a bad file: a wrong layout is one issue
 * listing the columns expected and found; unknown names are one issue each; other row problems are grouped.
 */
export async function parseUprInfoUwaziCsv(buffer: Buffer, options: ParseOptions): Promise<ParsedDocument> {
  const { fileName } = options;
  const fail = (issues: ImportIssue[]): ParsedDocument => emptyDocument(FORMAT, buffer, fileName, issues);

  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: false, max_record_size: 1 << 20 });
  Readable.from(chunks(buffer)).pipe(parser);

  const names = new UnresolvedNames();
  const problems = new RowProblems();
  const cache = new Map<string, StateNameResolution>();
  const resolve = (name: string): StateNameResolution => {
    if (!cache.has(name)) cache.set(name, resolveStateName(name));
    return cache.get(name)!;
  };
  const rows: UwaziRow[] = [];
  const otherTemplates = new Set<string>();
  let columns: ColumnMap | null = null;
  let records = 0;
  let notUpr = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      records++;
      if (columns === null) {
        const matched = matchColumns(fields);
        if ("issue" in matched) {
          parser.destroy();
          return fail([matched.issue]);
        }
        columns = matched.columns;
        continue;
      }
      const result = readUwaziRow(fields, records, { columns, filter: options, names, problems, resolve });
      if (result && "otherTemplate" in result) {
        notUpr++;
        if (otherTemplates.size < 5) otherTemplates.add((fields[columns.template] ?? "").trim());
      } else if (result) {
        rows.push(...result.rows);
      }
      if (records % PROGRESS_EVERY === 0) options.onProgress?.(parser.info.bytes, buffer.length);
    }
  } catch (error) {
    parser.destroy();
    return fail([csvIssue(error)]);
  }
  options.onProgress?.(buffer.length, buffer.length);

  if (columns === null) return fail([{ location: "file", message: "the file is empty", kind: "file" }]);
  if (records === 1) return fail([{ location: "file", message: "no data rows, only the header", kind: "file" }]);

  const errors: ImportIssue[] = [...names.issues(), ...problems.issues()];
  if (rows.length === 0 && errors.length === 0) {
    if (notUpr === records - 1) {
      const templates = [...otherTemplates].map((t) => `"${t}"`).join(", ");
      errors.push({ location: "file", message: `no recommendations: every row is of another template (${templates})`, kind: "file" });
    } else {
      errors.push({ location: "file", message: noRowsMessage(options), kind: "file" });
    }
  }
  return { ...uprInfoDocument(FORMAT, buffer, fileName, rows, errors), notUpr };
}
