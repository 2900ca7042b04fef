/**
 * The load test on the embedded database: the app started as `npm start` starts it with DATABASE_URL unset, on a
 * temporary data directory, and the fault a SIGKILL of it (its whole process group: the process that holds PGlite and
 * the Next server) followed at once by the same start again.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findRunningEmbeddedServer } from "@/lib/database/embedded";
import { signIn } from "../bench/http";
import type { Outage } from "./report";
import { addMember, countNotes, MEMBER, pickRecommendations } from "./setup";
import type { LoadTarget } from "./target";

type Started = { child: ChildProcess; exited: Promise<void> };

/** scripts/start.ts in a process group of its own (node with tsx's loader, so the group leader is the app itself). */
function startApp(dataDir: string, port: number, log: (message: string) => void): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_DIR: dataDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  delete env.BETTER_AUTH_SECRET;
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not serve within 300 s:\n${output.slice(-2000)}`)), 300_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(`Ready on port ${port}`)) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners("data").resume();
        child.stderr!.removeAllListeners("data").on("data", (data: Buffer) => log(`app: ${data.toString().trimEnd()}`));
        resolve({ child, exited });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`npm start exited before it served:\n${output.slice(-2000)}`));
    });
  });
}

async function killGroup(started: Started, signal: NodeJS.Signals): Promise<void> {
  try {
    process.kill(-started.child.pid!, signal);
  } catch {
    return;
  }
  await started.exited;
}

async function databaseUrl(dataDir: string): Promise<string> {
  const server = await findRunningEmbeddedServer(dataDir);
  if (!server) throw new Error(`no embedded database answers for ${dataDir}`);
  return server.url;
}

export async function embeddedTarget(options: { port: number }, log: (message: string) => void): Promise<LoadTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upr-loadtest-"));
  let app: Started | null = null;
  const stop = async (): Promise<void> => {
    if (app) await killGroup(app, "SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    log(`Starting the app as npm start does, embedded database in ${dataDir} (the first start loads the real data)…`);
    app = await startApp(dataDir, options.port, log);
    await addMember(await databaseUrl(dataDir));
    const origin = `http://localhost:${options.port}`;
    const cookie = await signIn(origin, MEMBER.email, MEMBER.password);
    const fault = async (): Promise<Outage> => {
      const from = Date.now();
      log("SIGKILL of the app (its process group), then npm start again…");
      await killGroup(app!, "SIGKILL");
      app = await startApp(dataDir, options.port, log);
      const to = Date.now();
      log(`Serving again after ${((to - from) / 1000).toFixed(1)} s.`);
      return { kind: "SIGKILL of npm start (embedded database) and a restart", from, to };
    };
    return {
      origin,
      cookie,
      recommendationIds: await pickRecommendations(await databaseUrl(dataDir)),
      fault,
      countNotes: async (ids) => countNotes(await databaseUrl(dataDir), ids),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
