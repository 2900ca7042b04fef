import "server-only";
import { z } from "zod";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/database/unavailable";
import type { ApiError } from "@/lib/schemas/recommendation-api";
import { Prisma } from "./generated/prisma/client";

/**
 * The one place where an error becomes an HTTP answer, so every route handler says the same thing for the same
 * failure. Errors are told apart by class and by Prisma's error code, never by matching messages, and a 500 never
 * carries a message or stack trace: those go to the server log only.
 */

/** Something the caller asked for does not exist. */
export class NotFoundError extends Error {
  constructor(message = "not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** No session: the caller must sign in first (401). */
export class UnauthenticatedError extends Error {
  constructor(message = "unauthenticated") {
    super(message);
    this.name = "UnauthenticatedError";
  }
}

/** The caller is known but may not do this (403, not 401). */
export class ForbiddenError extends Error {
  constructor(message = "forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** A 403 whose message tells the caller why and what to do; the message names nothing private. */
export class ExplainedForbiddenError extends ForbiddenError {
  constructor(message: string) {
    super(message);
    this.name = "ExplainedForbiddenError";
  }
}

/** The message a member gets when their organisation requires two-factor sign-in and this session began without it. */
export const TWO_FACTOR_REQUIRED_MESSAGE =
  "your organisation requires two-factor sign-in: sign in again with a code from your authenticator app or a passkey (set one up on your account page) to see or change its private data";

/** The caller's organisation requires a second factor this session does not have (403, with the reason). */
export class TwoFactorRequiredError extends ExplainedForbiddenError {
  constructor(message = TWO_FACTOR_REQUIRED_MESSAGE) {
    super(message);
    this.name = "TwoFactorRequiredError";
  }
}

/**
 * The write was based on an outdated version (optimistic concurrency): 409 with the newer version, so the caller can
 * show it instead of silently overwriting it.
 */
export class ConflictError extends Error {
  readonly current: unknown;
  constructor(current: unknown, message = "a newer version exists") {
    super(message);
    this.name = "ConflictError";
    this.current = current;
  }
}

const NO_STORE = { "Cache-Control": "no-store" };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

function errorResponse(status: number, body: ApiError): Response {
  return jsonResponse(body, status);
}

/**
 * 400 for query parameters the strict schema refuses, with the zod issues so the caller can fix the URL. A parameter
 * the route does not know (`colour`, `constructor`, `__proto__`) is named: `unknown parameter "colour"`.
 */
export function badRequest(issues: z.core.$ZodIssue[]): Response {
  return errorResponse(400, { error: "invalid_parameters", issues: issues.map((issue) => publicIssue(issue, "parameter")) });
}

/** 400 for a path parameter that does not parse, with its issues under the parameter's name. */
export function badParam(name: string, error: z.ZodError): Response {
  return badRequest(error.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] })));
}

/** The request body as JSON, or undefined when it is not JSON, so the zod schema reports it as a 422. */
export function readJsonBody(request: Request): Promise<unknown> {
  return request.json().catch(() => undefined);
}

/** 503: the database cannot be reached (or is starting up, shutting down, or dropped the connection); try again soon. */
export function databaseUnavailable(): Response {
  return jsonResponse({ error: "database_unavailable" } satisfies ApiError, 503, { "Retry-After": String(RETRY_AFTER_SECONDS) });
}

export function notFound(): Response {
  return errorResponse(404, { error: "not_found" });
}

/** Only the fields a caller needs; zod 4 does not put the input in issues unless asked, and we never ask. */
function publicIssue(issue: z.core.$ZodIssue, what: "parameter" | "field" = "field"): NonNullable<ApiError["issues"]>[number] {
  const { code, path, message, ...details } = issue;
  const named = issue.code === "unrecognized_keys" ? unknownKeysMessage(issue.keys, what) : message;
  return { ...details, code, path: path.map((key) => (typeof key === "symbol" ? String(key) : key)), message: named };
}

/** `unknown parameter "colour"`, `unknown fields "a", "b"`: the keys as sent, quoted so an empty or odd one shows. */
export function unknownKeysMessage(keys: readonly string[], what: "parameter" | "field"): string {
  return `unknown ${what}${keys.length === 1 ? "" : "s"} ${keys.map((key) => JSON.stringify(key)).join(", ")}`;
}

/** A unique constraint failed: P2002 from the query engine, or SQLSTATE 23505 surfaced through a raw query (P2010). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const meta: Record<string, unknown> = error.meta ?? {};
  return error.code === "P2010" && meta.code === "23505";
}

export function toHttpError(error: unknown): Response {
  if (error instanceof z.ZodError) return errorResponse(422, { error: "validation_failed", issues: error.issues.map((issue) => publicIssue(issue)) });
  if (error instanceof NotFoundError) return notFound();
  if (error instanceof UnauthenticatedError) return errorResponse(401, { error: "unauthenticated" });
  if (error instanceof ExplainedForbiddenError) return errorResponse(403, { error: "forbidden", message: error.message });
  if (error instanceof ForbiddenError) return errorResponse(403, { error: "forbidden" });
  if (error instanceof ConflictError) return errorResponse(409, { error: "conflict", message: error.message, current: error.current });
  if (isUniqueViolation(error)) return errorResponse(409, { error: "conflict" });
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  console.error(error);
  return errorResponse(500, { error: "internal_error" });
}
