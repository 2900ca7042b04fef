import "server-only";
import {
  formLocale,
  pageOfError,
  passwordOutcome,
  safeNextPath,
  secondFactorOutcome,
  stepUrl,
  TWO_FACTOR_PAGE,
  type AuthAnswer,
  type Outcome,
} from "@/lib/auth/sign-in-steps";
import type { Locale } from "@/lib/i18n/routing";
import { assertSameOrigin } from "../csrf";
import { toHttpError } from "../http-errors";
import { getAuth } from "./index";

/** Headers of the browser's form post that do not describe the JSON body sent on to better-auth. */
const BODY_HEADERS = ["content-length", "content-type", "transfer-encoding", "connection", "expect"];

/**
 * Sends a sign-in step to better-auth's own HTTP handler, as the JSON API would receive it: the browser's headers
 * (cookies, Origin, Sec-Fetch-*, the client address the app's server set) and a JSON body. So the rate limit per
 * address, the hooks (per-account slow-down, audit) and better-auth's origin and CSRF checks apply exactly as they do
 * to POST /api/auth/…; a server-side `auth.api` call would skip the rate limiter.
 */
async function forwardToAuth(request: Request, path: string, body: Record<string, unknown>): Promise<Response> {
  const headers = new Headers(request.headers);
  for (const name of BODY_HEADERS) headers.delete(name);
  headers.set("content-type", "application/json");
  headers.set("accept", "application/json");
  const url = new URL(`/api/auth${path}`, request.url);
  return getAuth().handler(new Request(url, { method: "POST", headers, body: JSON.stringify(body) }));
}

async function readAnswer(response: Response): Promise<AuthAnswer> {
  const body = (await response.json().catch(() => null)) as { code?: unknown; twoFactorRedirect?: unknown } | null;
  return {
    status: response.status,
    code: typeof body?.code === "string" ? body.code : undefined,
    twoFactorRedirect: body?.twoFactorRedirect === true,
    // better-auth's limiter sets X-Retry-After; a hook may set the standard header.
    retryAfter: response.headers.get("retry-after") ?? response.headers.get("x-retry-after"),
  };
}

/** 303 See Other to a path of this site (relative, so it stays on the host the browser used), with better-auth's cookies. */
function seeOther(location: string, from?: Response): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  for (const cookie of from?.headers.getSetCookie() ?? []) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}

export type FormStep = {
  /** better-auth's route, e.g. "/sign-in/email". */
  path: string;
  /** The JSON body for it, from the posted form. */
  body: (form: FormData | null) => Record<string, unknown>;
  /** What its answer means. */
  outcome: (answer: AuthAnswer) => Outcome;
  step: "password" | "second-factor";
};

function text(form: FormData | null, name: string): string {
  const value = form?.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * One sign-in step posted by a plain HTML form: refused with 403 when it comes from another site; otherwise forwarded
 * to better-auth, then answered with 303 to the `next` page (signed in), to the second-factor step, or back to the
 * form with an error code (and the wait after a 429), in the form's language and with better-auth's Set-Cookie.
 */
export async function postFormStep(request: Request, step: FormStep): Promise<Response> {
  try {
    assertSameOrigin(request);
  } catch (error) {
    return toHttpError(error);
  }
  const form = await request.formData().catch(() => null);
  const locale: Locale = formLocale(form?.get("locale"));
  const next = safeNextPath(text(form, "next"), locale);
  const answer = await forwardToAuth(request, step.path, step.body(form));
  const outcome = step.outcome(await readAnswer(answer));
  switch (outcome.kind) {
    case "signed-in":
      return seeOther(next, answer);
    case "second-factor":
      return seeOther(stepUrl(locale, TWO_FACTOR_PAGE, { next }), answer);
    case "error":
      return seeOther(stepUrl(locale, pageOfError(outcome.error, step.step), { error: outcome.error, wait: outcome.wait, next }), answer);
  }
}

export const PASSWORD_STEP: FormStep = {
  path: "/sign-in/email",
  body: (form) => ({ email: text(form, "email").trim(), password: text(form, "password") }),
  outcome: passwordOutcome,
  step: "password",
};

/** A TOTP code may be typed with spaces ("123 456"). */
export const TOTP_STEP: FormStep = {
  path: "/two-factor/verify-totp",
  body: (form) => ({ code: text(form, "code").replace(/\s+/g, "") }),
  outcome: (answer) => secondFactorOutcome(answer, "totp"),
  step: "second-factor",
};

/** Recovery codes are shown as "abcde-12345"; one typed without its dash still counts. */
export const RECOVERY_CODE_STEP: FormStep = {
  path: "/two-factor/verify-backup-code",
  body: (form) => {
    const code = text(form, "code").replace(/\s+/g, "");
    return { code: /^[A-Za-z0-9]{10}$/.test(code) ? `${code.slice(0, 5)}-${code.slice(5)}` : code };
  },
  outcome: (answer) => secondFactorOutcome(answer, "backup-code"),
  step: "second-factor",
};
