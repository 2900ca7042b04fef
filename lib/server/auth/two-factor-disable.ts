import "server-only";
import { createOTP } from "@better-auth/utils/otp";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { symmetricDecrypt } from "better-auth/crypto";

/** The TOTP settings of the twoFactor plugin (its defaults): 6 digits, a new code every 30 seconds. */
const TOTP = { digits: 6, period: 30 } as const;

type TwoFactorRow = { secret: string; backupCodes: string };
type Key = Parameters<typeof symmetricDecrypt>[0]["key"];

/** Whether the code is the app's current one (6 digits) or one of the unused recovery codes. */
async function codeMatches(key: Key, row: TwoFactorRow, code: string): Promise<boolean> {
  if (/^\d{6}$/.test(code)) return createOTP(await symmetricDecrypt({ key, data: row.secret }), TOTP).verify(code);
  try {
    const codes: unknown = JSON.parse(await symmetricDecrypt({ key, data: row.backupCodes }));
    return Array.isArray(codes) && codes.includes(code);
  } catch {
    return false;
  }
}

/**
 * POST /two-factor/disable asks better-auth for the password only. Someone holding a stolen session cookie and the
 * password could then turn the second factor off and come back with the password alone, so the route also needs a
 * current code (`code`: from the authenticator app, or a recovery code), checked here before better-auth checks the
 * password. The route's own rate limit (/two-factor/*) bounds the guesses; the account page posts both fields.
 */
export function requireCodeToDisableTwoFactor() {
  return {
    id: "upr-two-factor-disable-code",
    hooks: {
      before: [
        {
          matcher: (context) => context.path === "/two-factor/disable",
          handler: createAuthMiddleware(async (ctx) => {
            const body = (ctx.body ?? {}) as { code?: unknown };
            const code = typeof body.code === "string" ? body.code.replace(/\s+/g, "") : "";
            if (!code) throw new APIError("BAD_REQUEST", { code: "CODE_REQUIRED", message: "a current code from the authenticator app, or a recovery code, is required (field `code`)" });
            const session = await getSessionFromCtx(ctx);
            // Without a session the route itself answers 401.
            if (!session) return;
            const row = await ctx.context.adapter.findOne<TwoFactorRow>({ model: "twoFactor", where: [{ field: "userId", value: session.user.id }] });
            if (!row || !(await codeMatches(ctx.context.secretConfig, row, code))) throw new APIError("UNAUTHORIZED", { code: "INVALID_CODE", message: "Invalid code" });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
