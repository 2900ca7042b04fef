import fc from "fast-check";
import { expect } from "vitest";

/**
 * How many inputs the property tests try (test-only: nothing in the app imports this). The default run is small, so
 * the property suite stays quick on a busy two-core machine; `FC_RUNS=20` tries twenty times as many inputs, and
 * `FC_SEED=<seed>` replays the seed a failure printed (fast-check prints it, with the shrunk counterexample and its
 * path).
 */

const SCALE = Math.max(0.01, Number(process.env.FC_RUNS ?? "1") || 1);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

/**
 * A parse of a few KB takes milliseconds, and a real .docx a few seconds on a busy machine: a run this long is a hang
 * (a regular expression gone quadratic on a long cell, a loop that never ends).
 */
export const HANG_MS = 15_000;

/** Options for `fc.assert`: `numRuns` scaled by FC_RUNS, the seed from FC_SEED, each run stopped after `HANG_MS`. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return {
    numRuns: Math.max(1, Math.round(numRuns * SCALE)),
    ...(SEED === undefined ? {} : { seed: SEED }),
    plugins: [fc.timeout(HANG_MS)],
  };
}

/** A vitest timeout for a property whose default run takes up to `ms`: scaled by FC_RUNS like the runs. */
export const testTimeout = (ms: number): number => Math.round(ms * Math.max(1, SCALE));

/** Runs `parse` and fails when it took longer than a hang: fast-check's timeout cannot stop synchronous code. */
export async function timed<T>(parse: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await parse();
  const elapsed = performance.now() - start;
  expect(elapsed, `took ${Math.round(elapsed)} ms`).toBeLessThan(HANG_MS);
  return result;
}
