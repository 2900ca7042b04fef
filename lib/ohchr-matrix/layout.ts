import { positionFromWording } from "@/lib/import/positions";
import type { MatrixRow, MatrixTheme, OhchrMatrix } from "@/lib/schemas/ohchr-matrix";

/**
 * OHCHR's thematic list, as its 2nd- and 3rd-cycle .docx lists lay it out and as lib/import/ohchr-* reads it back: a
 * header row naming four columns, a "Theme: …" row (one merged cell) before the recommendations filed under it, and
 * per recommendation its number and text with "Source of position: …", the position, and the themes followed by the
 * affected persons. Pure: what the cells say, never how Word draws them. The first three columns are built only from
 * what the import stored, so reading the file back gives the same recommendations.
 */

/** The header row, OHCHR's own column titles (in English, as published, whatever the language of the fourth column). */
export const MATRIX_COLUMNS = ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"] as const;

/** "1st", "2nd", "3rd", "4th", "11th", "31st". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** "UPR of China (3rd Cycle – 31st session) Thematic list of recommendations": the page header OHCHR prints. */
export function matrixTitle(review: OhchrMatrix["review"]): string {
  const cycle = review.session === null ? `${ordinal(review.cycle)} Cycle` : `${ordinal(review.cycle)} Cycle – ${ordinal(review.session)} session`;
  return `UPR of ${review.stateUnderReview.name} (${cycle}) Thematic list of recommendations`;
}

/** The first column: "28.212 Continue its … (Tunisia);" and "Source of position: A/HRC/40/6/Add.1 - Para. 2". */
export function recommendationCell(row: Pick<MatrixRow, "paragraph" | "text" | "positionSource">): string[] {
  const first = row.paragraph ? `${row.paragraph} ${row.text}` : row.text;
  return row.positionSource ? [first, `Source of position: ${row.positionSource}`] : [first];
}

const POSITION_WORDS: Record<NonNullable<MatrixRow["position"]>, string> = { SUPPORTED: "Supported", SUPPORTED_IN_PART: "Supported in part", NOTED: "Noted" };

/**
 * The second column: the list's own word ("Supported", "Noted"), which the import keeps as the response wording. When a
 * response-wording sheet has since given the State's words from its addendum ("accepted and already implemented"),
 * the list's word is the position's.
 */
export function positionCell(row: Pick<MatrixRow, "position" | "responseWording" | "responseWordingSource">): string {
  const wording = row.responseWording?.trim();
  if (wording && row.responseWordingSource === null && positionFromWording(wording)) return wording.charAt(0).toUpperCase() + wording.slice(1);
  return row.position ? POSITION_WORDS[row.position] : "";
}

/** Coded themes and SDGs sort by their printed code ("A12" < "A3" < "S16"), as OHCHR's lists do; then the others. */
function sortKey(theme: MatrixTheme): [number, string, number] {
  if (theme.scheme === "UHRI_CODED") return [0, theme.code ?? "", theme.id];
  if (theme.scheme === "SDG") return [0, `S${theme.code ?? ""}`, theme.id];
  return [1, "", theme.id];
}

function compareThemes(a: MatrixTheme, b: MatrixTheme): number {
  const [ka, kb] = [sortKey(a), sortKey(b)];
  return ka[0] - kb[0] || (ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : 0) || ka[2] - kb[2];
}

/** A theme's line: "A12 Acceptance of international norms", "S16 SDG 16 - peace, justice and strong institutions", "- Migrants". */
export function themeLine(theme: MatrixTheme): string {
  if (theme.scheme === "UHRI_CODED" && theme.code) return `${theme.code} ${theme.name}`;
  if (theme.scheme === "SDG" && theme.code) return `S${theme.code} SDG ${theme.code} - ${theme.name.toLowerCase()}`;
  return `- ${theme.code ? `${theme.code} ` : ""}${theme.name}`;
}

/** The third column: the themes, then "Affected persons:" and one "- group" line each. */
export function themesCell(themes: readonly MatrixTheme[]): string[] {
  const persons = themes.filter((theme) => theme.scheme === "AFFECTED_PERSONS").sort((a, b) => a.id - b.id);
  const lines = themes.filter((theme) => theme.scheme !== "AFFECTED_PERSONS").sort(compareThemes).map(themeLine);
  return persons.length > 0 ? [...lines, "Affected persons:", ...persons.map((person) => `- ${person.name}`)] : lines;
}

/** The heading a recommendation is filed under: its primary ("Theme:") theme, else none. */
function headingTheme(row: MatrixRow): MatrixTheme | null {
  return row.themes.find((theme) => theme.primary) ?? null;
}

/** "Theme: A12 Acceptance of international norms", "Theme: Ratification of & accession to international instruments". */
export function headingText(theme: MatrixTheme): string {
  return `Theme: ${theme.scheme === "UHRI_CODED" || theme.scheme === "SDG" ? themeLine(theme) : theme.name}`;
}

export type MatrixSection = { heading: string | null; rows: MatrixRow[] };

/**
 * The list's sections: each recommendation once, under its "Theme:" heading, headings in code order and rows in
 * paragraph order within each. Rows without a heading come first, before any "Theme:" row, so a reader files them
 * under none.
 */
export function matrixSections(rows: readonly MatrixRow[]): MatrixSection[] {
  const unfiled: MatrixRow[] = [];
  const byTheme = new Map<number, { theme: MatrixTheme; rows: MatrixRow[] }>();
  for (const row of rows) {
    const theme = headingTheme(row);
    if (!theme) {
      unfiled.push(row);
      continue;
    }
    const section = byTheme.get(theme.id) ?? { theme, rows: [] };
    section.rows.push(row);
    byTheme.set(theme.id, section);
  }
  const sections = [...byTheme.values()].sort((a, b) => compareThemes(a.theme, b.theme)).map(({ theme, rows: filed }) => ({ heading: headingText(theme), rows: filed }));
  return unfiled.length > 0 ? [{ heading: null, rows: unfiled }, ...sections] : sections;
}

/** The matrix's address for a report's review, organisation and scope of assessments, its own words in `lang`. */
export function matrixHref(choice: { review: number; organization: string; assessments: "all" | "public"; lang: string }): string {
  const search = new URLSearchParams([["review", String(choice.review)], ["organization", choice.organization]]);
  if (choice.assessments === "public") search.set("assessments", "public");
  search.set("lang", choice.lang);
  search.set("format", "docx");
  return `/api/reports/matrix?${search.toString()}`;
}
