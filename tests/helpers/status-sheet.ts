import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { STATUS_SHEET_COLUMNS, type StatusSheetRecord } from "@/lib/status-sheet/csv";

export { ORIGIN, PASSWORD, signIn } from "./sessions";

export type Sheet = { bom: boolean; header: string[]; rows: StatusSheetRecord[] };

/** The bytes as a spreadsheet reads them: BOM kept (the Fetch decoder would drop it), rows by column name. */
export function readSheet(bytes: ArrayBuffer | Uint8Array | string): Sheet {
  const text = typeof bytes === "string" ? bytes : new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes);
  const bom = text.startsWith("\uFEFF");
  const records = parse(bom ? text.slice(1) : text, { record_delimiter: "\r\n" }) as string[][];
  const [header = [], ...data] = records;
  const rows = data.map((cells) => Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ""])) as StatusSheetRecord);
  return { bom, header, rows };
}

/** The sheet saved back as a spreadsheet would write it (CRLF, BOM, the cells as they were, apostrophes included). */
export function writeSheet(rows: StatusSheetRecord[], options: { columns?: readonly string[]; delimiter?: string } = {}): string {
  const columns = options.columns ?? STATUS_SHEET_COLUMNS;
  const cells = rows.map((row) => columns.map((column) => (row as Record<string, string>)[column] ?? ""));
  return "\uFEFF" + stringify([[...columns], ...cells], { record_delimiter: "\r\n", delimiter: options.delimiter ?? ",", quoted_match: /[\r\n]/ });
}
