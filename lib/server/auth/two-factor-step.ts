import "server-only";
import { cookies } from "next/headers";

/** better-auth's two-factor cookie (`__Secure-` over HTTPS), set by a password sign-in that still needs a code. */
const TWO_FACTOR_COOKIE = /^(__Secure-)?better-auth\.two_factor$/;

/**
 * Whether this browser is in the middle of a two-factor sign-in. Only a hint for the page (better-auth checks the
 * signed cookie and its expiry when a code is posted): without the cookie there is nothing to finish.
 */
export async function hasPendingSecondFactor(): Promise<boolean> {
  return (await cookies()).getAll().some((cookie) => TWO_FACTOR_COOKIE.test(cookie.name));
}
