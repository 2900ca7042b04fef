/**
 * The load test on a PostgreSQL server: a private cluster of its own (initdb + pg_ctl from Debian's `postgresql`, never
 * the shared server on 5432) with the real China data, the production build served by scripts/serve.ts, and the
 * fault `pg_ctl restart -m fast` of that cluster.
 */
import crypto from "node:crypto";
import { ensureDatabaseExists, migrate } from "@/lib/database/postgres";
import { disconnectDb } from "@/lib/server/db";
import { seedRealData } from "@/lib/server/seed";
import { findPgBin, startPrivateCluster, databaseUrl } from "@/tests/helpers/postgres-server";
import { signIn, startApp } from "../bench/http";
import type { Outage } from "./report";
import { addMember, countNotes, MEMBER, pickRecommendations } from "./setup";
import type { LoadTarget } from "./target";

export async function serverTarget(options: { port: number; pgPort?: number }, log: (message: string) => void): Promise<LoadTarget> {
  const binDir = findPgBin();
  if (!binDir) throw new Error("The load test starts a PostgreSQL cluster of its own and needs Debian's postgresql: sudo apt-get install -y postgresql");
  const cluster = await startPrivateCluster(binDir, { port: options.pgPort });
  log(`Started a ${cluster.description}.`);
  const stops: (() => Promise<void>)[] = [() => cluster.stop()];
  const stop = async (): Promise<void> => {
    for (const step of stops.reverse()) await step().catch((error: Error) => log(`cleanup: ${error.message}`));
  };
  try {
    const url = databaseUrl(cluster.baseUrl, "upr_loadtest");
    await ensureDatabaseExists(url);
    await migrate(url, { quiet: true });
    process.env.DATABASE_URL = url;
    log("Loading the real China data…");
    await seedRealData();
    await disconnectDb();
    await addMember(url);
    const app = await startApp(url, options.port, crypto.randomBytes(32).toString("hex"), log);
    stops.push(() => app.stop());
    const cookie = await signIn(app.origin, MEMBER.email, MEMBER.password);
    const fault = async (): Promise<Outage> => {
      const from = Date.now();
      log("Restarting the cluster (pg_ctl restart -m fast)…");
      cluster.restart("fast");
      const to = Date.now();
      log(`The cluster accepts connections again after ${((to - from) / 1000).toFixed(1)} s.`);
      return { kind: "PostgreSQL restart (pg_ctl restart -m fast)", from, to };
    };
    return { origin: app.origin, cookie, recommendationIds: await pickRecommendations(url), fault, countNotes: (ids) => countNotes(url, ids), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
