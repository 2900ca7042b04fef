import { z } from "zod";
import { isPagePath, routing, type Locale } from "@/lib/i18n/routing";

/**
 * The sign-in pages' plain form posts (app/api/auth-form/*) answer with a redirect: on to the page the person wanted,
 * on to the second-factor step, or back with an error code in the query. These pure pieces decide where, so the
 * routes and the pages read the same words.
 */

/** Why a step sent the person back, as the `error` query parameter of /sign-in or /sign-in/two-factor. */
export const SIGN_IN_ERRORS = [
  "wrong",
  "too-many",
  "disabled",
  "expired",
  "too-many-codes",
  "wrong-code",
  "wrong-recovery-code",
  "failed",
] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];

/** The errors shown on the second-factor page itself; every other one sends the person back to the password. */
const SECOND_FACTOR_PAGE_ERRORS: ReadonlySet<SignInError> = new Set(["wrong-code", "wrong-recovery-code", "too-many", "failed"]);

export const SIGN_IN_PAGE = "/sign-in";
export const TWO_FACTOR_PAGE = "/sign-in/two-factor";

/** What better-auth answered, reduced to what decides the next page. */
export type AuthAnswer = { status: number; code?: string; twoFactorRedirect?: boolean; retryAfter?: string | null };

export type Outcome =
  | { kind: "signed-in" }
  | { kind: "second-factor" }
  | { kind: "error"; error: SignInError; wait?: number };

/** Seconds to wait from a Retry-After header (a number of seconds); undefined when there is none. */
function waitOf(retryAfter: string | null | undefined): number | undefined {
  if (!retryAfter || !/^\d+$/.test(retryAfter.trim())) return undefined;
  return Math.max(1, Number(retryAfter.trim()));
}

/**
 * A disabled account: the session hook refuses it a session (better-auth then says FAILED_TO_CREATE_SESSION, only
 * ever after the password or code was right), or a hook refuses it by name.
 */
function isDisabled(code: string | undefined): boolean {
  return code === "FAILED_TO_CREATE_SESSION" || code === "ACCOUNT_DISABLED" || code === "USER_DISABLED";
}

/** The outcome of POST /api/auth/sign-in/email. Any 400 is about the two fields, so it reads as "wrong". */
export function passwordOutcome(answer: AuthAnswer): Outcome {
  if (answer.status === 429) return { kind: "error", error: "too-many", wait: waitOf(answer.retryAfter) };
  if (answer.status >= 200 && answer.status < 300) return answer.twoFactorRedirect ? { kind: "second-factor" } : { kind: "signed-in" };
  if (isDisabled(answer.code)) return { kind: "error", error: "disabled" };
  if (answer.status === 401 || answer.status === 400) return { kind: "error", error: "wrong" };
  return { kind: "error", error: "failed" };
}

/** The outcome of POST /api/auth/two-factor/verify-totp or /verify-backup-code during a sign-in. */
export function secondFactorOutcome(answer: AuthAnswer, factor: "totp" | "backup-code"): Outcome {
  if (answer.status === 429) return { kind: "error", error: "too-many", wait: waitOf(answer.retryAfter) };
  if (answer.status >= 200 && answer.status < 300) return { kind: "signed-in" };
  if (isDisabled(answer.code)) return { kind: "error", error: "disabled" };
  switch (answer.code) {
    case "INVALID_CODE":
    case "INVALID_BACKUP_CODE":
      return { kind: "error", error: factor === "totp" ? "wrong-code" : "wrong-recovery-code" };
    case "INVALID_TWO_FACTOR_COOKIE":
      return { kind: "error", error: "expired" };
    case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
      return { kind: "error", error: "too-many-codes" };
    default:
      return { kind: "error", error: "failed" };
  }
}

/** The page an error is shown on: the second-factor page for a wrong code or a wait, the password page otherwise. */
export function pageOfError(error: SignInError, step: "password" | "second-factor"): string {
  return step === "second-factor" && SECOND_FACTOR_PAGE_ERRORS.has(error) ? TWO_FACTOR_PAGE : SIGN_IN_PAGE;
}

/** The form's `locale` field, English when missing or unknown. */
export function formLocale(value: unknown): Locale {
  return routing.locales.find((locale) => locale === value) ?? routing.defaultLocale;
}

const PLACEHOLDER_ORIGIN = "http://upr.invalid";

/**
 * Where to go after signing in: a page of this site only. Anything else (another site, `//host`, a backslash trick,
 * an API route, a control character) is ignored for the locale's home page, so a link cannot send a person who just
 * signed in to a look-alike site. A path without a locale gets the form's.
 */
export function safeNextPath(value: unknown, locale: Locale): string {
  const home = `/${locale}`;
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return home;
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f\s]/.test(value)) return home;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return home;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || !isPagePath(url.pathname)) return home;
  const first = url.pathname.split("/")[1];
  const localised = routing.locales.some((l) => l === first) ? url.pathname : `${home}${url.pathname === "/" ? "" : url.pathname}`;
  return `${localised}${url.search}`;
}

/** A sign-in page's address with its query: `/zh/sign-in/two-factor?error=too-many&wait=42&next=%2Fzh%2Faudit`. */
export function stepUrl(locale: Locale, page: string, query: { error?: SignInError; wait?: number; next?: string }): string {
  const params = new URLSearchParams();
  if (query.error) params.set("error", query.error);
  if (query.error && query.wait !== undefined) params.set("wait", String(query.wait));
  if (query.next && query.next !== `/${locale}`) params.set("next", query.next);
  const search = params.toString();
  return `/${locale}${page}${search ? `?${search}` : ""}`;
}

/** The sign-in pages' query, forgiving: anything unknown is dropped, never an error page. */
export const signInQuerySchema = z.object({
  error: z.enum(SIGN_IN_ERRORS).optional().catch(undefined),
  wait: z.coerce.number().int().min(1).max(86_400).optional().catch(undefined),
  next: z.string().optional().catch(undefined),
});
export type SignInQuery = z.infer<typeof signInQuerySchema>;
