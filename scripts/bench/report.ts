/** Small helpers for the plain-text report: percentiles, number formats and aligned tables. */

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const int = (value: number): string => Math.round(value).toLocaleString("en-GB");
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const seconds = (millis: number): string => `${(millis / 1000).toFixed(1)} s`;

/** "ok" or "target missed": the bench reports, it does not fail. */
export const verdict = (met: boolean): string => (met ? "ok" : "target missed");

/** Columns padded to their widest cell; numbers (cells starting with a digit) are right-aligned. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (/^[\d.,+-]/.test(cell) && column > 0 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)];
}

/** Wall-clock milliseconds of one awaited call. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Times the app and raw pg on the same work after `warmUp` rounds. The two alternate which goes first on every
 * iteration, so neither always meets a cache the other just warmed.
 */
export async function timeAlternating(app: () => Promise<unknown>, raw: () => Promise<unknown>, iterations: number, warmUp: number): Promise<{ app: number[]; raw: number[] }> {
  for (let i = 0; i < warmUp; i++) await Promise.all([app(), raw()]);
  const samples = { app: [] as number[], raw: [] as number[] };
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      samples.app.push(await timed(app));
      samples.raw.push(await timed(raw));
    } else {
      samples.raw.push(await timed(raw));
      samples.app.push(await timed(app));
    }
  }
  return samples;
}

/** One row of an app-vs-raw table: p50 and p95 of each side, their p50 ratio and the verdicts. */
export function comparisonRow(label: string, total: number, samples: { app: number[]; raw: number[] }, targets: { ratio: number; p95Ms: number }): string[] {
  const [appP50, appP95, rawP50, rawP95] = [percentile(samples.app, 50), percentile(samples.app, 95), percentile(samples.raw, 50), percentile(samples.raw, 95)];
  const ratio = appP50 / rawP50;
  return [label, int(total), ms(appP50), ms(appP95), ms(rawP50), ms(rawP95), `${ratio.toFixed(2)}x`, verdict(ratio <= targets.ratio), verdict(appP95 < targets.p95Ms)];
}
