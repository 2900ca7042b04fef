import { PASSWORD_STEP, postFormStep } from "@/lib/server/auth/form-post";

/**
 * The sign-in page's plain form post (email, password, locale, next), so signing in works without JavaScript. It goes
 * on to better-auth's POST /api/auth/sign-in/email with the browser's own headers, so the same rate limit, hooks and
 * origin checks apply, and answers 303: to `next` with the session cookie, to the second-factor step with its cookie,
 * or back to /sign-in with an error code. Posts from another site are refused with 403.
 */
export async function POST(request: Request): Promise<Response> {
  return postFormStep(request, PASSWORD_STEP);
}
