import { FLAT_MEMORY_BYTES, TARGET_EXPORT_RATIO, type ExportResult, type ExportRun } from "./export";
import { int, mb, seconds, table, verdict } from "./report";

const rate = (run: ExportRun): number => run.rows / (run.ms / 1000);
const label = (search: string): string => search || "(whole set)";

export function exportReport(results: ExportResult[]): string[] {
  const throughput = results.map((result) => {
    const ratio = rate(result.route) / rate(result.copy);
    return [
      label(result.search),
      int(result.total),
      seconds(result.route.ms),
      int(rate(result.route)),
      mb(result.route.bytes),
      seconds(result.copy.ms),
      int(rate(result.copy)),
      mb(result.copy.bytes),
      `${ratio.toFixed(2)}x`,
      verdict(ratio >= TARGET_EXPORT_RATIO),
    ];
  });
  const memory = results.map(({ search, memory: { rss, heapUsed, samples, growth } }) => {
    return [
      label(search),
      int(samples),
      mb(rss.start),
      mb(rss.max),
      mb(rss.end),
      mb(heapUsed.start),
      mb(heapUsed.max),
      mb(heapUsed.end),
      `${growth >= 0 ? "+" : ""}${mb(growth)}`,
      verdict(growth < FLAT_MEMORY_BYTES),
    ];
  });
  return [
    "Export: GET /api/recommendations.csv called in-process (the route handler: the ordered ids once, then batches of",
    "1,000 rows by id, lib/csv/ formatting with labels and formula neutralisation), its body read into a counting sink,",
    "vs psql `COPY (SELECT … same where, same order, the row's columns …) TO STDOUT WITH (FORMAT csv)` into the same kind of sink.",
    `Row counts of both checked against the list total. Target: export rows/s >= ${TARGET_EXPORT_RATIO}x COPY rows/s.`,
    "",
    ...table(["set", "rows", "export", "export rows/s", "export size", "COPY", "COPY rows/s", "COPY size", "export/COPY", `>= ${TARGET_EXPORT_RATIO}x`], throughput),
    "",
    "Memory of this process while exporting, sampled every 200 ms. The heap saw-tooths with garbage collection, so",
    "flatness is judged by its floor (about the live heap): lowest heapUsed of the run's second half minus lowest of",
    `its first half. An export holding its rows would lift the floor all the way. Target: floor rise < ${mb(FLAT_MEMORY_BYTES)}.`,
    "",
    ...table(["set", "samples", "rss start", "rss max", "rss end", "heap start", "heap max", "heap end", "floor rise", "flat"], memory),
  ];
}
