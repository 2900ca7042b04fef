import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * How long the event loop was held up while `work` ran: the longest wait of a 1 ms timer, in ms. It is what an
 * unrelated request would have waited on this process, measured without the noise of a network round trip.
 */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number; tookMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  // Sampled on a timer: a synchronous stretch before the first await shows too, once the timer fires after it.
  const result = await work();
  const tookMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 5));
  delay.disable();
  return { result, stallMs: delay.max / 1e6, tookMs };
}

/**
 * The smallest longest stall over up to `tries` runs (stopping at the first under `below`): a long synchronous step
 * shows up on every run, while a stall the machine caused (another process on a shared core, a garbage collection of
 * the test's own strings) rarely repeats. This keeps a timed test honest on a busy two-core machine without a slack
 * that would hide a real stall.
 */
export async function steadyLongestStall<T>(work: () => Promise<T>, below: number, tries = 3): Promise<{ result: T; stallMs: number; tookMs: number }> {
  let best: { result: T; stallMs: number; tookMs: number } | undefined;
  for (let i = 0; i < tries; i++) {
    const run = await longestStall(work);
    if (!best || run.stallMs < best.stallMs) best = run;
    if (best.stallMs < below) break;
  }
  return best!;
}
