/**
 * The pages bench's HTTP side: the app served by `next start` (scripts/serve.ts, as `npm start` serves it) on a
 * database of the bench's, timed requests over a kept-alive connection, a browser-like sign-in, and autocannon runs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import { NEXT_BUILD_ARGS, needsBuild, recordBuild } from "../lib/build";

export type App = { origin: string; stop: () => Promise<void> };

/** The apps running now, so Ctrl-C can stop them before the database they serve is dropped. */
const running = new Set<App>();

export async function stopApps(): Promise<void> {
  await Promise.all([...running].map((app) => app.stop()));
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? 1);
    else child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** `next build` unless the last build's sources are unchanged (the fingerprint `npm start` keeps). */
export async function buildIfNeeded(log: (message: string) => void): Promise<"reused" | "built"> {
  if (!needsBuild()) return "reused";
  log("Building the app (next build): its sources changed since the last build, or there is none…");
  // The report goes to stdout: the build's own output goes to stderr.
  const child = spawn(path.resolve("node_modules", ".bin", "next"), [...NEXT_BUILD_ARGS], { stdio: ["ignore", 2, 2], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const code = await exitCode(child);
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  recordBuild();
  return "built";
}

/**
 * Serves the last build on `port` against `databaseUrl`, through scripts/serve.ts as `npm start` does (it sets the
 * client-address header the sign-in's rate limit keys on). Resolves once the server says it is ready.
 */
export async function startApp(databaseUrl: string, port: number, secret: string, log: (message: string) => void): Promise<App> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_SECRET: secret };
  delete env.BETTER_AUTH_URL;
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["scripts/serve.ts"], { stdio: ["ignore", "pipe", "pipe"], env });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start on port ${port} within 120 s:\n${output.slice(-2000)}`)), 120_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(`Ready on port ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (code ${code}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await exitCode(child);
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  // Keep reading, so a full pipe never blocks the server; its errors are worth seeing.
  child.stdout!.removeAllListeners("data").resume();
  child.stderr!.removeAllListeners("data").on("data", (chunk: Buffer) => log(`app: ${chunk.toString().trimEnd()}`));
  const app: App = {
    origin: `http://localhost:${port}`,
    stop: async () => {
      running.delete(app);
      await stop();
    },
  };
  running.add(app);
  return app;
}

export type Fetched = { status: number; ms: number; wireBytes: number; gzipped: boolean; cache?: string };

/** One kept-alive connection, as a browser tab reuses its own. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET with `Accept-Encoding: gzip`: the time to the last byte and the bytes on the wire (compressed when the app compresses). */
export function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers: { "accept-encoding": "gzip", ...headers } }, (response) => {
      let wireBytes = 0;
      response.on("data", (chunk: Buffer) => (wireBytes += chunk.length));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          ms: performance.now() - started,
          wireBytes,
          gzipped: response.headers["content-encoding"] === "gzip",
          cache: response.headers["x-upr-cache"] as string | undefined,
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    // A page that has not answered in two minutes is reported as such rather than holding the bench.
    request.setTimeout(120_000, () => request.destroy(new Error(`no answer in 120 s from ${url}`)));
  });
}

/** Signs in the way a browser does: POST to better-auth's route with the page's Origin; returns the session cookie. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error(`the bench member could not sign in: ${response.status} ${await response.text()}`);
  return cookie.split(";")[0]!;
}

export type LoadResult = { requests: number; perSecond: number; p50: number; p99: number; non2xx: number; errors: number; timeouts: number; seconds: number };

/** autocannon: `connections` clients for `seconds`, each looping over the paths in order (gzip accepted, as browsers do). */
export async function load(origin: string, paths: string[], connections: number, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    headers: { "accept-encoding": "gzip", ...headers },
    requests: paths.map((p) => ({ method: "GET", path: p })),
  });
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
  };
}
