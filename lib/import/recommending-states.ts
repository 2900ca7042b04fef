import { matchStateName, resolveStateName } from "@/lib/countries";

/**
 * Finds the recommending States in a recommendation as OHCHR prints it. OHCHR files near-identical recommendations
 * under one paragraph: "Ratify the ICCPR (New Zealand); Accelerate the ratification of the ICCPR (Uruguay) (Mali);".
 * The States are the parenthesised groups that close each sub-recommendation; other parentheticals ("(ILO)",
 * "(No. 29)", "(2011–2020)") sit inside the sentence and are text.
 */

export type RecommendingStates = {
  /** ISO3 codes in printed order, without repeats. */
  states: string[];
  /** Groups where a State was expected but none matched, as printed ("Narnia"). */
  unknown: string[];
  /** Groups the source itself marks as an unknown State ("(Unknown)"): counted, never guessed. */
  unknownMarked: number;
};

type Group = { start: number; end: number; inner: string };

/** Top-level balanced parenthesised groups; an unclosed bracket is left as text. */
function topLevelGroups(text: string): Group[] {
  const groups: Group[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === ")" && depth > 0) {
      depth--;
      if (depth === 0) groups.push({ start, end: i + 1, inner: text.slice(start + 1, i).trim() });
    }
  }
  return groups;
}

/** Runs of groups separated by nothing but whitespace: "(Uruguay) (Mali)". */
function runsOf(text: string, groups: Group[]): Group[][] {
  const runs: Group[][] = [];
  for (const group of groups) {
    const last = runs.at(-1)?.at(-1);
    if (last && text.slice(last.end, group.start).trim() === "") runs.at(-1)!.push(group);
    else runs.push([group]);
  }
  return runs;
}

/** States named by one group: a single name, or a comma list whose every part is a State ("Austria, France"). */
export function statesInGroup(inner: string): string[] | null {
  const one = matchStateName(inner);
  if (one) return [one];
  if (!inner.includes(",")) return null;
  const parts = inner.split(",").map((p) => matchStateName(p));
  return parts.every((p): p is string => p !== null) ? parts : null;
}

const CONNECTORS = new Set(["of", "the", "and", "de", "du", "des", "la", "le", "da", "do", "y", "et"]);

/**
 * Whether an unmatched group looks like a misspelt or unknown State rather than a note in the text: capitalised words,
 * no digits, not an all-caps acronym ("Narnia" yes; "NHRAP", "No. 29", "the Paris Principles" no).
 */
export function isNameLike(inner: string): boolean {
  const plain = inner.replace(/[(),]/g, " ").trim();
  if (plain === "" || /\d/.test(plain) || plain === plain.toUpperCase()) return false;
  const words = plain.split(/\s+/);
  if (!/^\p{Lu}/u.test(words[0] ?? "")) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(w));
}

/** A run of groups that closes a sub-recommendation, with what it names. */
type ClosingRun = { end: number; states: string[]; unknown: string[]; unknownMarked: number };

/**
 * The runs of parenthesised groups that close a sub-recommendation (followed by ";", "." or the end of the text),
 * each with the States it names. A run that names nothing (an acronym before a full stop) is left out.
 */
function closingRuns(text: string): ClosingRun[] {
  const closing: ClosingRun[] = [];
  for (const run of runsOf(text, topLevelGroups(text))) {
    const after = text.slice(run.at(-1)!.end);
    const atEnd = /^[\s;.,:]*$/.test(after);
    if (!atEnd && !/^\s*[;.]/.test(after)) continue;

    // Walk the run from the right, taking States. An unmatched group is an unknown State when it closes the whole
    // text or looks like a name (so a misspelling cannot silently drop the States before it); otherwise it is
    // part of the sentence and ends the list.
    const found: string[][] = [];
    const unknown: string[] = [];
    let unknownMarked = 0;
    for (let i = run.length - 1; i >= 0; i--) {
      const group = run[i]!;
      const matched = statesInGroup(group.inner);
      if (matched) {
        found.unshift(matched);
        continue;
      }
      if (resolveStateName(group.inner) === "unknown") {
        unknownMarked++;
        continue;
      }
      const rightmost = i === run.length - 1;
      if ((rightmost && atEnd) || isNameLike(group.inner)) unknown.push(group.inner);
      else break;
      if (rightmost && !isNameLike(group.inner)) break;
    }
    if (found.length + unknown.length + unknownMarked > 0) closing.push({ end: run.at(-1)!.end, states: found.flat(), unknown, unknownMarked });
  }
  return closing;
}

export function splitRecommendingStates(text: string): RecommendingStates {
  const states: string[] = [];
  const unknown: string[] = [];
  let unknownMarked = 0;
  for (const run of closingRuns(text)) {
    for (const iso3 of run.states) if (!states.includes(iso3)) states.push(iso3);
    unknown.push(...run.unknown);
    unknownMarked += run.unknownMarked;
  }
  return { states, unknown, unknownMarked };
}

/** One State's (or several States') recommendation within a paragraph, as printed, with the States that close it. */
export type RecommendationPart = {
  /** The part exactly as printed, its closing States in brackets included, without the ";" that separates it. */
  text: string;
  /** ISO3 codes of the States that close the part, in printed order; empty for text no State closes. */
  states: string[];
};

/** Separators and spaces between parts: what a part's text neither starts nor ends with. */
const SEPARATORS = /^[\s;.,:]+|[\s;,:]+$/g;

/**
 * The parts of a paragraph that merges several States' recommendations (OHCHR's lists: "Continue its actions … (Benin);
 * Take meaningful steps … (Estonia); …"): each part ends with the States that made it, the same groups
 * `splitRecommendingStates` reads. A text without them (UPR Info's rows, one per State) is one part naming no State;
 * words after the last States form a last part naming none.
 */
export function splitRecommendationParts(text: string): RecommendationPart[] {
  const parts: RecommendationPart[] = [];
  let cursor = 0;
  for (const run of closingRuns(text)) {
    const piece = text.slice(cursor, run.end).replace(SEPARATORS, "");
    cursor = run.end;
    if (piece === "") continue;
    parts.push({ text: piece, states: [...new Set(run.states)] });
  }
  const rest = text.slice(cursor).replace(SEPARATORS, "");
  if (/\p{L}/u.test(rest)) parts.push({ text: rest, states: [] });
  return parts;
}
