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
