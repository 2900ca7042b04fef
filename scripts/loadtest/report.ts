/**
 * The load test's verdict, from every timed answer: throughput and latency, counts by status, when the database was
 * down, how long the app took to recover, and which acknowledged writes are missing. It judges against issue 17's
 * targets and hides nothing: every 500 and every connection error is counted.
 */
import type { Sample, Traffic } from "./traffic";

export type Outage = { kind: string; from: number; to: number };
export type Verdict = { lines: string[]; met: boolean };

/** Targets: no 500, 503 only while the database is down, recovery within 5 s, every acknowledged write present. */
export const RECOVERY_TARGET_S = 5;

const failed = (sample: Sample): boolean => sample.status === "error" || sample.status >= 500;
const fixed = (n: number): string => n.toFixed(1);

export function judge(traffic: Traffic, found: number): Verdict {
  const outage = traffic.outage;
  const counts = new Map<string, number>();
  for (const sample of traffic.samples) counts.set(String(sample.status), (counts.get(String(sample.status)) ?? 0) + 1);
  const byStatus = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status === "error" ? "no answer (connection error or timeout)" : status}: ${n}`);

  const s500 = traffic.samples.filter((sample) => sample.status === 500).length;
  const other5xx = traffic.samples.filter((sample) => typeof sample.status === "number" && sample.status > 500 && sample.status !== 503).length;
  // A 503 counts as "while down" up to the recovery target after the database is back, as the app's pool reconnects.
  const late503 = traffic.samples.filter((sample) => sample.status === 503 && (sample.at < outage.from || sample.at > outage.to + RECOVERY_TARGET_S)).length;
  const lastFailure = traffic.samples.filter((sample) => failed(sample) && sample.at >= outage.from).reduce((last, sample) => Math.max(last, sample.at), outage.to);
  // Recovered: an answer below 500 came after the last failure. Without one, the run ended before the app recovered.
  const answeredAfter = traffic.samples.some((sample) => sample.status !== "error" && sample.status < 500 && sample.at > lastFailure);
  const recovery = answeredAfter ? Math.max(0, lastFailure - outage.to) : Number.POSITIVE_INFINITY;
  const firstFailure = traffic.samples.find(failed);
  const missing = traffic.acknowledged.length - found;

  const checks: [string, boolean][] = [
    [`no 500 at all: ${s500} answers of 500${other5xx ? `, ${other5xx} other 5xx (not 503)` : ""}`, s500 === 0 && other5xx === 0],
    [`503 only while the database is down: ${late503} outside`, late503 === 0],
    [`recovery within ${RECOVERY_TARGET_S} s: ${answeredAfter ? `${fixed(recovery)} s` : "not seen before the run ended"}`, recovery <= RECOVERY_TARGET_S],
    [`every acknowledged write present: ${found} of ${traffic.acknowledged.length}`, missing === 0],
  ];
  const unanswered = counts.get("error") ?? 0;
  const lines = [
    `answers: ${traffic.samples.length - unanswered} in ${traffic.seconds} s, ${fixed(traffic.perSecond)}/s` +
      `${unanswered ? ` (plus ${unanswered} requests with no answer)` : ""}${traffic.cutOff ? ` (and ${traffic.cutOff} in flight when the time was up)` : ""}; latency p50 ${traffic.latency.p50} ms, p99 ${traffic.latency.p99} ms`,
    `by status: ${byStatus.join(", ")}`,
    `${outage.kind}: down from ${fixed(outage.from)} s to ${fixed(outage.to)} s (${fixed(outage.to - outage.from)} s)`,
    `first failure (5xx or no answer) at ${firstFailure ? `${fixed(firstFailure.at)} s` : "none"}; last at ${fixed(lastFailure)} s; seconds to recovery after the database was back: ${answeredAfter ? fixed(recovery) : "not recovered before the end"}`,
    `writes: ${traffic.sent} note requests attempted (refused connections included), ${traffic.acknowledged.length} acknowledged (201), ${found} of those found afterwards`,
    ...checks.map(([text, ok]) => `${ok ? "MET " : "MISSED"}  ${text}`),
  ];
  return { lines, met: checks.every(([, ok]) => ok) };
}

/** Statuses per second of the run, for reading where the failures fell: `12s 200×40 503×3`. */
export function timeline(samples: Sample[]): string[] {
  const seconds = new Map<number, Map<string, number>>();
  for (const sample of samples) {
    const second = Math.floor(sample.at);
    const row = seconds.get(second) ?? new Map<string, number>();
    row.set(String(sample.status), (row.get(String(sample.status)) ?? 0) + 1);
    seconds.set(second, row);
  }
  return [...seconds.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, row]) => `${String(second).padStart(3)}s ${[...row.entries()].map(([status, n]) => `${status}×${n}`).join(" ")}`);
}
