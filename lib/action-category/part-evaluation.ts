/**
 * How well the categories of States' parts agree with categories coded one State at a time (UPR Info's rows are one
 * per recommending State), against paragraphs that merge several States' recommendations (OHCHR's lists, as the app
 * stores them). Each coded row is paired with its State's part of a paragraph, and both ways of categorising are
 * compared: the paragraph's one category for every State in it (how the app worked before), and each part's own.
 * Pure: no I/O.
 */
import { splitRecommendationParts } from "@/lib/import/recommending-states";
import { classifyActionCategory } from "./classify";
import { partActionCategories } from "./parts";

/** A coded row: its text, the category a person gave it, and the ISO3 code of the State that made it. */
export type StateCodedText = { text: string; category: number; state: string };

type Agreement = { rows: number; paragraph: number; part: number };

export type PartEvaluation = Agreement & {
  /** Coded rows given; `rows` of them were paired with a State's part. */
  given: number;
  /** The paired rows whose paragraph joins several States' recommendations: where the two ways can differ. */
  merged: Agreement;
};

type Candidate = { words: Set<string>; paragraph: number; part: number; merged: boolean };

/** The words of a text, lower-cased, without the States' names in brackets. */
function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/\([^)]*\)/g, " ").match(/[a-z0-9]+/g) ?? []);
}

/** Dice's coefficient of two word sets: 1 for the same words, 0 for none in common. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let common = 0;
  for (const word of a) if (b.has(word)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Below this overlap a coded row is not its State's part: the row is left out rather than paired with a guess. */
export const MIN_PART_OVERLAP = 0.4;

export function evaluatePartCategories(rows: readonly StateCodedText[], paragraphs: readonly string[]): PartEvaluation {
  // Every State's part of every paragraph, with the paragraph's category and the part's own.
  const byState = new Map<string, Candidate[]>();
  for (const text of paragraphs) {
    const paragraph = classifyActionCategory(text).category;
    const parts = splitRecommendationParts(text);
    const categories = partActionCategories(text, { category: paragraph, derived: true });
    parts.forEach((part, i) => {
      for (const state of part.states) {
        const list = byState.get(state) ?? [];
        list.push({ words: wordsOf(part.text), paragraph, part: categories[i]!, merged: parts.length > 1 });
        byState.set(state, list);
      }
    });
  }
  const all: Agreement = { rows: 0, paragraph: 0, part: 0 };
  const merged: Agreement = { rows: 0, paragraph: 0, part: 0 };
  for (const row of rows) {
    const words = wordsOf(row.text);
    const scored = (byState.get(row.state) ?? []).map((candidate) => ({ candidate, score: overlap(words, candidate.words) }));
    const best = scored.sort((a, b) => b.score - a.score)[0];
    if (!best || best.score < MIN_PART_OVERLAP) continue;
    for (const counts of best.candidate.merged ? [all, merged] : [all]) {
      counts.rows++;
      if (best.candidate.paragraph === row.category) counts.paragraph++;
      if (best.candidate.part === row.category) counts.part++;
    }
  }
  return { given: rows.length, ...all, merged };
}

const percent = (part: number, whole: number): string => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)} %`);

/** The figures as plain text, under a heading naming the paragraphs' document. */
export function formatPartEvaluation(evaluation: PartEvaluation, document: string, given = "UPR Info"): string {
  const { merged } = evaluation;
  return [
    `Per State's part, against the paragraphs of ${document}: ${evaluation.rows} of ${evaluation.given} ${given} rows paired with their State's part`,
    `  the paragraph's category for each of its States: ${evaluation.paragraph} of ${evaluation.rows} (${percent(evaluation.paragraph, evaluation.rows)})`,
    `  each State's part's own category:               ${evaluation.part} of ${evaluation.rows} (${percent(evaluation.part, evaluation.rows)})`,
    `  in paragraphs joining several States (${merged.rows} rows): paragraph's ${merged.paragraph} (${percent(merged.paragraph, merged.rows)}), part's ${merged.part} (${percent(merged.part, merged.rows)})`,
    "",
  ].join("\n");
}
