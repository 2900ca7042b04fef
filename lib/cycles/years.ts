import type { CycleYears } from "./label";

/**
 * Cycles and the years their reviews were held in, from the loaded reviews' dates (never a fixed table: a State's
 * review of a cycle can fall in any of the cycle's years). Pure, so the explorer, the API, the CSV and the charts
 * share one reading of `cycle=2018`.
 */

/** One loaded review: its State under review, cycle and the year of its date (null when not recorded). */
export type ReviewYear = { id: number; sur: string; cycle: number; year: number | null };

/** A `cycle=` value from this year on is a year, below it a cycle number (there are 4 cycles so far, at most 9). */
export const FIRST_CYCLE_YEAR = 2000;
export const LAST_CYCLE_YEAR = 2100;

export function isCycleYear(value: number): boolean {
  return value >= FIRST_CYCLE_YEAR;
}

export type ResolvedCycles = {
  /** Cycle numbers only, in ascending order, without duplicates. */
  cycles: number[];
  /** Years no loaded review (of the States under review asked for, if any) was held in. */
  unknownYears: number[];
};

/**
 * `cycle=2018` means the cycle(s) of the reviews held in 2018, of the States in `sur` when it is given: China's review
 * of 2018 is its 3rd cycle. A year near the turn of two cycles can name both. Cycle numbers pass through as they are.
 */
export function resolveCycleValues(values: readonly number[], sur: readonly string[], reviews: readonly ReviewYear[]): ResolvedCycles {
  const cycles = new Set<number>();
  const unknownYears: number[] = [];
  const ofSur = (review: ReviewYear) => sur.length === 0 || sur.includes(review.sur);
  for (const value of values) {
    if (!isCycleYear(value)) {
      cycles.add(value);
      continue;
    }
    const held = reviews.filter((review) => review.year === value && ofSur(review)).map((review) => review.cycle);
    if (held.length === 0) unknownYears.push(value);
    for (const cycle of held) cycles.add(cycle);
  }
  return { cycles: [...cycles].sort((a, b) => a - b), unknownYears };
}

/**
 * The years each cycle reads with: those of its loaded reviews, narrowed to the States under review in `sur` when it
 * is given. One State's review gives one year ("2018 (3rd cycle)"); the reviews of many States give the span of
 * their years ("2017–2022 (3rd cycle)"); a cycle with no dated review reads alone.
 */
export function cycleYearsOf(reviews: readonly ReviewYear[], sur: readonly string[] = []): (cycle: number) => CycleYears {
  const spans = new Map<number, { from: number; to: number }>();
  for (const review of reviews) {
    if (review.year === null || (sur.length > 0 && !sur.includes(review.sur))) continue;
    const span = spans.get(review.cycle);
    spans.set(review.cycle, span ? { from: Math.min(span.from, review.year), to: Math.max(span.to, review.year) } : { from: review.year, to: review.year });
  }
  return (cycle) => {
    const span = spans.get(cycle);
    if (!span) return null;
    return span.from === span.to ? span.from : span;
  };
}
