import yauzl from "yauzl";
import { checkArchive } from "../archive-guard";
import { emptyDocument, sha256Of } from "../document";
import type { ImportIssue, ParseOptions, ParsedDocument } from "../types";
import { UhriCollector } from "./collect";
import { streamingWorkbookReader } from "./exceljs-stream";
import { matchColumns, type ColumnIndex, type UhriColumn } from "./columns";
import type { UhriRecord } from "./record";
import { cleanText, isoDate, splitValues } from "./values";

const FORMAT = "uhri-xlsx" as const;

/** The text of a cell as exceljs's stream reader gives it: shared and rich strings, numbers, formulas' results. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return isoDate(value) ?? "";
  if (typeof value === "object") {
    const cell = value as { richText?: { text?: unknown }[]; result?: unknown; text?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => cellText(run.text)).join("");
    if ("result" in cell) return cellText(cell.result);
    if ("text" in cell) return cellText(cell.text);
  }
  return "";
}

/** A row as a UHRI record; `values` is exceljs's 1-based array of cell values. */
function recordOfRow(values: readonly unknown[], columns: ColumnIndex, rowNumber: number): UhriRecord {
  const raw = (column: UhriColumn): unknown => {
    const at = columns.get(column);
    return at === undefined ? undefined : values[at + 1];
  };
  const one = (column: UhriColumn): string | null => cleanText(cellText(raw(column))) || null;
  const list = (column: UhriColumn): string[] => splitValues(cellText(raw(column)));
  return {
    location: `row ${rowNumber}`,
    text: cleanText(cellText(raw("Text"))),
    countries: list("Countries Concerned"),
    bodies: list("Reccomending Body"),
    symbol: one("Document Symbol"),
    themes: list("Themes"),
    affectedPersons: list("Affected Persons"),
    sdgs: list("Sdgs"),
    publicationDate: isoDate(raw("Document Publication Date")),
    recommendingStates: list("UPR Reccomending States"),
    positions: list("UPR Position"),
    type: one("Type"),
    annotationId: one("OHCHR Annotation Id"),
    sessions: list("UPR Session"),
    cycle: null,
    publishedOnUhri: isoDate(raw("Date of publication on UHRI")),
  };
}

/**
 * The last row the first worksheet declares (`<dimension ref="A1:P250001"/>`), for a progress total; null when it does
 * not say. Reads only the first few KB of the sheet.
 */
async function declaredLastRow(buffer: Buffer): Promise<number | null> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.fileName)) continue;
      const stream = await zip.openReadStreamPromise(entry);
      let head = "";
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        head += chunk.toString("latin1");
        if (head.length > 16_384 || head.includes("<sheetData")) break;
      }
      stream.destroy();
      const m = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
      return m?.[1] ? Number(m[1]) : null;
    }
    return null;
  } finally {
    zip.close();
  }
}

async function readSheet(buffer: Buffer, options: ParseOptions): Promise<{ collector: UhriCollector } | { issue: ImportIssue }> {
  const lastRow = await declaredLastRow(buffer).catch(() => null);
  const collector = new UhriCollector(options);
  const reader = streamingWorkbookReader(buffer);
  let columns: ColumnIndex | null = null;
  let headerRow = 0;
  let done = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      if (columns === null) {
        const titles = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
        if (titles.every((t) => t.trim() === "")) continue;
        const layout = matchColumns(titles, `row ${row.number}`);
        if ("issue" in layout) return { issue: layout.issue };
        columns = layout.columns;
        headerRow = row.number;
        continue;
      }
      if (values.every((v) => cellText(v).trim() === "")) continue;
      collector.add(recordOfRow(values, columns, row.number));
      done++;
      if (options.onProgress && done % 1000 === 0) options.onProgress(done, Math.max(done, (lastRow ?? 0) - headerRow));
    }
    // The export has one worksheet; any other is not read.
    break;
  }
  if (columns === null) return { issue: { location: "file", kind: "layout", message: "the workbook has no rows (expected the UHRI export's 16 columns)" } };
  options.onProgress?.(done, done);
  return { collector };
}

/**
 * Parses the UHRI xlsx export (export-full-en.xlsx). The archive is checked first (lib/import/archive-guard.ts); the
 * sheet is then streamed row by row with exceljs's WorkbookReader, so memory holds the shared strings and the
 * recommendations found, never the workbook. Treaty-body and special-procedure rows are counted in `notUpr`.
 * Never throws: a bad file becomes issues naming the file or the row.
 */
export async function parseUhriXlsx(buffer: Buffer, options: ParseOptions): Promise<ParsedDocument> {
  const { fileName } = options;
  const refused = await checkArchive(buffer, "xlsx");
  if (refused.length > 0) return emptyDocument(FORMAT, buffer, fileName, refused);
  let read: Awaited<ReturnType<typeof readSheet>>;
  try {
    read = await readSheet(buffer, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "unknown error";
    return emptyDocument(FORMAT, buffer, fileName, [{ location: "file", kind: "file", message: `not a readable .xlsx workbook (${reason})` }]);
  }
  if ("issue" in read) return emptyDocument(FORMAT, buffer, fileName, [read.issue]);
  const result = read.collector.finish(options);
  return { format: FORMAT, fileName, sha256: sha256Of(buffer), title: null, ...result };
}
