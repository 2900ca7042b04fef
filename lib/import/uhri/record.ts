import { resolveStateName } from "../../countries";
import { importedActionCategory } from "../action-category";
import { splitRecommendingStates } from "../recommending-states";
import { ensureTheme, namedTheme } from "../themes";
import type { ImportIssue, ParsedRecommendation, ThemeRef } from "../types";
import type { UnresolvedNames } from "../unknown-names";
import { cycleOfSession } from "../upr-info-row";
import { cycleNumber, sdgOfLine, sessionNumber, uhriPosition } from "./values";

/**
 * One UHRI record, as both exports give it (the xlsx row and the JSON item are read into this), and the rules that
 * make a UPR recommendation of it. Values are already split into lists and cleaned; nothing is resolved yet.
 */
export type UhriRecord = {
  /** "row 12" (xlsx, as a spreadsheet numbers it) or "item 3" (JSON, from 1). */
  location: string;
  text: string;
  countries: string[];
  bodies: string[];
  symbol: string | null;
  themes: string[];
  affectedPersons: string[];
  sdgs: string[];
  /** "YYYY-MM-DD"; read for completeness, the review contract has no field for it yet. */
  publicationDate: string | null;
  recommendingStates: string[];
  positions: string[];
  type: string | null;
  annotationId: string | null;
  sessions: string[];
  /** UprCycle of the JSON export; the xlsx has none and the cycle comes from the session. */
  cycle: string | null;
  publishedOnUhri: string | null;
};

/** "UPR", "Universal Periodic Review", "Universal Periodic Review (UPR)", "Human Rights Council - UPR". */
const UPR_BODY = /(^|\W)(upr|universal periodic review)(\W|$)/i;

/** A UPR recommendation: the UPR is its recommending body, or it has any of the UPR fields. */
export function isUprRecord(record: UhriRecord): boolean {
  if (record.bodies.some((body) => UPR_BODY.test(body))) return true;
  return record.recommendingStates.length + record.positions.length + record.sessions.length > 0 || record.cycle !== null;
}

/** "28.66 Continue …" -> paragraph "28.66" and the text after it, as the OHCHR lists print them. */
const NUMBERED = /^(\d+\.\d+)\.?\s+(\S[\s\S]*)$/;

export type Review = { stateUnderReview: string; cycle: number; session: number | null };

export type RecordContext = {
  filter: { stateUnderReview?: string; cycle?: number };
  unresolved: UnresolvedNames;
  errors: ImportIssue[];
};

/** The key used for a name in "first rows": the row number alone for xlsx rows, the whole location otherwise. */
function nameLocation(location: string): number | string {
  const row = /^row (\d+)$/.exec(location);
  return row?.[1] ? Number(row[1]) : location;
}

/**
 * The review a UPR record belongs to, or null (with an issue) when it cannot be told. Read first, so that records
 * outside the filter are skipped before anything else is checked.
 */
export function reviewOf(record: UhriRecord, context: RecordContext): Review | null {
  const { location } = record;
  const fail = (message: string): null => {
    context.errors.push({ location, message });
    return null;
  };
  if (record.countries.length === 0) return fail("no Countries Concerned (the State under review)");
  if (record.countries.length > 1) {
    return fail(`several Countries Concerned (${record.countries.join(", ")}); a UPR recommendation concerns one State`);
  }
  const name = record.countries[0]!;
  const resolved = resolveStateName(name);
  if (resolved === null) {
    context.unresolved.add("State under review", name, nameLocation(location));
    return null;
  }
  if (resolved === "unknown") return fail(`the State under review is given as unknown ("${name}")`);

  const sessions = [...new Set(record.sessions.map(sessionNumber))];
  const session = sessions.length === 1 ? sessions[0]! : null;
  if (sessions.length > 1) return fail(`several UPR Sessions (${record.sessions.join(", ")})`);
  if (record.sessions.length > 0 && !(session !== null && session >= 1 && session < 100)) {
    return fail(`invalid UPR Session "${record.sessions[0]}" (expected a session number)`);
  }
  const givenCycle = record.cycle === null ? null : cycleNumber(record.cycle);
  if (record.cycle !== null && !(givenCycle !== null && givenCycle >= 1 && givenCycle <= 9)) {
    return fail(`invalid UprCycle "${record.cycle}" (expected 1–9)`);
  }
  const cycle = givenCycle ?? (session === null ? null : cycleOfSession(session));
  if (cycle === null) return fail("no UPR Session nor cycle: the review cannot be told");
  return { stateUnderReview: resolved.iso3, cycle, session };
}

function themesOf(record: UhriRecord, problems: string[]): ThemeRef[] {
  const themes: ThemeRef[] = [];
  for (const line of record.themes) {
    const theme = namedTheme(line);
    if (theme) ensureTheme(themes, theme);
  }
  for (const name of record.affectedPersons) ensureTheme(themes, { scheme: "AFFECTED_PERSONS", code: null, name });
  for (const line of record.sdgs) {
    const sdg = sdgOfLine(line);
    if (sdg) ensureTheme(themes, sdg);
    else problems.push(`unrecognised SDG "${line}" (expected a target such as "16.3 - …")`);
  }
  return themes;
}

/**
 * The recommendation of a UPR record within its review, or null when the record has a problem (each reported in
 * `context`: row problems as issues, unresolved State names once per name through `context.unresolved`).
 */
export function recommendationOf(record: UhriRecord, review: Review, context: RecordContext): ParsedRecommendation | null {
  const { location } = record;
  const problems: string[] = [];
  if (record.annotationId === null) problems.push("no OHCHR Annotation Id (the stable key of a UHRI record)");
  const numbered = NUMBERED.exec(record.text);
  const text = numbered?.[2] ?? record.text;
  if (text === "") problems.push("the Text is empty");

  // Recommending States: known ones in order, the source's explicit unknowns counted, the rest reported by name.
  const states: string[] = [];
  let unknown = 0;
  let unresolved = false;
  for (const name of record.recommendingStates) {
    const resolved = resolveStateName(name);
    if (resolved === "unknown") unknown++;
    else if (resolved === null) {
      context.unresolved.add("recommending State", name, nameLocation(location));
      unresolved = true;
    } else if (!states.includes(resolved.iso3)) states.push(resolved.iso3);
  }
  // Without the column, the States the text names in its closing parentheses, as the OHCHR lists print them.
  if (record.recommendingStates.length === 0) states.push(...splitRecommendingStates(text).states);
  if (states.length + unknown === 0 && !unresolved) problems.push("no recommending State (UPR Reccomending States is empty)");

  const { position, unknown: badPosition } = uhriPosition(record.positions);
  if (badPosition !== null) problems.push(`unknown UPR Position "${badPosition}" (expected Supported, Noted or Supported/Noted)`);
  const themes = themesOf(record, problems);

  for (const message of problems) context.errors.push({ location, message });
  if (problems.length > 0 || unresolved) return null;
  return {
    sourceKey: `uhri:${record.annotationId}`,
    stateUnderReview: review.stateUnderReview,
    cycle: review.cycle,
    session: review.session,
    paragraph: numbered?.[1] ?? null,
    text,
    // The English export; the index is published in English.
    textLanguage: "en",
    recommendingStates: states,
    unknownRecommendingStates: unknown,
    position,
    responseWording: record.positions.length > 0 ? record.positions.join("/").toLowerCase() : null,
    positionSource: position === null ? null : (record.symbol ?? "Universal Human Rights Index"),
    themes,
    matrixTheme: null,
    ...importedActionCategory(text, null),
    location,
  };
}
