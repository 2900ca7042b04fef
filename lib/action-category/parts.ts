/**
 * Action categories per State's part. OHCHR merges near-identical recommendations of several States into one
 * paragraph ("Continue its actions … (Benin); Take meaningful steps towards ratification … (Estonia); …"), and the
 * paragraph's own category reads only the first State's verb. Each part is classified on its own, with the same rules,
 * so a filter on "general action" finds 28.9 through Estonia's part. Pure: no database, no I/O.
 *
 * Stored per recommendation (lib/server): `partActionCategories`, the original category of each part in printed
 * order, and `actionCategories`, every category the filters match: the paragraph's own and its parts', or, while an
 * organisation's override stands, the override alone. The originals are kept, so clearing the override brings the
 * parts back.
 */
import { splitRecommendationParts } from "@/lib/import/recommending-states";
import { classifyActionCategory } from "./classify";

/** The original category of a paragraph: the number, and whether the rules derived it (else the source gave it). */
export type OriginalActionCategory = { category: number | null; derived: boolean };

/**
 * The original action category of each part of a recommendation, in printed order; empty when the paragraph has none.
 * A text of one part keeps the paragraph's own category. A source's category (UPR Info's, one per State's row) is
 * every part's; a derived one is derived again from each part's own opening verb.
 */
export function partActionCategories(text: string, original: OriginalActionCategory): number[] {
  if (original.category === null) return [];
  const parts = splitRecommendationParts(text);
  if (parts.length <= 1) return [original.category];
  const category = original.category;
  return parts.map((part) => (original.derived ? classifyActionCategory(part.text).category : category));
}

/**
 * Every category a recommendation is found under, ascending and distinct: its effective category and its parts'
 * original ones, or an override alone (an organisation's correction applies to the whole paragraph). The JavaScript
 * twin of the SQL in lib/server/recommendation-index.ts.
 */
export function effectiveActionCategories(effective: { category: number | null; method: string | null }, parts: readonly number[]): number[] {
  const all = effective.method === "OVERRIDE" ? [effective.category] : [...parts, effective.category];
  return [...new Set(all.filter((c): c is number => c !== null))].sort((a, b) => a - b);
}

/** A State's part of a recommendation with its original category, for the detail page and the API. */
export type CategorisedPart = { text: string; states: string[]; actionCategory: number | null };

/**
 * The parts of a recommendation with their stored categories. A text of one part is the whole text, made by every
 * recommending State. Categories stored for another split of the text (none stored yet) are left out, never guessed.
 */
export function categorisedParts(text: string, recommendingStates: readonly string[], stored: readonly number[]): CategorisedPart[] {
  const parts = splitRecommendationParts(text);
  if (parts.length <= 1) return [{ text, states: [...recommendingStates], actionCategory: stored.length === 1 ? stored[0]! : null }];
  const aligned = stored.length === parts.length;
  return parts.map((part, i) => ({ text: part.text, states: part.states, actionCategory: aligned ? stored[i]! : null }));
}
