import { getCountry, matchStateName } from "../countries";
import { trimEndWhere } from "@/lib/text/trim-end";
import type { ImportIssue, ParseOptions } from "./types";

/**
 * The heading of an OHCHR thematic list names the review: "UPR of China (3rd Cycle – 31st session) Thematic list of
 * recommendations". It is the only place the document says which State, cycle and session it is about.
 */

export type ReviewTitle = {
  /** The State's name as printed, or null when the heading has none. */
  stateName: string | null;
  /** ISO3 of that State, or null when there is no name or it matches no State. */
  stateUnderReview: string | null;
  cycle: number | null;
  session: number | null;
};

const CYCLE = /(\d)\s*(?:st|nd|rd|th)?\s*cycle/i;
const SESSION = /(\d{1,3})\s*(?:st|nd|rd|th)?\s*session/i;

/** A header's text reduced to the title: page numbering and the footnote asterisk removed, spaces collapsed. */
export function cleanTitle(raw: string): string {
  const title = raw
    .replace(/\s+/g, " ")
    .replace(/\bPage \d+ of \d+\b/gi, "")
    // Header paragraphs or runs can abut: "(17th session)Thematic list".
    .replace(/(\S)(Thematic list)/i, "$1 $2")
    .replace(/\s+/g, " ")
    .trim();
  // The footnote asterisks, and the space before them.
  const unstarred = trimEndWhere(title, /\*/);
  return unstarred === title ? title : trimEndWhere(unstarred, /\s/);
}

/** Picks the title among header texts and loose body paragraphs: the first one that reads like a UPR heading. */
export function findTitle(candidates: readonly string[]): string | null {
  for (const candidate of candidates) {
    const title = cleanTitle(candidate);
    const start = title.search(/\bUPR of\b|\bUniversal Periodic Review of\b/i);
    if (start >= 0) return title.slice(start);
    if (/thematic list of recommendations/i.test(title)) return title;
  }
  return null;
}

export function parseReviewTitle(title: string): ReviewTitle {
  const cycleMatch = CYCLE.exec(title);
  const sessionMatch = SESSION.exec(title);
  const cycle = cycleMatch?.[1] ? Number(cycleMatch[1]) : null;
  const session = sessionMatch?.[1] ? Number(sessionMatch[1]) : null;

  // The State's name runs from "UPR of" to the bracket or dash that opens the cycle, or to "Thematic list".
  const stateStart = /\b(?:UPR|Universal Periodic Review) of\s+/i.exec(title);
  let stateName: string | null = null;
  if (stateStart) {
    const rest = title.slice(stateStart.index + stateStart[0].length);
    const ends = [
      rest.search(/\(\s*\d\s*(?:st|nd|rd|th)?\s*cycle/i),
      rest.search(/\s[-–—,]\s*\d\s*(?:st|nd|rd|th)?\s*cycle/i),
      rest.search(/\s\d\s*(?:st|nd|rd|th)?\s*cycle/i),
      rest.search(/thematic list/i),
    ].filter((i) => i >= 0);
    const end = ends.length > 0 ? Math.min(...ends) : rest.length;
    stateName = trimEndWhere(rest.slice(0, end), /[\s\-–—,:]/).trim() || null;
  }
  return {
    stateName,
    stateUnderReview: stateName ? matchStateName(stateName) : null,
    cycle: cycle !== null && cycle >= 1 ? cycle : null,
    session: session !== null && session >= 1 ? session : null,
  };
}

export type ReviewIdentity = { stateUnderReview: string; cycle: number; session: number | null };

/**
 * The review a list belongs to: the heading's word first, the import options as fallback. When both speak and
 * disagree the import stops, since filing 300 recommendations under the wrong State is worse than none.
 */
export function resolveReview(
  title: string | null,
  options: Pick<ParseOptions, "stateUnderReview" | "cycle">,
): { review: ReviewIdentity | null; errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const heading = title ? parseReviewTitle(title) : null;
  const optionState = options.stateUnderReview?.toUpperCase();
  if (optionState && !getCountry(optionState)) {
    errors.push({ location: "options", message: `unknown State under review "${options.stateUnderReview}"` });
  }

  // The State under review.
  let state = heading?.stateUnderReview ?? null;
  if (heading?.stateName && !state) {
    errors.push({ location: "heading", message: `unknown State under review "${heading.stateName}"` });
  } else if (state && optionState && state !== optionState) {
    errors.push({ location: "heading", message: `the heading names ${heading?.stateName} (${state}) but the import says ${optionState}` });
  } else if (!state && !optionState) {
    errors.push({ location: "heading", message: "the heading does not name the State under review; give it with the import" });
  }
  state ??= optionState && getCountry(optionState) ? optionState : null;

  // The cycle.
  let cycle = heading?.cycle ?? null;
  if (cycle !== null && options.cycle !== undefined && cycle !== options.cycle) {
    errors.push({ location: "heading", message: `the heading says cycle ${cycle} but the import says cycle ${options.cycle}` });
  } else if (cycle === null && options.cycle === undefined) {
    errors.push({ location: "heading", message: "the heading does not give the cycle; give it with the import" });
  }
  cycle ??= options.cycle ?? null;

  if (errors.length > 0 || state === null || cycle === null) return { review: null, errors };
  return { review: { stateUnderReview: state, cycle, session: heading?.session ?? null }, errors };
}
