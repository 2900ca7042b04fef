import { sdgTheme } from "./sdg";
import type { ThemeRef } from "./types";

/**
 * Theme cells of OHCHR thematic lists. The 2nd/3rd-cycle lists code themes ("A12 Acceptance of international norms",
 * "S16 SDG 16 - ..."); the 4th-cycle lists name them ("- Ratification of & accession to international instruments")
 * and put SDGs in a column of their own. Both end with a list of affected persons / groups of persons.
 */

export type ThemeCell = { themes: ThemeRef[]; unrecognised: string[] };

const PERSONS_HEADING = /^(affected persons|groups of persons)\s*:?$/i;
/** "A12 Acceptance ...", "S16 SDG 16 - ...", "S Sustainable Development Goal implementation". */
const CODED = /^([A-Z]\d{0,3})\s+(\S.*)$/;
/** "S16", "S04": an SDG goal in the coded scheme. */
const SDG_CODE = /^S(\d{1,2})$/;
/** "2.1 Some theme": a numbered 4th-cycle theme. */
const NUMBERED = /^(\d+(?:\.\d+)+)\.?\s+(\S.*)$/;
/** "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS" in the SDG column. */
const SDG_LINE = /^(\d{1,2})\s*[-–—:.]?\s*(\S.*)?$/;

/** Identity of a theme: its scheme plus its code, or its name when it has none. */
export function themeKey(theme: ThemeRef): string {
  return `${theme.scheme}:${theme.code ?? theme.name.toLowerCase()}`;
}

function stripDash(line: string): string {
  return line.replace(/^[-–—•]\s*/, "").trim();
}

/** A coded theme: S-codes with a goal number are SDGs, everything else (bare "S" included) is UHRI. */
export function codedTheme(line: string): ThemeRef | null {
  const m = CODED.exec(line.trim());
  if (!m?.[1] || !m[2]) return null;
  const sdg = SDG_CODE.exec(m[1]);
  if (sdg?.[1]) return sdgTheme(sdg[1]);
  return { scheme: "UHRI_CODED", code: m[1], name: m[2].trim() };
}

/** A 4th-cycle theme, with its "2.1"-style number as code when it has one. */
export function namedTheme(line: string): ThemeRef | null {
  const name = stripDash(line);
  if (name === "") return null;
  const m = NUMBERED.exec(name);
  if (m?.[1] && m[2]) return { scheme: "UHRI_THEME", code: m[1], name: m[2].trim() };
  return { scheme: "UHRI_THEME", code: null, name };
}

function pushUnique(themes: ThemeRef[], theme: ThemeRef): void {
  if (!themes.some((t) => themeKey(t) === themeKey(theme))) themes.push(theme);
}

/**
 * Themes and affected persons of one cell. `coded` selects the 2nd/3rd-cycle reading of theme lines; a line without
 * a code is still kept, as a named theme, rather than lost.
 */
export function parseThemeCell(lines: readonly string[], coded: boolean): ThemeCell {
  const themes: ThemeRef[] = [];
  const unrecognised: string[] = [];
  let persons = false;
  for (const line of lines) {
    if (PERSONS_HEADING.test(line.trim())) {
      persons = true;
      continue;
    }
    const theme = persons
      ? stripDash(line) === ""
        ? null
        : ({ scheme: "AFFECTED_PERSONS", code: null, name: stripDash(line) } satisfies ThemeRef)
      : ((coded ? codedTheme(line) : null) ?? namedTheme(line));
    if (theme) pushUnique(themes, theme);
    else unrecognised.push(line);
  }
  return { themes, unrecognised };
}

/** The SDG column of 4th-cycle lists: "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS" -> SDG "16". */
export function parseSdgCell(lines: readonly string[]): ThemeCell {
  const themes: ThemeRef[] = [];
  const unrecognised: string[] = [];
  for (const line of lines) {
    const m = SDG_LINE.exec(stripDash(line).replace(/^SDG\s*/i, ""));
    const theme = m?.[1] ? sdgTheme(m[1]) : null;
    if (theme) pushUnique(themes, theme);
    else unrecognised.push(line);
  }
  return { themes, unrecognised };
}

/** The matrix heading "Theme: A12 Acceptance of international norms", or null if the text is not one. */
export function parseMatrixHeading(text: string, coded: boolean): ThemeRef | null {
  const m = /^\s*Theme\s*:\s*(\S.*)$/i.exec(text);
  if (!m?.[1]) return null;
  const line = m[1].trim();
  return (coded ? codedTheme(line) : null) ?? namedTheme(line);
}

/** Adds `extra` to `themes` unless an equal theme is there; returns the instance that is in the list. */
export function ensureTheme(themes: ThemeRef[], extra: ThemeRef): ThemeRef {
  const existing = themes.find((t) => themeKey(t) === themeKey(extra));
  if (existing) return existing;
  themes.push(extra);
  return extra;
}
