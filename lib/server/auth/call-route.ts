import "server-only";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { getAuth } from ".";

/** The request headers a call to better-auth's own routes carries on: the session cookie, the client address, the browser. */
const FORWARDED = ["cookie", CLIENT_ADDRESS_HEADER, "user-agent"] as const;

export type AuthRouteAnswer = {
  status: number;
  /** better-auth's JSON answer (or null), e.g. { code: "INVALID_PASSWORD", message } on a refusal. */
  body: Record<string, unknown> | null;
  /** Seconds to wait, on a 429. */
  retryAfter: number | null;
};

/**
 * Calls one of better-auth's routes (e.g. "/two-factor/enable") through its HTTP handler, as the browser would.
 * Server-side `auth.api.*` calls skip better-auth's rate limiter, so every action that checks a guessable secret (a
 * password, a TOTP or recovery code) goes this way instead: it then shares the per-address budget of the HTTP route
 * (lib/server/auth/index.ts customRules), and an attacker gains nothing by using the account page instead of the API.
 * The cookies the answer sets (a replaced session) are handed to Next, so the browser gets them with the action's
 * answer.
 */
export async function callAuthRoute(path: `/${string}`, body: Record<string, unknown>, requestHeaders: Headers): Promise<AuthRouteAnswer> {
  const auth = getAuth();
  const base = new URL(String(auth.options.baseURL));
  const headers = new Headers({ "content-type": "application/json", origin: base.origin });
  for (const name of FORWARDED) {
    const value = requestHeaders.get(name);
    if (value) headers.set(name, value);
  }
  const response = await auth.handler(new Request(`${base.origin}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
  await forwardCookies(response);
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  const after = Number(response.headers.get("x-retry-after"));
  return {
    status: response.status,
    body: parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null,
    retryAfter: response.status === 429 ? (Number.isFinite(after) && after > 0 ? after : 60) : null,
  };
}

/** The answer's Set-Cookie headers, set on the action's own response (better-auth's nextCookies does this for auth.api calls only). */
async function forwardCookies(response: Response): Promise<void> {
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length === 0) return;
  const jar = await cookies();
  for (const [name, attributes] of parseSetCookieHeader(setCookies.join(", "))) {
    if (name) jar.set(name, attributes.value, toCookieOptions(attributes));
  }
}
