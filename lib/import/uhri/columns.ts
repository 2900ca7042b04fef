import type { ImportIssue } from "../types";

/** The 16 columns of the UHRI xlsx export (export-full-en.xlsx), in its order and with its own spelling. */
export const UHRI_COLUMNS = [
  "Text",
  "Countries Concerned",
  "Reccomending Body",
  "Document Symbol",
  "Themes",
  "Affected Persons",
  "Sdgs",
  "Document Publication Date",
  "UPR Reccomending States",
  "UPR Position",
  "Type",
  "OHCHR Annotation Id",
  "UPR Session",
  "Regions Concerned",
  "Recommending Regions",
  "Date of publication on UHRI",
] as const;
export type UhriColumn = (typeof UHRI_COLUMNS)[number];

/** Read when present: the dates, the type and the regions. Every other column is what a recommendation is made of. */
const OPTIONAL: ReadonlySet<UhriColumn> = new Set<UhriColumn>([
  "Document Publication Date",
  "Type",
  "Regions Concerned",
  "Recommending Regions",
  "Date of publication on UHRI",
]);
const REQUIRED: readonly UhriColumn[] = UHRI_COLUMNS.filter((column) => !OPTIONAL.has(column));

/**
 * A header title reduced to what identifies it: letters and digits, lower case, with UHRI's "Reccomending" read as
 * "Recommending", so both spellings (and any spacing or capitalisation) match.
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .replace(/reccomend|recomend|reccommend/g, "recommend");
}

const BY_TITLE = new Map(UHRI_COLUMNS.map((c) => [normaliseTitle(c), c]));

export type ColumnIndex = ReadonlyMap<UhriColumn, number>;

/**
 * Where each column is, found by title (not by position, so a reordered or extended export still reads), or the one
 * issue that refuses the layout, listing the columns expected and the ones found.
 */
export function matchColumns(titles: readonly string[], location = "row 1"): { columns: ColumnIndex } | { issue: ImportIssue } {
  const columns = new Map<UhriColumn, number>();
  titles.forEach((title, i) => {
    const column = BY_TITLE.get(normaliseTitle(title));
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length === 0) return { columns };
  const found = titles.map((t) => t.trim()).filter((t) => t !== "");
  const message =
    `not the UHRI export layout: expected the columns ${UHRI_COLUMNS.join(", ")}; ` +
    `found ${found.length > 0 ? found.join(", ") : "no column titles"} (missing ${missing.join(", ")})`;
  return { issue: { location, kind: "layout", message } };
}
