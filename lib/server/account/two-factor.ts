import "server-only";
import { totpEnrolment, type TotpEnrolment } from "@/lib/account/totp";
import { getAuth } from "../auth";
import { callAuthRoute } from "../auth/call-route";
import { getDb } from "../db";
import type { Viewer } from "../permissions";
import { AccountRefusal, expectSuccess, requireSignedIn } from "./refusal";

/**
 * Two-factor sign-in with an authenticator app (TOTP), through better-auth's twoFactor plugin and its standard routes.
 * Each step that checks a password or a code goes through better-auth's HTTP handler (callAuthRoute), so it counts
 * against the same per-address limit as the API route. better-auth's hooks audit the changes.
 */

/** Step 1: the password confirmed, better-auth makes a secret (not yet in force) and ten recovery codes. */
export async function startTwoFactorEnrolment(viewer: Viewer | null, requestHeaders: Headers, password: string): Promise<TotpEnrolment> {
  const { user } = requireSignedIn(viewer);
  if (user.twoFactorEnabled) throw new AccountRefusal("alreadyEnabled");
  const body = expectSuccess(await callAuthRoute("/two-factor/enable", { password }, requestHeaders));
  const enrolment = totpEnrolment(String(body.totpURI ?? ""));
  if (!enrolment) throw new AccountRefusal("failed");
  return enrolment;
}

/**
 * Step 2: a code from the app proves it holds the secret; two-factor sign-in is then on (better-auth replaces the
 * session, marked as proven with TOTP) and the recovery codes are handed over, this once.
 */
export async function confirmTwoFactorEnrolment(viewer: Viewer | null, requestHeaders: Headers, code: string): Promise<string[]> {
  const { user } = requireSignedIn(viewer);
  // Only a pending enrolment is confirmed here: a code typed once two-factor is on must not show the codes again.
  const pending = await getDb().twoFactor.count({ where: { userId: user.id, verified: false } });
  if (user.twoFactorEnabled) throw new AccountRefusal("alreadyEnabled");
  if (pending === 0) throw new AccountRefusal("notEnabled");
  expectSuccess(await callAuthRoute("/two-factor/verify-totp", { code }, requestHeaders));
  const { backupCodes } = await getAuth().api.viewBackupCodes({ body: { userId: user.id } });
  return backupCodes;
}

/** Ten new recovery codes, replacing the old ones (all of them, used or not). Needs the password. */
export async function regenerateRecoveryCodes(viewer: Viewer | null, requestHeaders: Headers, password: string): Promise<string[]> {
  const { user } = requireSignedIn(viewer);
  if (!user.twoFactorEnabled) throw new AccountRefusal("notEnabled");
  const body = expectSuccess(await callAuthRoute("/two-factor/generate-backup-codes", { password }, requestHeaders));
  const codes = body.backupCodes;
  if (!Array.isArray(codes) || !codes.every((c) => typeof c === "string")) throw new AccountRefusal("failed");
  return codes;
}

/**
 * Turns two-factor sign-in off, with the password and a current code (from the app, or a recovery code): a stolen
 * password, even with a stolen session, must not be enough to remove the second factor. better-auth's route checks
 * the code (lib/server/auth/two-factor-disable.ts) and then the password.
 */
export async function disableTwoFactor(viewer: Viewer | null, requestHeaders: Headers, input: { password: string; code: string }): Promise<void> {
  const { user } = requireSignedIn(viewer);
  if (!user.twoFactorEnabled) throw new AccountRefusal("notEnabled");
  expectSuccess(await callAuthRoute("/two-factor/disable", input, requestHeaders));
}
