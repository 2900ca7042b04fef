import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as accountActions from "@/lib/actions/account";
import * as accountsActions from "@/lib/actions/accounts";
import * as actionCategoryActions from "@/lib/actions/action-categories";
import * as assessmentActions from "@/lib/actions/assessments";
import * as authActions from "@/lib/actions/auth";
import * as noteActions from "@/lib/actions/notes";
import * as organisationActions from "@/lib/actions/organisation";
import * as recurrenceActions from "@/lib/actions/recurrence";
import * as responseWordingActions from "@/lib/actions/response-wording";
import * as reviewDocumentActions from "@/lib/actions/review-documents";
import * as statusSheetActions from "@/lib/actions/status-sheet";
import { runs } from "@/lib/import/test-runs";
import { FILTER_KEYS } from "@/lib/search-params";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { fingerprint } from "../helpers/fingerprint";
import { newSession, ORIGIN, PASSWORD } from "../helpers/sessions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * No 5xx from input: every route handler (found on disk, so a new one is fuzzed too) and every server action, called
 * in-process on a seeded PostgreSQL database with arbitrary query keys and values (repeated, Unicode, NUL, huge,
 * empty, named after Object.prototype members), bodies (JSON, forms, CSV, bytes), route params and form fields, as an
 * anonymous caller, an editor, an owner and an administrator. None may answer 5xx or throw (a server action may only
 * redirect), and a refused write leaves every table as it was (a hash of each table a write can touch).
 *
 * The default run is small, so the suite stays under a minute; `FC_RUNS=20` tries twenty times as many inputs and
 * `FC_SEED=<seed>` replays the seed a failure printed (see lib/import/test-runs.ts).
 */

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ toString: () => requestHeaders.current.get("cookie") ?? "", get: () => undefined, getAll: () => [], set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const OPERATOR = { kind: "operator" } as const;
const ACTORS = ["anonymous", "editor", "owner", "admin"] as const;
type Actor = (typeof ACTORS)[number];
const EMAILS: Record<Exclude<Actor, "anonymous">, string> = { editor: "fuzz-editor@example.org", owner: "fuzz-owner@example.org", admin: "fuzz-admin@example.org" };

withSeededDatabase();
const ids = { recommendation: "", review: "", note: "", organization: "" };

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  const organization = await createOrganization(OPERATOR, "Fuzz Org");
  await addUser(OPERATOR, { email: EMAILS.editor, password: PASSWORD, name: "editor", organization: { name: "Fuzz Org", role: "editor" } });
  await addUser(OPERATOR, { email: EMAILS.owner, password: PASSWORD, name: "owner", organization: { name: "Fuzz Org", role: "owner" } });
  await addUser(OPERATOR, { email: EMAILS.admin, password: PASSWORD, name: "admin", admin: true });
  const recommendation = await getDb().recommendation.findFirstOrThrow({ select: { id: true, reviewId: true }, orderBy: { id: "asc" } });
  const author = await getDb().user.findUniqueOrThrow({ where: { email: EMAILS.editor }, select: { id: true } });
  const note = await getDb().note.create({ data: { recommendationId: recommendation.id, organizationId: organization.id, authorUserId: author.id, body: "fuzz" } });
  Object.assign(ids, { recommendation: String(recommendation.id), review: String(recommendation.reviewId), note: note.id, organization: organization.id });
});

/** A fresh session per call: an input may sign the caller out or end their other sessions, and the next must not care. */
async function cookieOf(actor: Actor): Promise<string | null> {
  return actor === "anonymous" ? null : newSession(EMAILS[actor]);
}

// ---- Arbitraries ----

const PROTOTYPE_NAMES = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__"];
const QUERY_KEYS = [
  ...FILTER_KEYS,
  ...["sort", "page", "pageSize", "by", "format", "headers", "lang", "filters", "review", "theme", "noted", "assessments", "organization", "mode", "sourceSymbol", "state", "cycle", "replace", "id"],
];
const BODY_KEYS = [
  ...["body", "tags", "visibility", "version", "status", "assessedOn", "rationale", "confidence", "evidence", "organizationId", "reason", "category", "decision", "earlierId", "laterId"],
  ...["email", "password", "code", "trustDevice", "name", "callbackURL", "locale", "review", "organization", "sheet", "expectedChanges", "fileName", "sourceSymbol"],
  ...["userId", "memberId", "role", "requireTwoFactor", "sessionId", "passkeyId", "currentPassword", "newPassword", "token", "assessmentId", "linkId"],
];
const HUGE = "ä".repeat(100_000);

const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS, ...BODY_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("", "0", "-1", "1", "3", "2018", "1e309", "NaN", "Infinity", "2147483648", "99999999999999999999", "CHN", "chn,FRA", "noted", "supported", "public", "private", "mine", "preview", "apply", "csv", "json", "zh", "true", "\u0000", "%00", "a,b,,c", HUGE) },
  { weight: 2, arbitrary: fc.constantFrom(() => ids.recommendation, () => ids.review, () => ids.note, () => ids.organization).map((f) => f()) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
);
const entries = fc.array(fc.tuple(key, value), { maxLength: 8 }).chain((list) =>
  // Repeats: a key sent again with another value.
  fc.array(fc.nat({ max: Math.max(0, list.length - 1) }), { maxLength: list.length > 0 ? 3 : 0 }).chain((again) =>
    fc.array(value, { minLength: again.length, maxLength: again.length }).map((values) => [...list, ...again.map((index, i) => [list[index]![0], values[i]!] as [string, string])]),
  ),
);
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(key, fc.oneof(value, fc.jsonValue({ maxDepth: 2 }), fc.array(fc.dictionary(key, value, { maxKeys: 5 }), { maxLength: 3 })), { maxKeys: 10 }),
);
type Body = { type?: string; body?: BodyInit };
const body: fc.Arbitrary<Body> = fc.oneof(
  json.map((v) => ({ type: "application/json", body: JSON.stringify(v) })),
  fc.string({ unit: "binary", maxLength: 200 }).map((text) => ({ type: "application/json", body: text })),
  entries.map((list) => ({ type: "application/x-www-form-urlencoded", body: new URLSearchParams(list).toString() })),
  entries.map((list) => ({ body: formData(list) })),
  fc.string({ unit: "grapheme", maxLength: 300 }).map((text) => ({ type: "text/csv", body: text })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ type: "application/octet-stream", body: bytes })),
  fc.constant({}),
);
const segment = fc.oneof(
  fc.constantFrom("sign-in", "email", "sign-out", "get-session", "two-factor", "verify-totp", "passkey", "list-sessions", "update-user", "ok", "error", "callback", ""),
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);
const param = fc.oneof(
  fc.constantFrom(() => ids.recommendation, () => ids.note, () => ids.review).map((f) => f()),
  fc.constantFrom("", "0", "-1", "1.5", "2147483648", "1e3", "%00", HUGE, ...PROTOTYPE_NAMES),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer().map(String),
);
const origin = fc.constantFrom<string | undefined>(ORIGIN, ORIGIN, ORIGIN, "https://elsewhere.example", "null", undefined);
const actor = fc.constantFrom(...ACTORS);

function formData(list: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, text] of list) data.append(name, text);
  return data;
}

// ---- Route handlers ----

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

function routeFiles(dir = path.join(ROOT, "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(ROOT, full)] : [];
  });
}

/** `app/api/recommendations/[id]/notes/route.ts` → its URL path with the params put in, and the params. */
function urlOf(file: string, values: string[], rest: string[]): { pathname: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  let next = 0;
  const parts = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .flatMap((part) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(part);
      if (catchAll) {
        params[catchAll[1]!] = rest;
        return rest.map(encodeURIComponent);
      }
      const one = /^\[(\w+)\]$/.exec(part);
      if (!one) return [part];
      const text = values[next++] ?? "";
      params[one[1]!] = text;
      return [encodeURIComponent(text)];
    });
  return { pathname: `/${parts.join("/")}`, params };
}

/**
 * Routes whose every allowed input does expensive work the fuzzer need not repeat: an administrator's import upload
 * starts an import process, so administrators are fuzzed on it only as a multipart upload (refused before the body is
 * read); everyone else is refused before it starts.
 */
function adjust(file: string, who: Actor, input: Body): Body {
  if (file === path.join("app", "api", "admin", "import", "route.ts") && who === "admin") return { body: formData([["file", "x"]]) };
  return input;
}

const FILES = routeFiles();

describe("every route handler", () => {
  it("finds the route handlers", () => {
    expect(FILES.length).toBeGreaterThan(15);
    expect(FILES).toContain(path.join("app", "api", "recommendations", "route.ts"));
  });

  describe.each(FILES)("%s", (file) => {
    it("answers any query, body, params and caller without a 5xx, and a refused write changes nothing", { timeout: 120_000 }, async () => {
      const handlers = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Partial<Record<(typeof METHODS)[number], Handler>>;
      const methods = METHODS.filter((method) => typeof handlers[method] === "function");
      expect(methods.length).toBeGreaterThan(0);
      const call = fc.record({
        method: fc.constantFrom(...methods),
        who: actor,
        query: entries,
        body,
        params: fc.array(param, { minLength: 3, maxLength: 3 }),
        rest: fc.array(segment, { maxLength: 4 }),
        origin,
      });
      await fc.assert(
        fc.asyncProperty(call, async ({ method, who, query, body: sent, params, rest, origin: from }) => {
          const cookie = await cookieOf(who);
          const { pathname, params: routeParams } = urlOf(file, params, rest);
          const input = method === "GET" ? {} : adjust(file, who, sent);
          const headers = new Headers({ "x-upr-client-address": "10.77.0.1" });
          if (cookie) headers.set("cookie", cookie);
          if (from) headers.set("origin", from);
          if (input.type) headers.set("content-type", input.type);
          const request = new Request(`${ORIGIN}${pathname}?${new URLSearchParams(query)}`, { method, headers, body: input.body });
          const before = method === "GET" ? null : await fingerprint();
          const response = await handlers[method]!(request, { params: Promise.resolve(routeParams) });
          // A download or an import's event stream is not read to the end; cancelling it must not fail either.
          const text = (response.headers.get("content-type") ?? "").includes("json") ? await response.text() : (await response.body?.cancel(), "");
          expect(response.status, `${method} ${pathname}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (before !== null && response.status >= 400) expect(await fingerprint(), `${method} ${pathname} ${response.status} wrote`).toBe(before);
        }),
        runs(12),
      );
    });
  });
});

// ---- Server actions ----

type AnyAction = (...args: unknown[]) => Promise<unknown>;
const ACTION_MODULES: Record<string, Record<string, unknown>> = {
  account: accountActions,
  accounts: accountsActions,
  "action-categories": actionCategoryActions,
  assessments: assessmentActions,
  auth: authActions,
  notes: noteActions,
  organisation: organisationActions,
  recurrence: recurrenceActions,
  "response-wording": responseWordingActions,
  "review-documents": reviewDocumentActions,
  "status-sheet": statusSheetActions,
};
const ACTIONS = Object.entries(ACTION_MODULES).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([name, fn]) => name.endsWith("Action") && typeof fn === "function")
    .map(([name, fn]) => [`${module}.${name}`, fn as AnyAction] as const),
);

/**
 * The bound arguments of an action (`createNoteAction.bind(null, recommendationId)`): Next encrypts them into the page,
 * so a caller cannot change them; they are ids the server read. Fuzzed within their type: the real ids, other ids in
 * range, ids that do not exist.
 */
const boundNumber = fc.oneof(fc.constant(0).map(() => Number(ids.recommendation)), fc.integer({ min: -1, max: 2_147_483_647 }));
const boundString = fc.oneof(fc.constant("").map(() => ids.note), fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom(...PROTOTYPE_NAMES));
/** The actions whose first bound argument is a note's id (a string); the others bind a recommendation's (a number). */
const NOTE_ID_FIRST = new Set(["notes.updateNoteAction", "notes.deleteNoteAction"]);

function boundArguments(name: string, count: number): fc.Arbitrary<unknown[]> {
  const kinds = Array.from({ length: count }, (_, index) => (index === 0 && NOTE_ID_FIRST.has(name) ? boundString : boundNumber));
  return fc.tuple(...kinds);
}

/** A refusal an action answered: a state that says so, or a redirect to sign in or with an `error`. */
function refused(result: unknown, redirect: string | null): boolean {
  if (redirect !== null) {
    const url = new URL(redirect, ORIGIN);
    return url.pathname.endsWith("/sign-in") || url.searchParams.has("error");
  }
  if (result === null || typeof result !== "object") return false;
  const state = result as { ok?: boolean; kind?: string; error?: unknown; fieldErrors?: unknown };
  return state.ok === false || state.kind === "error" || (state.error !== undefined && state.error !== null);
}

describe("every server action", () => {
  it("finds the server actions", () => {
    expect(ACTIONS.length).toBeGreaterThan(20);
  });

  describe.each(ACTIONS.map(([name]) => name))("%s", (name) => {
    it("answers any form and caller with a state or a redirect, never a throw, and a refusal changes nothing", { timeout: 120_000 }, async () => {
      const action = ACTIONS.find(([n]) => n === name)![1];
      // (formData), (state, formData), (id, state, formData), (noteId, recommendationId, state, formData).
      const bound = Math.max(0, action.length - 2);
      const call = fc.record({ who: actor, fields: entries, ids: boundArguments(name, bound), file: fc.option(fc.string({ unit: "grapheme", maxLength: 300 })) });
      await fc.assert(
        fc.asyncProperty(call, async ({ who, fields, ids: boundArgs, file }) => {
          const cookie = await cookieOf(who);
          requestHeaders.current = new Headers({ origin: ORIGIN, host: new URL(ORIGIN).host, "x-upr-client-address": "10.77.0.2", ...(cookie ? { cookie } : {}) });
          const form = formData(fields);
          if (file !== null) form.set("file", new File([file], "fuzz.csv", { type: "text/csv" }));
          const before = await fingerprint();
          let result: unknown;
          let redirect: string | null = null;
          try {
            result = action.length <= 1 ? await action(form) : await action(...boundArgs, { kind: "idle", ok: true }, form);
          } catch (error) {
            if (!isRedirectError(error)) throw error;
            redirect = getURLFromRedirectError(error);
          }
          if (refused(result, redirect)) expect(await fingerprint(), `${name} refused but wrote`).toBe(before);
        }),
        runs(8),
      );
    });
  });
});
