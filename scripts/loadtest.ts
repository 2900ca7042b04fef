/**
 * `npm run loadtest -- [--embedded] [--duration S (60)] [--fault-at S (20)] [--connections N (50)] [--port N] [--pg-port N]`:
 * autocannon over a mix of pages, the JSON API, a CSV export and a signed-in member's notes, against the production
 * build on a database of its own with the real China data, while a fault strikes `--fault-at` seconds in: a restart
 * of its private PostgreSQL cluster (pg_ctl restart -m fast), or with --embedded a SIGKILL of `npm start` on a
 * temporary embedded data directory and a restart. Prints throughput, latency, counts by status, seconds to
 * recovery and the acknowledged writes found afterwards, judged against issue 17's targets (exit code 1 when one is
 * missed, 2 when the test cannot run).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { freePort } from "@/lib/database/embedded";
import { buildIfNeeded } from "./bench/http";
import { embeddedTarget } from "./loadtest/embedded";
import { judge, timeline } from "./loadtest/report";
import { serverTarget } from "./loadtest/server";
import type { LoadTarget } from "./loadtest/target";
import { runTraffic } from "./loadtest/traffic";

const log = (message: string): void => void process.stderr.write(`[loadtest] ${message}\n`);
const print = (lines: string[]): void => void process.stdout.write(`${lines.join("\n")}\n`);

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive whole number, not "${value}"`);
  return number;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      embedded: { type: "boolean" },
      duration: { type: "string" },
      "fault-at": { type: "string" },
      connections: { type: "string" },
      port: { type: "string" },
      "pg-port": { type: "string" },
      timeline: { type: "boolean" },
    },
  });
  const seconds = positive("duration", values.duration, 60);
  const faultAt = positive("fault-at", values["fault-at"], 20);
  if (faultAt >= seconds) throw new Error("--fault-at must come before the end of --duration");
  const connections = positive("connections", values.connections, 50);
  const port = positive("port", values.port, 0) || (await freePort());
  const pgPort = values["pg-port"] === undefined ? undefined : positive("pg-port", values["pg-port"], 0);

  await buildIfNeeded(log);
  let target: LoadTarget | null = null;
  const interrupt = (): void => void (target?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  process.once("SIGINT", interrupt);
  try {
    target = values.embedded ? await embeddedTarget({ port }, log) : await serverTarget({ port, pgPort }, log);
    log(`Load: ${connections} connections for ${seconds} s; the fault at ${faultAt} s.`);
    const traffic = await runTraffic({ origin: target.origin, cookie: target.cookie, connections, seconds, recommendationIds: target.recommendationIds, fault: { at: faultAt, run: target.fault } });
    const found = await target.countNotes(traffic.acknowledged);
    const verdict = judge(traffic, found);
    const load = os.loadavg().map((value) => value.toFixed(2)).join(" ");
    print([`Load test, ${values.embedded ? "embedded database (PGlite)" : "PostgreSQL server (private cluster)"}: ${connections} connections, ${seconds} s, ${os.cpus().length} cores, load average ${load}`, ...verdict.lines]);
    if (values.timeline) print(["", "statuses per second:", ...timeline(traffic.samples)]);
    return verdict.met ? 0 : 1;
  } finally {
    await target?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(error.stack ?? error.message);
    process.exit(2);
  },
);
