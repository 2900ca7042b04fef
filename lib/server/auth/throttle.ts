import "server-only";
import crypto from "node:crypto";
import type { Db } from "../db";

/**
 * The per-account slow-down. The address-keyed rate limit (better-auth's, in PostgreSQL) stops one client; this
 * stops many clients guessing one account's password or second factor. After FREE_FAILURES consecutive failures,
 * each further attempt waits 2^(failures − FREE_FAILURES) seconds, up to MAX_WAIT_SECONDS. A success clears the
 * count. There is never a lockout: an attacker who knows a member's email can slow their password sign-in to one try
 * per MAX_WAIT_SECONDS, never shut it (and a passkey sign-in is not slowed at all).
 *
 * An attempt is counted when it begins (beginAttempt), so parallel guesses cannot all slip through before the
 * first failure is written; the route's success clears it (clearFailures). The clock is PostgreSQL's, so every app
 * instance agrees.
 */
export const FREE_FAILURES = 3;
export const MAX_WAIT_SECONDS = 15 * 60;
/** Failures this old are forgotten: a typo next month starts from zero. Rows older than this are deleted. */
export const FORGET_AFTER_HOURS = 24;

/** Seconds the next attempt must wait after `failures` consecutive failures. */
export function waitAfterFailures(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS);
}

/** Longer than any address a mail server accepts: such a key is stored as a digest, so a row stays small. */
const LONGEST_KEYED_EMAIL = 320;

/**
 * The password key of an email, whether or not an account has it, so the answer reveals nothing. Normalised as
 * better-auth looks accounts up (lower case); surrounding spaces never reach an account, so they share the key.
 */
export function passwordThrottleKey(email: string): string {
  const normalised = email.trim().toLowerCase();
  return normalised.length <= LONGEST_KEYED_EMAIL ? `password:${normalised}` : `password:sha256:${crypto.createHash("sha256").update(normalised).digest("hex")}`;
}

/** The second-factor key: the account the pending sign-in (or the session) stands for. */
export function secondFactorThrottleKey(userId: string): string {
  return `second-factor:${userId}`;
}

export type Attempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

let lastPrune = 0;

async function pruneForgotten(db: Db): Promise<void> {
  if (Date.now() - lastPrune < 60_000) return;
  lastPrune = Date.now();
  await db.$executeRaw`DELETE FROM "SignInThrottle" WHERE "lastFailureAt" < (now() AT TIME ZONE 'UTC') - make_interval(hours => ${FORGET_AFTER_HOURS}::int)`;
}

/**
 * Begins an attempt on `key`: when the key is not waiting, counts the attempt as a failure (in one statement, so
 * concurrent attempts are serialised by the row) and allows it; otherwise answers how long to wait. A waiting
 * attempt does not add to the count.
 */
export async function beginAttempt(db: Db, key: string): Promise<Attempt> {
  await pruneForgotten(db);
  // Timestamps are stored without a zone, in UTC, as Prisma writes them.
  const counted = await db.$queryRaw<{ failures: number }[]>`
    WITH clock AS (SELECT (now() AT TIME ZONE 'UTC') AS now)
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "lastFailureAt", "blockedUntil")
    SELECT ${key}, 1, clock.now, clock.now + make_interval(secs => ${waitAfterFailures(1)}::int) FROM clock
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."lastFailureAt" < EXCLUDED."lastFailureAt" - make_interval(hours => ${FORGET_AFTER_HOURS}::int) THEN 1 ELSE t."failures" + 1 END,
      "lastFailureAt" = EXCLUDED."lastFailureAt",
      "blockedUntil" = EXCLUDED."lastFailureAt" + make_interval(secs => (
        CASE WHEN t."lastFailureAt" < EXCLUDED."lastFailureAt" - make_interval(hours => ${FORGET_AFTER_HOURS}::int) THEN ${waitAfterFailures(1)}::int
             WHEN t."failures" + 1 < ${FREE_FAILURES}::int THEN 0
             ELSE least(power(2, t."failures" + 1 - ${FREE_FAILURES}::int), ${MAX_WAIT_SECONDS}::int)::int END))
    WHERE t."blockedUntil" <= EXCLUDED."lastFailureAt"
    RETURNING t."failures"`;
  if (counted.length > 0) return { allowed: true };
  const waiting = await db.$queryRaw<{ seconds: number | null }[]>`
    SELECT ceil(extract(epoch FROM "blockedUntil" - (now() AT TIME ZONE 'UTC')))::int AS seconds FROM "SignInThrottle" WHERE "key" = ${key}`;
  return { allowed: false, retryAfterSeconds: Math.max(1, waiting[0]?.seconds ?? 1) };
}

/** A success: the account's failures are forgotten. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
