import { postFormStep, TOTP_STEP } from "@/lib/server/auth/form-post";

/**
 * The second-factor page's code form (code, locale, next), posted with the two-factor cookie the password step set.
 * Goes on to better-auth's POST /api/auth/two-factor/verify-totp (same rate limit and hooks) and answers 303: to
 * `next` signed in, back to the second-factor page with an error (wrong code, wait), or to /sign-in when the step has
 * expired or used up its tries. Posts from another site are refused with 403.
 */
export async function POST(request: Request): Promise<Response> {
  return postFormStep(request, TOTP_STEP);
}
