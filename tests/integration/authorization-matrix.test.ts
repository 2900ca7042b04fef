import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as adminImportPost } from "@/app/api/admin/import/route";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as signInFormPost } from "@/app/api/auth-form/sign-in/route";
import { POST as recoveryCodeFormPost } from "@/app/api/auth-form/two-factor/verify-backup-code/route";
import { POST as totpFormPost } from "@/app/api/auth-form/two-factor/verify-totp/route";
import { DELETE as deleteNoteRoute, PATCH as patchNoteRoute } from "@/app/api/notes/[id]/route";
import { DELETE as clearCategoryRoute, PUT as putCategoryRoute } from "@/app/api/recommendations/[id]/action-category/route";
import { POST as assessmentsPost } from "@/app/api/recommendations/[id]/assessments/route";
import { POST as notesPost } from "@/app/api/recommendations/[id]/notes/route";
import { PUT as linksPut } from "@/app/api/recommendations/[id]/links/route";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { resetTwoFactorAction, setAccountDisabledAction } from "@/lib/actions/accounts";
import { changeRoleAction, removeMemberAction, setTwoFactorPolicyAction } from "@/lib/actions/organisation";
import { clearActionCategoryAction, setActionCategoryAction } from "@/lib/actions/action-categories";
import { createAssessmentAction } from "@/lib/actions/assessments";
import { signOutAction } from "@/lib/actions/auth";
import { createNoteAction, deleteNoteAction, updateNoteAction } from "@/lib/actions/notes";
import { decideLinkAction } from "@/lib/actions/recurrence";
import { applyResponseWordingAction, previewResponseWordingAction } from "@/lib/actions/response-wording";
import { applyStatusSheetAction, previewStatusSheetAction } from "@/lib/actions/status-sheet";
import { GET as sheetGet, POST as sheetPost } from "@/app/api/status-sheet/route";
import { GET as midTermReportGet } from "@/app/api/reports/mid-term/route";
import { POST as wordingPost } from "@/app/api/admin/response-wording/route";
import { exportStatusSheet } from "@/lib/server/status-sheet";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { readSheet, writeSheet } from "../helpers/status-sheet";
import { realDataFile } from "../helpers/data-files";
import { addUser, createOrganization, setRequireTwoFactor } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * The authorisation matrix: every write route and every server action, called as each kind of caller, with the exact
 * answer expected in each cell. A refused cell must also leave the database exactly as it was (a fingerprint of every
 * table a write can touch); an allowed cell must change it.
 *
 * Server actions run as exported: `next/headers` is the only stand-in, handing the action the request headers (session
 * cookie) of the actor, as Next does inside a request. `revalidatePath` needs Next's render context, so it is recorded.
 */
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => {
    throw new Error("cookies() is not used by these actions");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const OPERATOR = { kind: "operator" } as const;
const ACTORS = ["anonymous", "viewerA", "editorA", "ownerA", "editorB", "admin"] as const;
type Actor = (typeof ACTORS)[number];
type Cells = Record<Actor, number>;

withSeededDatabase();
const cookies = new Map<Actor, string>();
const orgId = { A: "", B: "" };
let recommendationId: number;
let reviewId: number;
/** A 2013 and a 2018 recommendation to China: the pair the link rows decide on. */
const linkPair = { earlierId: 0, laterId: 0 };

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  orgId.A = (await createOrganization(OPERATOR, "Matrix Org A")).id;
  orgId.B = (await createOrganization(OPERATOR, "Matrix Org B")).id;
  const people: [Exclude<Actor, "anonymous">, "A" | "B" | null, "owner" | "editor" | "viewer" | null][] = [
    ["viewerA", "A", "viewer"],
    ["editorA", "A", "editor"],
    ["ownerA", "A", "owner"],
    ["editorB", "B", "editor"],
    ["admin", null, null],
  ];
  for (const [actor, org, role] of people) {
    await addUser(OPERATOR, { email: emailOf(actor), password: PASSWORD, name: actor, organization: org && role ? { name: `Matrix Org ${org}`, role } : undefined, admin: actor === "admin" });
    cookies.set(actor, await signInAs(actor));
  }
  recommendationId = (await getDb().recommendation.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } })).id;
  reviewId = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 }, select: { id: true } })).id;
  linkPair.earlierId = (await getDb().recommendation.findFirstOrThrow({ where: { review: { stateUnderReviewIso3: "CHN", cycle: 2 } }, select: { id: true }, orderBy: { id: "asc" } })).id;
  linkPair.laterId = (await getDb().recommendation.findFirstOrThrow({ where: { review: { stateUnderReviewIso3: "CHN", cycle: 3 } }, select: { id: true }, orderBy: { id: "asc" } })).id;
});

/** The decision that changes the pair's link: confirm it unless it is confirmed, then reject it. */
async function nextLinkDecision(): Promise<string> {
  const link = await getDb().recommendationLink.findUnique({ where: { earlierId_laterId: linkPair }, select: { status: true } });
  return link?.status === "CONFIRMED" ? "rejected" : "confirmed";
}

const emailOf = (actor: Actor): string => `${actor.toLowerCase()}@matrix.example.org`;
let signIns = 0;

/** A new session for the actor (each from its own address, below the sign-in rate limit). */
function signInAs(actor: Actor): Promise<string> {
  signIns += 1;
  return signIn(emailOf(actor), `10.9.${Math.floor(signIns / 250)}.${signIns % 250}`);
}

function headersOf(actor: Actor): Record<string, string> {
  const h: Record<string, string> = { "content-type": "application/json", origin: ORIGIN };
  const cookie = cookies.get(actor);
  if (cookie) h.cookie = cookie;
  return h;
}

function request(actor: Actor, method: string, path: string, body?: unknown): Request {
  return new Request(`${ORIGIN}${path}`, { method, headers: headersOf(actor), body: body === undefined ? undefined : JSON.stringify(body) });
}

const params = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });

/** Runs a server action as the actor would from a page: with their session cookie in the request headers. */
async function asActor<T>(actor: Actor, action: () => Promise<T>, cookie?: string): Promise<T> {
  requestHeaders.current = new Headers(headersOf(actor));
  if (cookie) requestHeaders.current.set("cookie", cookie);
  try {
    return await action();
  } finally {
    requestHeaders.current = new Headers();
  }
}

/** A form state as the HTTP status it stands for, so routes and actions read alike in the table. */
function actionStatus(state: { ok?: boolean; kind?: string; code?: string; message?: string; fieldErrors?: unknown }): number {
  if (state.ok || state.kind === "preview" || state.kind === "applied") return 200;
  if (state.code === "unauthenticated") return 401;
  if (state.code === "forbidden") return 403;
  const message = state.message ?? "";
  if (/sign in/i.test(message)) return 401;
  if (/may not|does not allow|only editors and owners/i.test(message)) return 403;
  if (/no longer exists/i.test(message)) return 404;
  if (state.fieldErrors) return 422;
  throw new Error(`unexpected action answer: ${JSON.stringify(state)}`);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** Everything a write could change, as one hash: a refused call must leave it as it was. */
async function fingerprint(): Promise<string> {
  const [row] = await getDb().$queryRaw<{ hash: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(a::text, ',' ORDER BY a."id") FROM "Assessment" a),
      (SELECT string_agg(e::text, ',' ORDER BY e."id") FROM "Evidence" e),
      (SELECT string_agg(n::text, ',' ORDER BY n."id") FROM "Note" n),
      (SELECT string_agg(o::text, ',' ORDER BY o."recommendationId") FROM "ActionCategoryOverride" o),
      (SELECT string_agg(concat_ws(':', r."id", r."actionCategory", r."actionCategoryMethod"), ',' ORDER BY r."id") FROM "Recommendation" r WHERE r."actionCategoryMethod" = 'OVERRIDE'),
      (SELECT string_agg(concat_ws(':', r."id", r."responseWording", r."responseWordingSource"), ',' ORDER BY r."id") FROM "Recommendation" r),
      (SELECT string_agg(m::text, ',' ORDER BY m."id") FROM "Member" m),
      (SELECT string_agg(o::text, ',' ORDER BY o."id") FROM "Organization" o),
      (SELECT string_agg(l::text, ',' ORDER BY l."earlierId", l."laterId") FROM "RecommendationLink" l),
      (SELECT string_agg(u."id" || u."isAdmin"::text || u."name", ',' ORDER BY u."id") FROM "User" u),
      (SELECT string_agg(s."id", ',' ORDER BY s."id") FROM "Session" s),
      (SELECT count(*)::text FROM "AuditEvent")
    )) AS hash`;
  return row!.hash;
}

/** A fresh note of organisation A written by A's editor, so every cell edits or deletes its own. */
async function noteOfA(visibility: "private" | "public"): Promise<string> {
  const response = await notesPost(request("editorA", "POST", `/api/recommendations/${recommendationId}/notes`, { body: `matrix ${visibility} note`, visibility }), params(recommendationId));
  if (response.status !== 201) throw new Error(`fixture note: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

const assessmentBody = () => ({ status: "partially_implemented", assessedOn: "2026-06-30", rationale: "matrix", confidence: "medium", visibility: "private", organizationId: orgId.A });
const assessmentForm = () => form({ status: "partially_implemented", assessedOn: "2026-06-30", rationale: "matrix", confidence: "medium", visibility: "private", organizationId: orgId.A });

/** A fresh override of the recommendation's action category by A's editor, so every cell clears its own. */
async function overrideOfA(): Promise<string> {
  const response = await putCategoryRoute(request("editorA", "PUT", `/api/recommendations/${recommendationId}/action-category`, { category: 1, reason: "matrix override", organizationId: orgId.A }), params(recommendationId));
  if (response.status !== 200) throw new Error(`fixture override: ${response.status}`);
  return String(recommendationId);
}

/** Each caller sets a category with a reason of its own, so every allowed call changes something. */
const categoryBody = (actor: Actor) => ({ category: 3, reason: `by ${actor}`, organizationId: orgId.A });

/**
 * A sign-in form post (app/api/auth-form/*) as the caller's browser sends it, from an address of its own, read as the
 * status it stands for: 303 on to a page is 200 (a session was written), back with an error code is 401 (wrong
 * credentials, wrong code, no pending sign-in), 403 (disabled), 429 (wait) or 400 (failed).
 */
async function signInFormStatus(route: (request: Request) => Promise<Response>, path: string, actor: Actor, fields: Record<string, string>): Promise<number> {
  signIns += 1;
  const headers = { ...headersOf(actor), "content-type": "application/x-www-form-urlencoded", "x-upr-client-address": `10.8.${Math.floor(signIns / 250)}.${signIns % 250}` };
  const response = await route(new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) }));
  if (response.status !== 303) return response.status;
  const error = new URL(response.headers.get("location")!, ORIGIN).searchParams.get("error");
  if (error === null) return 200;
  return ({ disabled: 403, "too-many": 429, failed: 400 } as Record<string, number>)[error] ?? 401;
}

/** `setup` builds what the call acts on (a fresh note) before the database is fingerprinted. */
type Row = { name: string; setup?: () => Promise<string>; call: (actor: Actor, target: string) => Promise<number>; expected: Cells; readOnly?: boolean };

/** A's status sheet of the 2018 review with the first row's status changed: one change to import. */
async function editedSheetOfA(): Promise<string> {
  const sheet = readSheet((await exportStatusSheet(OPERATOR, { reviewId, organization: orgId.A })).csv);
  const first = sheet.rows[0]!;
  first.status = first.status === "not_implemented" ? "regressed" : "not_implemented";
  return writeSheet(sheet.rows);
}

function sheetRequest(actor: Actor, mode: "preview" | "apply", csv: string): Request {
  return new Request(`${ORIGIN}/api/status-sheet?review=${reviewId}&organization=${orgId.A}&mode=${mode}`, { method: "POST", headers: { ...headersOf(actor), "content-type": "text/csv" }, body: csv });
}

/** A response-wording sheet for the 2018 review that changes paragraph 28.1's wording (supported) whatever it is now. */
async function wordingSheet(): Promise<string> {
  const current = await getDb().recommendation.findFirstOrThrow({ where: { reviewId, paragraph: "28.1" }, select: { responseWording: true } });
  const next = current.responseWording === "accepted and already implemented" ? "accepted and being implemented" : "accepted and already implemented";
  return `paragraph,wording,addendum_paragraph\n28.1,${next},4\n`;
}

function wordingRequest(actor: Actor, mode: "preview" | "apply", csv: string): Request {
  return new Request(`${ORIGIN}/api/admin/response-wording?review=${reviewId}&mode=${mode}`, { method: "POST", headers: { ...headersOf(actor), "content-type": "text/csv" }, body: csv });
}

function sheetForm(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  data.set("review", String(reviewId));
  data.set("organization", orgId.A);
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const WRITE_A: Cells = { anonymous: 401, viewerA: 403, editorA: 201, ownerA: 201, editorB: 403, admin: 403 };
const EDIT_PRIVATE_NOTE_OF_A: Cells = { anonymous: 401, viewerA: 403, editorA: 200, ownerA: 200, editorB: 404, admin: 404 };
const EDIT_PUBLIC_NOTE_OF_A: Cells = { ...EDIT_PRIVATE_NOTE_OF_A, editorB: 403, admin: 403 };
const IMPORT_A: Cells = { anonymous: 401, viewerA: 403, editorA: 200, ownerA: 200, editorB: 403, admin: 403 };
/** Editors and owners of any organisation decide links; an admin without an organisation does not. */
const DECIDE_LINK: Cells = { anonymous: 401, viewerA: 403, editorA: 200, ownerA: 200, editorB: 200, admin: 403 };
/** Official data (a State's response wording): instance administrators only, whatever their organisation. */
const ADMIN_ONLY: Cells = { anonymous: 401, viewerA: 403, editorA: 403, ownerA: 403, editorB: 403, admin: 200 };
const asAction = (cells: Cells): Cells => Object.fromEntries(Object.entries(cells).map(([actor, status]) => [actor, status === 201 || status === 204 ? 200 : status])) as Cells;

/** The browser import's preview of China's 2018 list; read to its end, so the import's process is done before the next cell. */
async function adminImportStatus(actor: Actor): Promise<number> {
  const body = new Blob([readFileSync(realDataFile("ohchr/CHN-cycle3-2018-thematic-list.docx"))]);
  const headers = { ...headersOf(actor), "content-type": "application/octet-stream", "x-file-name": "CHN-cycle3-2018-thematic-list.docx" };
  const response = await adminImportPost(new Request(`${ORIGIN}/api/admin/import?mode=preview`, { method: "POST", headers, body }));
  await response.text();
  return response.status;
}

/**
 * The account pages' actions answer with a redirect back to their page (post, redirect, get), the outcome in the URL:
 * sign-in for an anonymous caller, `error=…` for a refusal, `done=…` for a change. Read as the status it stands for.
 */
async function redirectStatus(actor: Actor, action: () => Promise<never>): Promise<number> {
  try {
    await asActor(actor, action);
  } catch (error) {
    if (!isRedirectError(error)) throw error;
    const url = new URL(getURLFromRedirectError(error), ORIGIN);
    if (url.pathname.endsWith("/sign-in")) return 401;
    const refusal = url.searchParams.get("error");
    const statuses: Record<string, number> = { forbidden: 403, twoFactor: 403, gone: 404, lastOwner: 409, invalid: 422, self: 422 };
    if (refusal) return statuses[refusal] ?? 500;
    if (url.searchParams.has("done")) return 200;
    throw new Error(`unexpected redirect: ${url}`);
  }
  throw new Error("the action did not redirect");
}

let accountFixtures = 0;

/** A fresh person (no password: nobody signs in as them) who is a viewer of A, so every cell changes or removes its own. */
async function freshMemberOfA(): Promise<string> {
  accountFixtures += 1;
  const user = await getDb().user.create({ data: { email: `matrix-member-${accountFixtures}@matrix.example.org`, name: `member ${accountFixtures}` }, select: { id: true } });
  return (await getDb().member.create({ data: { organizationId: orgId.A, userId: user.id, role: "viewer" }, select: { id: true } })).id;
}

/** A fresh account, disabled or with second factors as the row needs, so every cell acts on its own. */
async function freshAccount(state: { disabled?: boolean; secondFactors?: boolean }): Promise<string> {
  accountFixtures += 1;
  const user = await getDb().user.create({
    data: { email: `matrix-account-${accountFixtures}@matrix.example.org`, name: `account ${accountFixtures}`, disabledAt: state.disabled ? new Date() : null, twoFactorEnabled: !!state.secondFactors },
    select: { id: true },
  });
  if (state.secondFactors) await getDb().twoFactor.create({ data: { userId: user.id, secret: "s", backupCodes: "c" } });
  return user.id;
}

const OWNER_OF_A: Cells = { anonymous: 401, viewerA: 403, editorA: 403, ownerA: 200, editorB: 403, admin: 403 };

/** The owner page's and the admin accounts page's actions (lib/actions/organisation.ts, lib/actions/accounts.ts). */
const ACCOUNT_ROWS: Row[] = [
  {
    name: "action changeRoleAction on a member of A",
    setup: freshMemberOfA,
    call: (actor, memberId) => redirectStatus(actor, () => changeRoleAction(form({ memberId, role: "editor", org: "matrix-org-a", locale: "en" }))),
    expected: OWNER_OF_A,
  },
  {
    name: "action removeMemberAction on a member of A",
    setup: freshMemberOfA,
    call: (actor, memberId) => redirectStatus(actor, () => removeMemberAction(form({ memberId, org: "matrix-org-a", locale: "en" }))),
    expected: OWNER_OF_A,
  },
  {
    // Turned on and, when that was allowed, off again by the operator, so the other rows' sessions keep A's private data.
    name: "action setTwoFactorPolicyAction for A",
    call: async (actor) => {
      const status = await redirectStatus(actor, () => setTwoFactorPolicyAction(form({ organizationId: orgId.A, require: "on", org: "matrix-org-a", locale: "en" })));
      await setRequireTwoFactor(OPERATOR, orgId.A, false);
      return status;
    },
    expected: OWNER_OF_A,
  },
  {
    name: "action setAccountDisabledAction (disable an account)",
    setup: () => freshAccount({}),
    call: (actor, userId) => redirectStatus(actor, () => setAccountDisabledAction(form({ userId, disabled: "true", locale: "en" }))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action setAccountDisabledAction (enable a disabled account)",
    setup: () => freshAccount({ disabled: true }),
    call: (actor, userId) => redirectStatus(actor, () => setAccountDisabledAction(form({ userId, disabled: "false", locale: "en" }))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action resetTwoFactorAction on an account with an authenticator app",
    setup: () => freshAccount({ secondFactors: true }),
    call: (actor, userId) => redirectStatus(actor, () => resetTwoFactorAction(form({ userId, locale: "en" }))),
    expected: ADMIN_ONLY,
  },
];

const ROWS: Row[] = [
  {
    name: "POST /api/recommendations/{id}/assessments for A",
    call: async (actor) => (await assessmentsPost(request(actor, "POST", `/api/recommendations/${recommendationId}/assessments`, assessmentBody()), params(recommendationId))).status,
    expected: WRITE_A,
  },
  {
    name: "POST /api/recommendations/{id}/notes for A",
    call: async (actor) =>
      (await notesPost(request(actor, "POST", `/api/recommendations/${recommendationId}/notes`, { body: `by ${actor}`, organizationId: orgId.A }), params(recommendationId))).status,
    expected: WRITE_A,
  },
  ...(["private", "public"] as const).flatMap((visibility): Row[] => {
    const cells = visibility === "private" ? EDIT_PRIVATE_NOTE_OF_A : EDIT_PUBLIC_NOTE_OF_A;
    return [
      {
        name: `PATCH /api/notes/{id} of A's ${visibility} note by A's editor`,
        setup: () => noteOfA(visibility),
        call: async (actor, id) => {
          return (await patchNoteRoute(request(actor, "PATCH", `/api/notes/${id}`, { body: `changed by ${actor}` }), params(id))).status;
        },
        expected: cells,
      },
      {
        name: `DELETE /api/notes/{id} of A's ${visibility} note by A's editor`,
        setup: () => noteOfA(visibility),
        call: async (actor, id) => {
          return (await deleteNoteRoute(request(actor, "DELETE", `/api/notes/${id}`), params(id))).status;
        },
        expected: { ...cells, editorA: 204, ownerA: 204 },
      },
      {
        name: `action updateNoteAction on A's ${visibility} note`,
        setup: () => noteOfA(visibility),
        call: async (actor, id) => {
          return actionStatus(await asActor(actor, () => updateNoteAction(id, { ok: true }, form({ body: `changed by ${actor}`, tags: "", visibility }))));
        },
        expected: cells,
      },
      {
        name: `action deleteNoteAction on A's ${visibility} note`,
        setup: () => noteOfA(visibility),
        call: async (actor, id) => {
          return actionStatus(await asActor(actor, () => deleteNoteAction(id, recommendationId, { ok: true }, new FormData())));
        },
        expected: cells,
      },
    ];
  }),
  {
    name: "action createAssessmentAction for A",
    call: async (actor) => actionStatus(await asActor(actor, () => createAssessmentAction(recommendationId, { ok: false }, assessmentForm()))),
    expected: asAction(WRITE_A),
  },
  {
    name: "action createNoteAction for A",
    call: async (actor) =>
      actionStatus(await asActor(actor, () => createNoteAction(recommendationId, { ok: true }, form({ body: `by ${actor}`, tags: "", visibility: "private", organizationId: orgId.A })))),
    expected: asAction(WRITE_A),
  },
  {
    name: "PUT /api/recommendations/{id}/links (confirm or reject a 2013/2018 pair)",
    setup: nextLinkDecision,
    call: async (actor, decision) =>
      (await linksPut(request(actor, "PUT", `/api/recommendations/${linkPair.laterId}/links`, { otherId: linkPair.earlierId, decision }), params(linkPair.laterId))).status,
    expected: DECIDE_LINK,
  },
  {
    name: "action decideLinkAction (confirm or reject a 2013/2018 pair)",
    setup: nextLinkDecision,
    call: async (actor, decision) =>
      actionStatus(await asActor(actor, () => decideLinkAction(linkPair.laterId, { ok: true }, form({ otherId: String(linkPair.earlierId), decision })))),
    expected: DECIDE_LINK,
  },
  {
    name: "PUT /api/recommendations/{id}/action-category for A",
    call: async (actor) => (await putCategoryRoute(request(actor, "PUT", `/api/recommendations/${recommendationId}/action-category`, categoryBody(actor)), params(recommendationId))).status,
    expected: asAction(WRITE_A),
  },
  {
    name: "DELETE /api/recommendations/{id}/action-category of A's override",
    setup: overrideOfA,
    call: async (actor) => (await clearCategoryRoute(request(actor, "DELETE", `/api/recommendations/${recommendationId}/action-category`), params(recommendationId))).status,
    expected: asAction(WRITE_A),
  },
  {
    name: "action setActionCategoryAction for A",
    call: async (actor) => {
      const { category, reason } = categoryBody(actor);
      return actionStatus(await asActor(actor, () => setActionCategoryAction(recommendationId, { ok: true }, form({ category: String(category), reason, organizationId: orgId.A }))));
    },
    expected: asAction(WRITE_A),
  },
  {
    name: "action clearActionCategoryAction of A's override",
    setup: overrideOfA,
    call: async (actor) => actionStatus(await asActor(actor, () => clearActionCategoryAction(recommendationId, { ok: true }, new FormData()))),
    expected: asAction(WRITE_A),
  },
  {
    // Instance administrators only; the upload itself is audited, so even a preview changes the log.
    name: "POST /api/admin/import?mode=preview of an official document",
    call: adminImportStatus,
    expected: { anonymous: 401, viewerA: 403, editorA: 403, ownerA: 403, editorB: 403, admin: 200 },
  },
  {
    name: "POST /api/status-sheet?mode=apply of A's sheet",
    setup: editedSheetOfA,
    call: async (actor, csv) => (await sheetPost(sheetRequest(actor, "apply", csv))).status,
    expected: IMPORT_A,
  },
  {
    name: "POST /api/status-sheet?mode=preview of A's sheet (writes nothing)",
    setup: editedSheetOfA,
    call: async (actor, csv) => (await sheetPost(sheetRequest(actor, "preview", csv))).status,
    expected: IMPORT_A,
    readOnly: true,
  },
  {
    name: "POST /api/admin/response-wording?mode=apply (a review's official wording)",
    setup: wordingSheet,
    call: async (actor, csv) => (await wordingPost(wordingRequest(actor, "apply", csv))).status,
    expected: ADMIN_ONLY,
  },
  {
    name: "POST /api/admin/response-wording?mode=preview (writes nothing)",
    setup: wordingSheet,
    call: async (actor, csv) => (await wordingPost(wordingRequest(actor, "preview", csv))).status,
    expected: ADMIN_ONLY,
    readOnly: true,
  },
  {
    name: "GET /api/status-sheet of A (a read of A's private statuses)",
    call: async (actor) => (await sheetGet(new Request(`${ORIGIN}/api/status-sheet?review=${reviewId}&organization=${orgId.A}`, { headers: headersOf(actor) }))).status,
    // A download of private data: allowed, it writes its audit event (download.status-sheet); refused, nothing.
    expected: { ...IMPORT_A, viewerA: 200 },
  },
  {
    name: "GET /api/reports/mid-term of A (a read of A's private statuses and evidence)",
    call: async (actor) =>
      (await midTermReportGet(new Request(`${ORIGIN}/api/reports/mid-term?review=${reviewId}&organization=${orgId.A}&format=csv`, { headers: headersOf(actor) }))).status,
    // Audited like the sheet (download.mid-term-report).
    expected: { ...IMPORT_A, viewerA: 200 },
  },
  {
    name: "action applyStatusSheetAction of A's sheet",
    setup: editedSheetOfA,
    call: async (actor, csv) => actionStatus(await asActor(actor, () => applyStatusSheetAction({ kind: "idle" }, sheetForm({ sheet: csv, expectedChanges: "1", fileName: "a.csv" })))),
    expected: IMPORT_A,
  },
  {
    name: "action previewStatusSheetAction of A's sheet (writes nothing)",
    setup: editedSheetOfA,
    call: async (actor, csv) => actionStatus(await asActor(actor, () => previewStatusSheetAction({ kind: "idle" }, sheetForm({ file: new File([csv], "a.csv", { type: "text/csv" }) })))),
    expected: IMPORT_A,
    readOnly: true,
  },
  {
    name: "action applyResponseWordingAction (a review's official wording)",
    setup: wordingSheet,
    call: async (actor, csv) =>
      actionStatus(await asActor(actor, () => applyResponseWordingAction({ kind: "idle" }, sheetForm({ sheet: csv, expectedChanges: "1", fileName: "w.csv" })))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action previewResponseWordingAction (writes nothing)",
    setup: wordingSheet,
    call: async (actor, csv) =>
      actionStatus(await asActor(actor, () => previewResponseWordingAction({ kind: "idle" }, sheetForm({ file: new File([csv], "w.csv", { type: "text/csv" }) })))),
    expected: ADMIN_ONLY,
    readOnly: true,
  },
  {
    // Ends only the caller's own session (a fresh one, so the other rows keep theirs), then redirects home.
    name: "action signOutAction",
    setup: async () => "",
    call: async (actor) => {
      const cookie = actor === "anonymous" ? undefined : await signInAs(actor);
      try {
        await asActor(actor, () => signOutAction(), cookie);
      } catch (error) {
        if (isRedirectError(error)) return 303;
        throw error;
      }
      throw new Error("signOutAction did not redirect");
    },
    expected: { anonymous: 303, viewerA: 303, editorA: 303, ownerA: 303, editorB: 303, admin: 303 },
  },
  {
    // Each caller signs in with their own email and password (anonymous with an unknown one): a new session each.
    name: "POST /api/auth-form/sign-in (the caller's own email and password)",
    call: (actor) => signInFormStatus(signInFormPost, "/api/auth-form/sign-in", actor, { email: emailOf(actor), password: PASSWORD, locale: "en" }),
    expected: { anonymous: 401, viewerA: 200, editorA: 200, ownerA: 200, editorB: 200, admin: 200 },
  },
  ...(
    [
      ["POST /api/auth-form/two-factor/verify-totp", totpFormPost],
      ["POST /api/auth-form/two-factor/verify-backup-code", recoveryCodeFormPost],
    ] as const
  ).map(
    ([name, route]): Row => ({
      // No caller is half-way through a two-factor sign-in, and none has an authenticator: a code signs nobody in.
      name: `${name} (a code without a pending two-factor sign-in)`,
      call: (actor) => signInFormStatus(route, name.slice("POST ".length), actor, { code: "123456", locale: "en" }),
      expected: { anonymous: 401, viewerA: 400, editorA: 400, ownerA: 400, editorB: 400, admin: 400 },
    }),
  ),
  // better-auth's own organisation writes are closed: members change only through the audited operator CLI.
  ...(["create", "add-member", "invite-member", "update-member-role", "remove-member", "update", "delete", "leave"] as const).map(
    (path): Row => ({
      name: `POST /api/auth/organization/${path}`,
      call: async (actor) =>
        (await authPost(request(actor, "POST", `/api/auth/organization/${path}`, { organizationId: orgId.A, name: "Taken over", slug: "taken-over", userId: "x", role: "owner", memberIdOrEmail: "x", memberId: "x", email: "x@example.org", data: { name: "Taken over" } })))
          .status,
      expected: { anonymous: 404, viewerA: 404, editorA: 404, ownerA: 404, editorB: 404, admin: 404 },
    }),
  ),
  ...ACCOUNT_ROWS,
];

describe("authorisation matrix", () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const actual = {} as Cells;
      for (const actor of ACTORS) {
        const target = (await row.setup?.()) ?? "";
        const before = await fingerprint();
        actual[actor] = await row.call(actor, target);
        const changed = (await fingerprint()) !== before;
        // A refused call writes nothing at all; an allowed one writes (and audits) something.
        expect(changed, `${row.name} as ${actor} answered ${actual[actor]} and ${changed ? "changed" : "did not change"} the database`).toBe(!row.readOnly && actual[actor] < 300);
      }
      expect(actual).toEqual(row.expected);
    });
  }

  it("has a row for every write route handler and every server action", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const covered = ROWS.map((row) => row.name);
    const missing: string[] = [];
    for (const file of (await readdir("app/api", { recursive: true })).filter((f) => f.endsWith("route.ts"))) {
      const source = await readFile(`app/api/${file}`, "utf8");
      const path = `/api/${file.replace(/\/?route\.ts$/, "").replace(/\[\.\.\.all\]/, "").replace(/\[id\]/g, "{id}")}`;
      for (const method of ["POST", "PATCH", "PUT", "DELETE"]) {
        const exported = new RegExp(`export (async function|const) ${method}\\b|export const \\{[^}]*\\b${method}\\b`).test(source);
        if (exported && !covered.some((name) => name.startsWith(`${method} ${path}`))) missing.push(`${method} ${path}`);
      }
    }
    for (const file of await readdir("lib/actions")) {
      const source = await readFile(`lib/actions/${file}`, "utf8");
      for (const [, name] of source.matchAll(/export async function (\w+Action)\b/g)) if (!covered.some((row) => row.startsWith(`action ${name} `) || row === `action ${name}`)) missing.push(name!);
    }
    expect(missing).toEqual([]);
  });
});
