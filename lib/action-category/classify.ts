/**
 * UPR Info's action category of a recommendation (1 minimal, 2 continuing, 3 considering, 4 general, 5 specific
 * action), derived from its opening verb phrase when the source does not give it. Pure: no database, no I/O.
 *
 * Method (version ACTION_RULES_VERSION):
 * 1. Normalise: lowercase, fold curly quotes, drop leading numbering ("28.66", "(a)", "3.") and quotes or dashes.
 * 2. Skip an introductory clause up to its comma ("In line with the Paris Principles, establish…"), then leading
 *    adverbs and connectives ("Further", "Also", "to", "Urgently", "Recommended that").
 * 3. Match the longest phrase of the rule table (lib/action-category/rules.ts) at the first verb, in any verb form
 *    ("ratifying", "continued"). Fillers may sit inside a phrase: "take all necessary measures" is "take measures".
 *    A continuing verb decides on its own: "Continue to ratify…" is 2 whatever follows.
 * 4. A recommendation to share experience or best practices with others is 1 unless it opens with a continuing,
 *    considering or specific verb.
 * 5. Nothing matched: 4, general action (rule "default").
 *
 * The rule names a result: "phrase:<words>", "sharing", or "default"; store it with the version to mark a derived value.
 */
import { ACTION_RULES, FILLER_WORDS, LEADING_CLAUSE_OPENERS, LEADING_WORDS, type ActionRule } from "./rules";

export type ActionCategory = 1 | 2 | 3 | 4 | 5;
export type ActionClassification = { category: ActionCategory; rule: string };

/** Changes whenever a rule changes, so stored derived categories can be told apart and recomputed. */
export const ACTION_RULES_VERSION = "verb-rules/1";

export { ACTION_RULES };

type CompiledRule = ActionRule & { words: string[] };

/** First word → its rules, longest phrase first. */
const RULES_BY_FIRST_WORD = new Map<string, CompiledRule[]>();
for (const rule of ACTION_RULES) {
  const words = rule.phrase.split(" ");
  const list = RULES_BY_FIRST_WORD.get(words[0]!) ?? [];
  list.push({ ...rule, words });
  list.sort((a, b) => b.words.length - a.words.length);
  RULES_BY_FIRST_WORD.set(words[0]!, list);
}

const SHARING_VERB = /\b(shar(e|es|ing)|exchang(e|es|ing)|make available)\b/;
const SHARED_THING = /\b(experiences?|(best|good) practices?|know-how|expertise)\b/;

/**
 * A sharing verb followed by what is shared, in the same clause (no "." or ";" between). Each clause is searched from
 * its first sharing verb, in linear time: one pattern `verb[^.;]*thing` tried every verb against the rest of the text,
 * and a text of "share" after "share" took minutes.
 */
function offersSharing(text: string): boolean {
  return text.split(/[.;]/).some((clause) => {
    const verb = SHARING_VERB.exec(clause);
    return verb !== null && SHARED_THING.test(clause.slice(verb.index + verb[0].length));
  });
}

/** Lowercases and strips what precedes the words: numbering, bullets, quotes, dashes. */
export function normaliseRecommendation(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e«»]/g, '"')
    .replace(/^[\s"'`\-\u2013\u2014\u2022*•·.:;]*(?:(?:\(?[0-9]+(?:\.[0-9]+)*[.)]?|\(?[a-z]\)|\(?[ivx]+\))[\s"'`\-\u2013\u2014.:]+)?/, "")
    .trim();
}

function skipLeadingClause(text: string): string {
  const opener = LEADING_CLAUSE_OPENERS.find((o) => text.startsWith(`${o} `));
  if (!opener) return text;
  const comma = text.indexOf(",");
  return comma > 0 ? text.slice(comma + 1).trim() : text;
}

/** Base forms a word may stand for: "ratifying" → "ratify", "continued" → "continue", "stopping" → "stop". */
function baseForms(word: string): string[] {
  const forms = [word];
  for (const suffix of ["ing", "ed", "es", "s"]) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
    const stem = word.slice(0, -suffix.length);
    forms.push(stem, `${stem}e`);
    if (/([bdgklmnprt])\1$/.test(stem)) forms.push(stem.slice(0, -1));
    if (suffix !== "ing" && stem.endsWith("i")) forms.push(`${stem.slice(0, -1)}y`);
  }
  return forms;
}

function matchesRest(words: string[], start: number, phrase: string[]): boolean {
  let at = start;
  for (const want of phrase.slice(1)) {
    let skipped = 0;
    while (at < words.length && words[at] !== want && FILLER_WORDS.has(words[at]!) && skipped < 4) {
      at++;
      skipped++;
    }
    if (words[at] !== want) return false;
    at++;
  }
  return true;
}

function matchRule(words: string[], at: number): CompiledRule | null {
  for (const form of baseForms(words[at]!)) {
    const candidates = RULES_BY_FIRST_WORD.get(form);
    const rule = candidates?.find((r) => matchesRest(words, at + 1, r.words));
    if (rule) return rule;
  }
  return null;
}

/** The action category of one recommendation text, with the rule that decided it. */
export function classifyActionCategory(text: string): ActionClassification {
  const normalised = skipLeadingClause(normaliseRecommendation(text));
  const words = normalised.match(/[a-z]+(?:[-'][a-z]+)*/g) ?? [];
  let at = 0;
  while (at < words.length - 1 && LEADING_WORDS.has(words[at]!)) at++;
  const rule = at < words.length ? matchRule(words, at) : null;
  const category = rule?.category ?? 4;
  if (category !== 2 && category !== 3 && category !== 5 && offersSharing(normalised)) return { category: 1, rule: "sharing" };
  return rule ? { category, rule: `phrase:${rule.phrase}` } : { category: 4, rule: "default" };
}
