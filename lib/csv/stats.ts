import { csvLines, exportFileName, UTF8_BOM } from "./format";

/**
 * CSV of counted groups and of chart tables, in the recommendation export's conventions (./format.ts): UTF-8 with BOM,
 * RFC 4180 with CRLF, one header row, every cell neutralised against formula injection. Pure, so the API, the chart
 * downloads and the unit tests share it.
 */
export function tableCsv(header: string[], rows: (string | number)[][]): string {
  return UTF8_BOM + csvLines([header, ...rows].map((row) => row.map(String)));
}

/** The stats API's CSV: `key,label,count`, one row per group. */
export function statsCsv(groups: { key: string; label: string; count: number }[]): string {
  return tableCsv(["key", "label", "count"], groups.map((group) => [group.key, group.label, group.count]));
}

/** `upr-stats-position-cycle-3-sur-chn-2026-11-28.csv`. */
export function statsFileName(by: string, filterSearch: string, date: Date): string {
  return exportFileName(filterSearch, date).replace(/^upr-recommendations/, `upr-stats-${by}`);
}
