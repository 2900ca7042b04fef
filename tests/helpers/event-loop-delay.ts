/**
 * How long the event loop was held up while `work` ran: what an unrelated request would have waited on this process.
 * A 1 ms timer ticks throughout; the longest gap between two ticks is the longest stretch the loop could not turn.
 *
 * Each gap is measured twice: in wall-clock time (`stallMs`), which a busy machine inflates (another process on a
 * shared core, at a load of 16 on two cores a gap of 1 ms can take 100), and in the process's CPU time
 * (`stallCpuMs`), which it does not: on an idle machine the two are equal, so the CPU time is what an unrelated request
 * would wait on a machine of its own. A timed test asserts on the CPU time, so it neither flakes on a busy machine nor
 * passes a real stall (a synchronous step spends its CPU time however busy the machine is).
 */
export type Stall<T> = { result: T; stallMs: number; stallCpuMs: number; turns: number; tookMs: number };

export async function longestStall<T>(work: () => Promise<T>): Promise<Stall<T>> {
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let last = { wall: performance.now(), cpu: cpuMs() };
  let stallMs = 0;
  let stallCpuMs = 0;
  let turns = 0;
  let running = true;
  const tick = (): void => {
    const now = { wall: performance.now(), cpu: cpuMs() };
    stallMs = Math.max(stallMs, now.wall - last.wall);
    stallCpuMs = Math.max(stallCpuMs, now.cpu - last.cpu);
    last = now;
    turns++;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  const started = performance.now();
  try {
    const result = await work();
    const tookMs = performance.now() - started;
    // One more tick, so a synchronous stretch at the very end is counted too.
    await new Promise((resolve) => setTimeout(resolve, 2));
    return { result, stallMs, stallCpuMs, turns, tookMs };
  } finally {
    running = false;
  }
}

/**
 * The least CPU stall over up to `tries` runs (stopping at the first under `below`): a long synchronous step shows up
 * on every run, while a garbage collection of the test's own strings or another thread's work rarely repeats.
 */
export async function steadyLongestStall<T>(work: () => Promise<T>, below: number, tries = 3): Promise<Stall<T>> {
  let best: Stall<T> | undefined;
  for (let i = 0; i < tries; i++) {
    const run = await longestStall(work);
    if (!best || run.stallCpuMs < best.stallCpuMs) best = run;
    if (best.stallCpuMs < below) break;
  }
  return best!;
}
