import type { DocxCell, DocxRow, DocxTable } from "./docx-table";

/**
 * Finds the thematic list table and its columns by their titles, not their positions, so a list with an extra or
 * reordered column still reads. Two layouts exist:
 * - 2nd/3rd cycle: Recommendation | Position | Full list of themes | Assessment/comments on level of implementation
 * - 4th cycle: Recommendation and recommending State | Position of the State under review |
 *   Human rights themes and groups of persons | Relevant SDGs
 */

export type ListLayout = {
  table: DocxTable;
  /** Index of the header row in `table.rows`; data rows follow it. */
  headerRow: number;
  recommendation: number;
  position: number;
  themes: number;
  /** The 4th-cycle SDG column, absent from older lists. */
  sdgs: number | null;
  /** True for the older lists whose themes carry A12-style codes. */
  coded: boolean;
};

export const MISSING_TABLE = "no thematic list table found (expected columns Recommendation, Position, themes)";

const cellText = (cell: DocxCell): string => cell.paragraphs.join(" ").replace(/\s+/g, " ").trim();

/** The cells of a row spread over the grid columns, so a merged cell occupies every column it spans. */
export function gridCells(row: DocxRow): DocxCell[] {
  return row.cells.flatMap((cell) => Array.from({ length: cell.colspan }, () => cell));
}

function columnsOf(row: DocxRow): Omit<ListLayout, "table" | "headerRow"> | null {
  const titles = gridCells(row).map((c) => cellText(c).toLowerCase());
  const find = (test: (t: string) => boolean): number => titles.findIndex(test);
  const recommendation = find((t) => t.startsWith("recommendation"));
  const position = find((t) => t.startsWith("position"));
  const themes = find((t) => t.includes("theme"));
  const sdg = find((t) => /\bsdgs?\b|sustainable development goal/.test(t));
  if (recommendation < 0 || position < 0 || themes < 0) return null;
  if (new Set([recommendation, position, themes]).size < 3) return null;
  return { recommendation, position, themes, sdgs: sdg >= 0 ? sdg : null, coded: sdg < 0 };
}

/** The first table with a header row (among its first three rows) naming the three columns we need. */
export function findListLayout(tables: readonly DocxTable[]): ListLayout | null {
  for (const table of tables) {
    for (let i = 0; i < Math.min(3, table.rows.length); i++) {
      const columns = columnsOf(table.rows[i]!);
      if (columns) return { table, headerRow: i, ...columns };
    }
  }
  return null;
}

/** True for a row that repeats the header (Word may repeat it on each page). */
export function isHeaderRow(row: DocxRow): boolean {
  return columnsOf(row) !== null;
}

/**
 * The text of a row that is not a recommendation: one merged cell (the "Theme: A12 ..." headings), or a row whose
 * only text is a "Theme:" heading in its first cell. Null for a data row.
 */
export function headingText(row: DocxRow): string | null {
  const texts = row.cells.map(cellText);
  const first = texts[0] ?? "";
  if (row.cells.length === 1) return first;
  const onlyFirst = first !== "" && texts.slice(1).every((t) => t === "");
  return onlyFirst && /^theme\s*:/i.test(first) ? first : null;
}

/** True for a row with no text at all. */
export function isEmptyRow(row: DocxRow): boolean {
  return row.cells.every((c) => cellText(c) === "");
}
