/**
 * `npm run bench -- sign-in [--iterations N]`: what a sign-in costs with the account protections of issue 14 (the
 * per-address limit kept in PostgreSQL, the per-account slow-down, the session hook, the audit event), against the
 * same work done by hand: the password hash check plus the same rows written through raw pg. Reports, never judges.
 */
import crypto from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureDatabaseExists, migrate } from "@/lib/database/postgres";
import { SERVER_SETS_CLIENT_ADDRESS } from "@/lib/http/client-address";
import { openBenchDatabase } from "./database";
import { int, ms, percentile, table, timeAlternating } from "./report";

const PASSWORD = "a long enough bench passphrase";
const ORIGIN = "http://localhost:3000";
const WARM_UP = 3;

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { iterations: { type: "string" } } });
  const iterations = Number(values.iterations ?? 40);
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`--iterations must be a positive whole number, not "${values.iterations}"`);
  const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
  const db = await openBenchDatabase(log);
  let pool: pg.Pool | null = null;
  try {
    await ensureDatabaseExists(db.url);
    await migrate(db.url, { quiet: true });
    process.env.DATABASE_URL = db.url;
    process.env.BETTER_AUTH_SECRET ??= crypto.randomBytes(32).toString("hex");
    // The bench calls the route handler directly and sets the client address itself, as the app's server does.
    process.env[SERVER_SETS_CLIENT_ADDRESS] = "1";
    const { addUser } = await import("@/lib/server/accounts");
    const { getAuth } = await import("@/lib/server/auth");
    const { POST } = await import("@/app/api/auth/[...all]/route");
    const { userId } = await addUser({ kind: "operator" }, { email: "bench@example.org", password: PASSWORD, name: "Bench" });
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const hash = (await pool.query<{ password: string }>(`SELECT password FROM "Account" WHERE "userId" = $1`, [userId])).rows[0]!.password;
    const context = await getAuth().$context;

    let address = 0;
    const signIn = async (email: string, password: string): Promise<number> => {
      address += 1;
      const headers = { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` };
      const response = await POST(new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", headers, body: JSON.stringify({ email, password }) }));
      await response.arrayBuffer();
      return response.status;
    };
    if ((await signIn("bench@example.org", PASSWORD)) !== 200) throw new Error("the bench account cannot sign in");

    // By hand: the hash check, then the rows a sign-in writes (rate-limit count, throttle clear, session, audit event).
    const byHand = async (right: boolean): Promise<void> => {
      await context.password.verify({ hash, password: right ? PASSWORD : "wrong" });
      const key = `bench-${crypto.randomUUID()}|/sign-in/email`;
      await pool!.query(`INSERT INTO "RateLimit" (id, key, count, "lastRequest") VALUES ($1, $2, 1, $3) ON CONFLICT (key) DO UPDATE SET count = "RateLimit".count + 1`, [crypto.randomUUID(), key, Date.now()]);
      if (right) {
        await pool!.query(`DELETE FROM "SignInThrottle" WHERE key = $1`, ["password:bench@example.org"]);
        await pool!.query(`INSERT INTO "Session" (id, "expiresAt", token, "updatedAt", "userId") VALUES ($1, now() + interval '7 days', $2, now(), $3)`, [crypto.randomUUID(), crypto.randomUUID(), userId]);
      } else {
        await pool!.query(`INSERT INTO "SignInThrottle" (key, failures, "lastFailureAt", "blockedUntil") VALUES ($1, 1, now(), now()) ON CONFLICT (key) DO UPDATE SET failures = 1`, [`password:${crypto.randomUUID()}`]);
      }
      await pool!.query(`INSERT INTO "AuditEvent" ("actorUserId", "actorName", action, "subjectType", "subjectId", changes) VALUES ($1, 'Bench', 'auth.sign-in', 'user', $1, '{}')`, [userId]);
    };

    const right = await timeAlternating(() => signIn("bench@example.org", PASSWORD), () => byHand(true), iterations, WARM_UP);
    // Wrong passwords of accounts that do not exist, each its own email, so the slow-down never makes one wait.
    const wrong = await timeAlternating(() => signIn(`nobody-${crypto.randomUUID()}@example.org`, "wrong password"), () => byHand(false), iterations, WARM_UP);
    const row = (label: string, samples: { app: number[]; raw: number[] }): string[] => {
      const [appP50, rawP50] = [percentile(samples.app, 50), percentile(samples.raw, 50)];
      return [label, ms(appP50), ms(percentile(samples.app, 95)), ms(rawP50), ms(percentile(samples.raw, 95)), `${(appP50 / rawP50).toFixed(2)}x`];
    };
    process.stdout.write(
      [
        `Sign-in through POST /api/auth/sign-in/email (better-auth, rate limit in PostgreSQL, slow-down, session hook, audit)`,
        `vs by hand (the password hash check + the same rows through raw pg); ${WARM_UP} warm-up rounds, ${int(iterations)} timed each.`,
        `Machine: Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}.`,
        "",
        ...table(["sign-in", "app p50", "app p95", "by hand p50", "by hand p95", "app/by hand p50"], [row("right password", right), row("wrong password (no such account)", wrong)]),
        "",
      ].join("\n"),
    );
  } finally {
    await pool?.end().catch(() => {});
    await db.release({ keep: false });
  }
  return 0;
}
