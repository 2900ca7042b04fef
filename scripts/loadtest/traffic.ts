/**
 * The load test's traffic: autocannon connections looping over a mix of anonymous pages, the JSON API, a CSV export
 * and a signed-in member's private notes (POST /api/recommendations/{id}/notes), with every answer timed and every
 * acknowledged note (201 with its id) kept, so the report can look for each afterwards.
 */
import autocannon from "autocannon";
import type { Outage } from "./report";

export type Sample = { at: number; status: number | "error" };
export type Traffic = {
  samples: Sample[];
  /** Notes the app acknowledged (201), by id. */
  acknowledged: string[];
  /** Note requests sent (acknowledged or not). */
  sent: number;
  /** Requests still in flight when the time was up. */
  cutOff: number;
  latency: { p50: number; p99: number };
  perSecond: number;
  seconds: number;
  /** The fault, in seconds since the load began. */
  outage: Outage;
};

export type TrafficOptions = {
  origin: string;
  cookie: string;
  connections: number;
  seconds: number;
  /** Recommendations whose pages are read and on which notes are written. */
  recommendationIds: number[];
  /** Called once, `at` seconds in: the fault, answering when it began and ended (ms since the epoch). */
  fault: { at: number; run: () => Promise<Outage> };
};

export function trafficPaths(ids: number[]): { method: string; path: string; member?: boolean }[] {
  const id = ids[0]!;
  return [
    { method: "GET", path: "/en" },
    // Early in each connection's loop, so writes run from the start.
    { method: "POST", path: `/api/recommendations/${id}/notes`, member: true },
    { method: "GET", path: "/en/recommendations?cycle=3&position=noted" },
    { method: "GET", path: `/en/recommendations/${id}` },
    { method: "GET", path: "/api/recommendations?cycle=3&pageSize=50" },
    { method: "GET", path: "/api/stats?by=position" },
    { method: "GET", path: "/api/recommendations.csv?cycle=2" },
    { method: "GET", path: `/api/recommendations/${id}/notes`, member: true },
  ];
}

export async function runTraffic(options: TrafficOptions): Promise<Traffic> {
  const started = Date.now();
  const samples: Sample[] = [];
  const acknowledged: string[] = [];
  let sent = 0;
  let cutOff = 0;
  const member = { cookie: options.cookie, origin: options.origin };
  const requests = trafficPaths(options.recommendationIds).map((request) => ({
    method: request.method,
    path: request.path,
    // The note's answer is read (its id), so it is asked for uncompressed.
    headers: request.member ? { ...member, "content-type": "application/json", ...(request.method === "POST" ? { "accept-encoding": "identity" } : {}) } : {},
    ...(request.method === "POST"
      ? {
          setupRequest: (raw: { method?: string; path: string; headers?: Record<string, string>; body?: string }) => {
            sent += 1;
            return { ...raw, body: JSON.stringify({ body: `Load test note ${sent}: 跟进司法部的答复`, tags: ["loadtest"] }) };
          },
          onResponse: (status: number, body: string) => {
            if (status !== 201) return;
            try {
              acknowledged.push((JSON.parse(body) as { id: string }).id);
            } catch {
              // a 201 without a readable id is counted among the statuses, not the acknowledged writes
            }
          },
        }
      : {}),
  }));
  const instance = autocannon({ url: options.origin, connections: options.connections, duration: options.seconds, timeout: 10, headers: { "accept-encoding": "gzip" }, requests });
  // An answer autocannon could not read has no status: it counts as no answer.
  instance.on("response", (_client: unknown, status: number | undefined) => samples.push({ at: (Date.now() - started) / 1000, status: typeof status === "number" ? status : "error" }));
  // autocannon ends the requests still in flight when the time is up: those are cut off, not failed.
  instance.on("reqError", () => {
    const at = (Date.now() - started) / 1000;
    if (at >= options.seconds) cutOff += 1;
    else samples.push({ at, status: "error" });
  });
  const fault = new Promise<Outage>((resolve, reject) => setTimeout(() => options.fault.run().then(resolve, reject), options.fault.at * 1000));
  const result = await instance;
  const outage = await fault;
  return {
    samples,
    acknowledged,
    sent,
    cutOff,
    latency: { p50: result.latency.p50, p99: result.latency.p99 },
    perSecond: samples.filter((sample) => sample.status !== "error").length / result.duration,
    seconds: result.duration,
    outage: { kind: outage.kind, from: (outage.from - started) / 1000, to: (outage.to - started) / 1000 },
  };
}
