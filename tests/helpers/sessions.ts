import { createHmac } from "node:crypto";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { getAuth } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";

/** The origin the integration tests address the route handlers at, and the password every test account gets. */
export const ORIGIN = "http://localhost:3000";
export const PASSWORD = "a long enough passphrase";

/**
 * A session cookie for the user, through better-auth's own sign-in route as a browser would get it. Sign-in is
 * rate-limited per address, so each caller passes an address of its own.
 */
export async function signIn(email: string, ip: string, password = PASSWORD): Promise<string> {
  const response = await authPost(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error(`no session for ${email}: ${response.status}`);
  return cookie.split(";")[0]!;
}

/**
 * Another session cookie for an account, made by better-auth itself (its session store and the app's session hooks, as
 * a password sign-in makes it: no second factor) and signed as its sign-in route signs it, without the password check:
 * for a test that needs a further session of someone, not a sign-in (which `signIn` and the sign-in tests cover). The
 * password hash is deliberately slow, so this saves seconds where a test needs many sessions.
 */
export async function newSession(email: string): Promise<string> {
  const context = await getAuth().$context;
  const { id } = await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const session = await context.internalAdapter.createSession(id);
  if (!session) throw new Error(`no session for ${email}`);
  const signature = createHmac("sha256", context.secret).update(session.token).digest("base64");
  return `${context.authCookies.sessionToken.name}=${encodeURIComponent(`${session.token}.${signature}`)}`;
}

/**
 * Marks the cookie's session as begun with a second factor ("totp" by default), standing in for a two-factor sign-in
 * (which its own tests cover) where a test only needs such a session.
 */
export async function markSecondFactor(cookie: string, secondFactor = "totp"): Promise<void> {
  const token = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)).split(".")[0]!;
  await getDb().session.update({ where: { token }, data: { secondFactor } });
}
