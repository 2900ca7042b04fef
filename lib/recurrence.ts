/**
 * Recurring recommendations: the same request made to the same State under review in several cycles (China was asked
 * to ratify the ICCPR in 2009, 2013 and 2018). Nothing in the UN documents links them, so the app suggests likely
 * counterparts and editors confirm or reject them (lib/server/recurrence.ts).
 *
 * This module is the whole rule, pure and unit-tested; the server only gathers the numbers it needs:
 * 1. Candidates are the recommendations of the State's OTHER reviews that share a recommending State or a theme with
 *    the recommendation, or both. Anything else is never suggested, however similar the words.
 * 2. Texts are compared with PostgreSQL's trigram `similarity()` (pg_trgm) after `NORMALISE_RULES`: the States'
 *    names in brackets go, treaty names become their abbreviations (2013 writes "ICCPR", 2018 the full name), and
 *    filler words go. OHCHR merges several States' recommendations into one paragraph, separated by ";", so each part
 *    is compared with each part and the best pair counts: "Ratify ICCPR (Albania); Ratify ICCPR and CPED (Chile); …".
 * 3. The score is that similarity plus `SAME_STATE_BONUS` when a recommending State is shared and `SAME_THEME_BONUS`
 *    when a theme is. A candidate is suggested when its similarity reaches `MIN_SIMILARITY` (the bonuses cannot lift
 *    unrelated words) and its score reaches `MIN_SCORE`.
 * 4. Best score first, then the nearer cycle, then document order; at most `MAX_SUGGESTIONS_PER_CYCLE` from each
 *    other cycle, so a crowded 2013 list cannot hide the 2009 counterpart.
 */

/**
 * Ordered replacements applied to the lower-cased text of each part, the same in PostgreSQL and in JavaScript. The
 * database stores each text's parts normalised ("RecommendationSimilarityPart"): a change here needs a migration that
 * empties that table, which the start-up seed then fills again with the new rules.
 */
export const NORMALISE_RULES: readonly (readonly [pattern: string, replacement: string])[] = [
  ["international covenant on civil and political rights", "iccpr"],
  ["international covenant on economic,? social and cultural rights", "icescr"],
  ["convention on the elimination of all forms of discrimination against women", "cedaw"],
  ["convention against torture and other cruel,? inhuman or degrading treatment or punishment", "cat"],
  ["capital punishment", "death penalty"],
  ["[^a-z0-9]+", " "],
  // Filler words, matched between spaces (the text is padded with one on each side first).
  [" (the|of|and|to|its|a|an|in|on|for|with|as|by|at|be|that|this|all|which|further|continue|consider)(?= )", ""],
];

/** Brackets hold the recommending States' names in OHCHR lists ("(New Zealand)") and abbreviations; both go first. */
export const BRACKETS_PATTERN = "\\([^)]*\\)";
/** OHCHR separates the merged recommendations of one paragraph with ";". */
export const PART_SEPARATOR = ";";

/** Below this trigram similarity two texts are not the same recommendation, whoever made them. */
export const MIN_SIMILARITY = 0.2;
/** The score a candidate needs to be suggested. */
export const MIN_SCORE = 0.35;
/** The same State asking again is the strongest sign of a recurring recommendation. */
export const SAME_STATE_BONUS = 0.15;
export const SAME_THEME_BONUS = 0.05;
export const MAX_SUGGESTIONS_PER_CYCLE = 5;
/**
 * Theme schemes that say what a recommendation is about. Affected persons ("general") and SDGs are too broad to make
 * two recommendations the same. Themes are compared by name, so UPR Info's "Death penalty" (2009) meets the UHRI
 * theme of the same name (2013, 2018).
 */
export const SUBJECT_THEME_SCHEMES = ["UHRI_CODED", "UHRI_THEME", "UPR_INFO_ISSUE"] as const;

/** The comparable parts of a text, normalised as `NORMALISE_RULES` says; the JavaScript twin of the SQL. */
export function normaliseForSimilarity(text: string): string[] {
  return text
    .replace(new RegExp(BRACKETS_PATTERN, "g"), " ")
    .split(PART_SEPARATOR)
    .map((part) => NORMALISE_RULES.reduce((value, [pattern, replacement]) => value.replace(new RegExp(pattern, "g"), replacement), ` ${part.toLowerCase()} `).trim())
    .filter(Boolean);
}

export type CandidateFacts = {
  /** Best trigram similarity between a part of each text, 0..1. */
  similarity: number;
  sharesState: boolean;
  sharesTheme: boolean;
};

/** Why a candidate is suggested, for the page: the shared State(s) and/or theme(s). */
export type RecurrenceReason = "same-state" | "same-theme";

export function recurrenceScore(facts: CandidateFacts): number {
  return facts.similarity + (facts.sharesState ? SAME_STATE_BONUS : 0) + (facts.sharesTheme ? SAME_THEME_BONUS : 0);
}

/** Whether a candidate is worth an editor's look: see the module comment. */
export function isSuggested(facts: CandidateFacts): boolean {
  if (!facts.sharesState && !facts.sharesTheme) return false;
  return facts.similarity >= MIN_SIMILARITY && recurrenceScore(facts) >= MIN_SCORE;
}

export function reasonsOf(facts: CandidateFacts): RecurrenceReason[] {
  return [...(facts.sharesState ? (["same-state"] as const) : []), ...(facts.sharesTheme ? (["same-theme"] as const) : [])];
}

type Rankable = CandidateFacts & { cycle: number; ordinal: number; id: number };

/**
 * The suggestions among `candidates` for a recommendation of `cycle`: earlier ones (lower cycles) and later ones,
 * each best first, with at most `perCycle` from any one cycle.
 */
export function rankSuggestions<T extends Rankable>(cycle: number, candidates: readonly T[], perCycle = MAX_SUGGESTIONS_PER_CYCLE): { earlier: (T & { score: number })[]; later: (T & { score: number })[] } {
  const taken = new Map<number, number>();
  const ranked = candidates
    .filter(isSuggested)
    .map((candidate) => ({ ...candidate, score: recurrenceScore(candidate) }))
    .sort((a, b) => b.score - a.score || Math.abs(a.cycle - cycle) - Math.abs(b.cycle - cycle) || a.cycle - b.cycle || a.ordinal - b.ordinal || a.id - b.id)
    .filter((candidate) => {
      const count = (taken.get(candidate.cycle) ?? 0) + 1;
      taken.set(candidate.cycle, count);
      return count <= perCycle;
    });
  return {
    earlier: ranked.filter((candidate) => candidate.cycle < cycle),
    later: ranked.filter((candidate) => candidate.cycle > cycle),
  };
}

/** A link is stored once per pair, the earlier (lower cycle) first. */
export function orderPair<T extends { id: number; cycle: number }>(a: T, b: T): { earlier: T; later: T } {
  return a.cycle < b.cycle ? { earlier: a, later: b } : { earlier: b, later: a };
}
