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
import { POST as withdrawAssessmentPost } from "@/app/api/assessments/[id]/withdraw/route";
import { POST as notesPost } from "@/app/api/recommendations/[id]/notes/route";
import { PUT as linksPut } from "@/app/api/recommendations/[id]/links/route";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { resetTwoFactorAction, setAccountDisabledAction } from "@/lib/actions/accounts";
import { changeRoleAction, removeMemberAction, setTwoFactorPolicyAction } from "@/lib/actions/organisation";
import { clearActionCategoryAction, setActionCategoryAction } from "@/lib/actions/action-categories";
import { createAssessmentAction, withdrawAssessmentAction } from "@/lib/actions/assessments";
import { createFindingAction, createUnDocumentAction, updateFindingAction, updateUnDocumentAction } from "@/lib/actions/findings";
import { signOutAction } from "@/lib/actions/auth";
import {
  changePasswordAction,
  confirmTwoFactorAction,
  deletePasskeyAction,
  disableTwoFactorAction,
  endOtherSessionsAction,
  regenerateRecoveryCodesAction,
  renameAction,
  renamePasskeyAction,
  revokeSessionAction,
  startTwoFactorAction,
} from "@/lib/actions/account";
import { generate as totpCode } from "otplib";
import { totpSecretOf } from "@/lib/account/totp";
import { getAuth } from "@/lib/server/auth";
import { createNoteAction, deleteNoteAction, updateNoteAction } from "@/lib/actions/notes";
import { decideLinkAction } from "@/lib/actions/recurrence";
import { decideFindingLinkAction } from "@/lib/actions/finding-links";
import { decideFindingLink } from "@/lib/server/finding-links";
import { applyResponseWordingAction, previewResponseWordingAction } from "@/lib/actions/response-wording";
import { addReviewDocumentAction, removeReviewDocumentAction } from "@/lib/actions/review-documents";
import { createReviewDocument } from "@/lib/server/review-calendar/documents";
import { saveReviewCalendarAction } from "@/lib/actions/review-calendar";
import { applyStatusSheetAction, previewStatusSheetAction } from "@/lib/actions/status-sheet";
import { GET as sheetGet, POST as sheetPost } from "@/app/api/status-sheet/route";
import { GET as midTermReportGet } from "@/app/api/reports/mid-term/route";
import { GET as matrixGet } from "@/app/api/reports/matrix/route";
import { GET as recommendationsGet } from "@/app/api/recommendations/route";
import { GET as recommendationsCsvGet } from "@/app/api/recommendations.csv/route";
import { GET as statsGet } from "@/app/api/stats/route";
import { POLICY, type Action } from "@/lib/auth/policy";
import { listAuditEvents } from "@/lib/server/audit/log";
import { toHttpError, TWO_FACTOR_REQUIRED_MESSAGE } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { POST as wordingPost } from "@/app/api/admin/response-wording/route";
import { exportStatusSheet } from "@/lib/server/status-sheet";
import { markSecondFactor, newSession, ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { readSheet, writeSheet } from "../helpers/status-sheet";
import { realDataFile } from "../helpers/data-files";
import { addUser, createOrganization, setRequireTwoFactor } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { withSeededDatabase } from "../helpers/test-database";
import { fingerprint } from "../helpers/fingerprint";

/**
 * The authorisation matrix: every write route and every server action, called as each kind of caller, with the exact
 * answer expected in each cell. A refused cell must also leave the database exactly as it was (a fingerprint of every
 * table a write can touch); an allowed cell must change it.
 *
 * Organisation A requires two-factor sign-in: its members' sessions began with a second factor (set on the session,
 * standing in for a TOTP sign-in), except `editorAPasswordOnly`'s, whose every private read and write of A is refused
 * with the message that says why ("2fa" in a cell). B has no such policy: its editor signs in with a password alone.
 * Every row names the policy actions it exercises, and every action of POLICY has a row.
 *
 * Server actions run as exported: `next/headers` is the only stand-in, handing the action the request headers (session
 * cookie) of the actor, as Next does inside a request. `revalidatePath` needs Next's render context, so it is recorded.
 */
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  // The request's cookies; what an action sets (a replaced session) is not followed: account rows use fresh sessions.
  cookies: async () => ({ toString: () => requestHeaders.current.get("cookie") ?? "", get: () => undefined, getAll: () => [], set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const OPERATOR = { kind: "operator" } as const;
const ACTORS = ["anonymous", "viewerA", "editorA", "ownerA", "editorAPasswordOnly", "editorB", "admin"] as const;
type Actor = (typeof ACTORS)[number];
/** An HTTP status, or "2fa": 403 with the message that the organisation requires two-factor sign-in. */
type Cell = number | "2fa";
type Cells = Record<Actor, Cell>;

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
  // A requires two-factor sign-in (set here as its owner would on the organisation page).
  await getDb().organization.update({ where: { id: orgId.A }, data: { requireTwoFactor: true } });
  const people: [Exclude<Actor, "anonymous">, "A" | "B" | null, "owner" | "editor" | "viewer" | null][] = [
    ["viewerA", "A", "viewer"],
    ["editorA", "A", "editor"],
    ["ownerA", "A", "owner"],
    ["editorAPasswordOnly", "A", "editor"],
    ["editorB", "B", "editor"],
    ["admin", null, null],
  ];
  for (const [actor, org, role] of people) {
    await addUser(OPERATOR, { email: emailOf(actor), password: PASSWORD, name: actor, organization: org && role ? { name: `Matrix Org ${org}`, role } : undefined, admin: actor === "admin" });
    const cookie = await signInAs(actor);
    if (org === "A" && actor !== "editorAPasswordOnly") await markSecondFactor(cookie);
    cookies.set(actor, cookie);
  }
  recommendationId = (await getDb().recommendation.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } })).id;
  reviewId = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 }, select: { id: true } })).id;
  linkPair.earlierId = (await getDb().recommendation.findFirstOrThrow({ where: { review: { stateUnderReviewIso3: "CHN", cycle: 2 } }, select: { id: true }, orderBy: { id: "asc" } })).id;
  linkPair.laterId = (await getDb().recommendation.findFirstOrThrow({ where: { review: { stateUnderReviewIso3: "CHN", cycle: 3 } }, select: { id: true }, orderBy: { id: "asc" } })).id;
});

/** A FIXTURE finding about China (its text says so), made once, that the finding-link rows link to the 2018 recommendation. */
let fixtureFinding = 0;
async function findingOfChina(): Promise<number> {
  if (fixtureFinding) return fixtureFinding;
  const document = await getDb().unDocument.create({ data: { symbol: "CERD/C/CHN/CO/MATRIX-FIXTURE", mechanism: "TREATY_BODY", body: "CERD" } });
  const finding = await getDb().finding.create({ data: { documentId: document.id, text: "FIXTURE (test text, not a UN finding): the authorisation matrix links this.", stateIso3: "CHN" } });
  fixtureFinding = finding.id;
  return fixtureFinding;
}

/** The stance that changes A's link to the fixture finding: each allowed cell writes something. */
async function nextFindingStance(): Promise<string> {
  const findingId = await findingOfChina();
  const link = await getDb().findingLink.findUnique({ where: { findingId_recommendationId_organizationId: { findingId, recommendationId: linkPair.laterId, organizationId: orgId.A } }, select: { stance: true } });
  return link?.stance === "CONTRADICTS" ? "supports" : "contradicts";
}

/** A's link to the fixture finding, made by A's editor, so every cell removes one. */
async function findingLinkOfA(): Promise<string> {
  const findingId = await findingOfChina();
  await decideFindingLink(await viewerOf("editorA"), linkPair.laterId, { findingId, decision: "confirmed", stance: "context", organizationId: orgId.A });
  return String(findingId);
}

/** The decision that changes the pair's link: confirm it unless it is confirmed, then reject it. */
async function nextLinkDecision(): Promise<string> {
  const link = await getDb().recommendationLink.findUnique({ where: { earlierId_laterId: linkPair }, select: { status: true } });
  return link?.status === "CONFIRMED" ? "rejected" : "confirmed";
}

const emailOf = (actor: Actor): string => `${actor.toLowerCase()}@matrix.example.org`;
let signIns = 0;
/** A new document symbol per call of the review-document rows (FIXTURE symbols, not real documents). */
let reviewDocuments = 0;
let calendarDays = 0;

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

/** A route's answer as a cell: its status, or "2fa" for a 403 that says two-factor sign-in is required. */
async function answer(response: Response | Promise<Response>): Promise<Cell> {
  const settled = await response;
  if (settled.status !== 403) return settled.status;
  const body = (await settled.clone().json().catch(() => ({}))) as { message?: string };
  return body.message === TWO_FACTOR_REQUIRED_MESSAGE ? "2fa" : 403;
}

/** A server function's outcome as a cell: 200, or the status toHttpError gives its error. */
async function outcome(call: () => Promise<unknown>): Promise<Cell> {
  try {
    await call();
    return 200;
  } catch (error) {
    return answer(toHttpError(error));
  }
}

/** The session of the actor as the server functions see it. */
const viewerOf = (actor: Actor) => getViewer(request(actor, "GET", "/"));

/** A form state as the HTTP status it stands for, so routes and actions read alike in the table. */
function actionStatus(state: { ok?: boolean; kind?: string; code?: string; message?: string; fieldErrors?: unknown }): Cell {
  if (state.ok || state.kind === "preview" || state.kind === "applied") return 200;
  if (state.code === "unauthenticated") return 401;
  if (state.code === "twoFactorRequired" || /requires two-factor sign-in/.test(state.message ?? "")) return "2fa";
  if (state.code === "forbidden") return 403;
  if (state.code === "not-found") return 404;
  const message = state.message ?? "";
  if (/sign in/i.test(message)) return 401;
  if (/may not|does not allow|only editors and owners|correction of this action category stands/i.test(message)) return 403;
  if (/no longer exists/i.test(message)) return 404;
  if (state.fieldErrors) return 422;
  throw new Error(`unexpected action answer: ${JSON.stringify(state)}`);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A fresh note of organisation A written by A's editor, so every cell edits or deletes its own. */
async function noteOfA(visibility: "private" | "public"): Promise<string> {
  const response = await notesPost(request("editorA", "POST", `/api/recommendations/${recommendationId}/notes`, { body: `matrix ${visibility} note`, visibility }), params(recommendationId));
  if (response.status !== 201) throw new Error(`fixture note: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

const assessmentBody = () => ({ status: "partially_implemented", assessedOn: "2026-06-30", rationale: "matrix", confidence: "medium", visibility: "private", organizationId: orgId.A });
const assessmentForm = () => form({ status: "partially_implemented", assessedOn: "2026-06-30", rationale: "matrix", confidence: "medium", visibility: "private", organizationId: orgId.A });

/** A fresh public assessment version of organisation A written by A's editor, so every cell withdraws its own. */
async function publicAssessmentOfA(): Promise<string> {
  const response = await assessmentsPost(request("editorA", "POST", `/api/recommendations/${recommendationId}/assessments`, { ...assessmentBody(), visibility: "public" }), params(recommendationId));
  if (response.status !== 201) throw new Error(`fixture assessment: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

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

/**
 * `setup` builds what the call acts on (a fresh note; for account rows, the actor's own fresh session) before the
 * database is fingerprinted; `teardown` puts the actor back as the other rows expect it. `policy` names the actions of
 * lib/auth/policy.ts the call is decided by (none for sign-out, the closed better-auth routes and one's own account).
 */
type Row = {
  name: string;
  policy: Action[];
  setup?: (actor: Actor) => Promise<string>;
  call: (actor: Actor, target: string) => Promise<Cell>;
  teardown?: (actor: Actor) => Promise<void>;
  expected: Cells;
  readOnly?: boolean;
};

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

const WRITE_A: Cells = { anonymous: 401, viewerA: 403, editorA: 201, ownerA: 201, editorAPasswordOnly: "2fa", editorB: 403, admin: 403 };
/** A's editor wrote the note: another editor of A may not change it, and without a second factor may not even read it. */
const EDIT_PRIVATE_NOTE_OF_A: Cells = { anonymous: 401, viewerA: 403, editorA: 200, ownerA: 200, editorAPasswordOnly: "2fa", editorB: 404, admin: 404 };
const EDIT_PUBLIC_NOTE_OF_A: Cells = { ...EDIT_PRIVATE_NOTE_OF_A, editorAPasswordOnly: 403, editorB: 403, admin: 403 };
const IMPORT_A: Cells = { anonymous: 401, viewerA: 403, editorA: 200, ownerA: 200, editorAPasswordOnly: "2fa", editorB: 403, admin: 403 };
/** A read of A's private data: any member of A with a second factor; `statusOf=mine` reads each caller's own organisation. */
const READ_A: Cells = { ...IMPORT_A, viewerA: 200 };
const READ_MINE: Cells = { ...READ_A, editorB: 200 };
/** Editors and owners of any organisation decide links; an admin without an organisation does not. */
const DECIDE_LINK: Cells = { anonymous: 401, viewerA: 403, editorA: 200, ownerA: 200, editorAPasswordOnly: "2fa", editorB: 200, admin: 403 };
/** Official data (a State's response wording): instance administrators only, whatever their organisation. */
const ADMIN_ONLY: Cells = { anonymous: 401, viewerA: 403, editorA: 403, ownerA: 403, editorAPasswordOnly: 403, editorB: 403, admin: 200 };
const EVERYONE = (cell: Cell): Cells => Object.fromEntries(ACTORS.map((actor) => [actor, cell])) as Cells;
const asAction = (cells: Cells): Cells => Object.fromEntries(Object.entries(cells).map(([actor, status]) => [actor, status === 201 || status === 204 ? 200 : status])) as Cells;

/** The browser import's preview of China's 2018 list; read to its end, so the import's process is done before the next cell. */
async function adminImportStatus(actor: Actor): Promise<Cell> {
  const body = new Blob([readFileSync(realDataFile("ohchr/CHN-cycle3-2018-thematic-list.docx"))]);
  const headers = { ...headersOf(actor), "content-type": "application/octet-stream", "x-file-name": "CHN-cycle3-2018-thematic-list.docx" };
  const response = await adminImportPost(new Request(`${ORIGIN}/api/admin/import?mode=preview`, { method: "POST", headers, body }));
  const cell = await answer(response.clone());
  await response.text();
  return cell;
}

let matrixDocuments = 0;

/** A fresh UN document added by A (or imported, with `organizationId` null), so every cell adds to or edits its own. */
async function unDocumentOf(organizationId: string | null): Promise<{ id: number; symbol: string }> {
  matrixDocuments += 1;
  return getDb().unDocument.create({ data: { symbol: `CERD/C/MATRIX/${matrixDocuments}`, mechanism: "TREATY_BODY", body: "CERD", organizationId }, select: { id: true, symbol: true } });
}

/** A fresh finding of such a document, its id as the target. */
async function findingOf(organizationId: string | null): Promise<string> {
  const document = await unDocumentOf(organizationId);
  const finding = await getDb().finding.create({ data: { documentId: document.id, text: "matrix finding", stateIso3: "CHN", affectedPersons: [], organizationId, uhriId: organizationId ? null : `MATRIX-${matrixDocuments}` } });
  return String(finding.id);
}

const findingForm = (actor: Actor, extra: Record<string, string> = {}) => form({ text: `finding by ${actor}`, stateIso3: "CHN", themes: "", affectedPersons: "", ...extra });
/** Findings are public records: A's writers and admins edit A's; admins alone edit an imported one. */
const EDIT_RECORD_OF_A: Cells = { anonymous: 401, viewerA: 403, editorA: 200, ownerA: 200, editorAPasswordOnly: "2fa", editorB: 403, admin: 200 };

/** Everyone signed in manages their own account; nobody anyone else's. */
const OWN_ACCOUNT: Cells = { anonymous: 401, viewerA: 200, editorA: 200, ownerA: 200, editorAPasswordOnly: 200, editorB: 200, admin: 200 };
/** Something of editorA's (a session, a passkey): editorA alone; to anyone else it does not exist. */
const EDITOR_A_ONLY: Cells = { anonymous: 401, viewerA: 404, editorA: 200, ownerA: 404, editorAPasswordOnly: 404, editorB: 404, admin: 404 };
let accountAddresses = 0;
let renames = 0;

/** Runs an account action with the given session cookie (none for anonymous), from a client address of its own. */
async function asAccountOwner<T>(actor: Actor, cookie: string, action: () => Promise<T>): Promise<T> {
  accountAddresses += 1;
  requestHeaders.current = new Headers({ origin: ORIGIN, "x-upr-client-address": `10.8.${Math.floor(accountAddresses / 250)}.${accountAddresses % 250}` });
  if (actor !== "anonymous" && cookie) requestHeaders.current.set("cookie", cookie);
  try {
    return await action();
  } finally {
    requestHeaders.current = new Headers();
  }
}

/** A session of the actor's own for one call, so a call that replaces or ends sessions leaves the actor's main one. */
const freshSession = (actor: Actor): Promise<string> => (actor === "anonymous" ? Promise.resolve("") : newSession(emailOf(actor)));
const userOf = (actor: Actor) => getDb().user.findUniqueOrThrow({ where: { email: emailOf(actor) }, select: { id: true } });

async function withoutTwoFactor(actor: Actor): Promise<void> {
  if (actor === "anonymous") return;
  await getDb().twoFactor.deleteMany({ where: { user: { email: emailOf(actor) } } });
  await getDb().user.update({ where: { email: emailOf(actor) }, data: { twoFactorEnabled: false } });
}

/** A fresh session and a two-factor enrolment begun (or, with `enabled`, in force), as JSON { cookie, secret, uri }. */
async function twoFactorFixture(actor: Actor, enabled: boolean): Promise<string> {
  await withoutTwoFactor(actor);
  if (actor === "anonymous") return JSON.stringify({ cookie: "", secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", uri: "" });
  const cookie = await freshSession(actor);
  const enrolment = await getAuth().api.enableTwoFactor({ headers: new Headers({ cookie, origin: ORIGIN }), body: { password: PASSWORD } });
  const totpURI = "totpURI" in enrolment ? enrolment.totpURI : "";
  if (enabled) {
    await getDb().twoFactor.updateMany({ where: { user: { email: emailOf(actor) } }, data: { verified: true } });
    await getDb().user.update({ where: { email: emailOf(actor) }, data: { twoFactorEnabled: true } });
  }
  return JSON.stringify({ cookie, secret: totpSecretOf(totpURI), uri: totpURI });
}

/** A passkey of `owner` (a stored credential, as better-auth keeps it after a registration). */
async function passkeyOf(owner: Actor): Promise<string> {
  const { id: userId } = await userOf(owner);
  const credentialID = `matrix-${Date.now()}-${Math.random()}`;
  return (await getDb().passkey.create({ data: { userId, name: "matrix key", publicKey: "matrix", credentialID, counter: 0, deviceType: "singleDevice", backedUp: false } })).id;
}

/** Signs the actor's main session in again, after a row that ended it: with a second factor for A's members, as at the start. */
const signInAgain = async (actor: Actor) => {
  if (actor === "anonymous") return;
  const cookie = await newSession(emailOf(actor));
  if (["viewerA", "editorA", "ownerA"].includes(actor)) await markSecondFactor(cookie);
  cookies.set(actor, cookie);
};

/** The account page's actions: each acts on the caller's own account (their own sessions, passkeys, name, factor). */
function accountRows(): Row[] {
  const fixture = (target: string) => JSON.parse(target) as { cookie: string; secret: string; uri: string };
  return [
    {
      policy: [],
      name: "action renameAction (own display name)",
      call: async (actor) => actionStatus(await asAccountOwner(actor, cookies.get(actor) ?? "", () => renameAction({ ok: true }, form({ name: `${actor} renamed ${++renames}` })))),
      expected: OWN_ACCOUNT,
    },
    {
      policy: [],
      name: "action startTwoFactorAction (own account)",
      setup: async (actor) => (await withoutTwoFactor(actor), freshSession(actor)),
      call: async (actor, cookie) => actionStatus(await asAccountOwner(actor, cookie, () => startTwoFactorAction({ ok: true }, form({ password: PASSWORD })))),
      teardown: withoutTwoFactor,
      expected: OWN_ACCOUNT,
    },
    {
      policy: [],
      name: "action confirmTwoFactorAction (own pending enrolment)",
      setup: (actor) => twoFactorFixture(actor, false),
      call: async (actor, target) => {
        const { cookie, secret, uri } = fixture(target);
        const code = await totpCode({ secret });
        return actionStatus(await asAccountOwner(actor, cookie, () => confirmTwoFactorAction({ ok: true }, form({ code, uri }))));
      },
      teardown: withoutTwoFactor,
      expected: OWN_ACCOUNT,
    },
    {
      policy: [],
      name: "action regenerateRecoveryCodesAction (own account)",
      setup: (actor) => twoFactorFixture(actor, true),
      call: async (actor, target) => actionStatus(await asAccountOwner(actor, fixture(target).cookie, () => regenerateRecoveryCodesAction({ ok: true }, form({ password: PASSWORD })))),
      teardown: withoutTwoFactor,
      expected: OWN_ACCOUNT,
    },
    {
      policy: [],
      name: "action disableTwoFactorAction (own account, password and code)",
      setup: (actor) => twoFactorFixture(actor, true),
      call: async (actor, target) => {
        const { cookie, secret } = fixture(target);
        const code = await totpCode({ secret });
        return actionStatus(await asAccountOwner(actor, cookie, () => disableTwoFactorAction({ ok: true }, form({ password: PASSWORD, code }))));
      },
      teardown: withoutTwoFactor,
      expected: OWN_ACCOUNT,
    },
    {
      // The same password again: a new hash, and every other session (the actor's main one too) ends.
      policy: [],
      name: "action changePasswordAction (own password; ends the other sessions)",
      setup: freshSession,
      call: async (actor, cookie) =>
        actionStatus(await asAccountOwner(actor, cookie, () => changePasswordAction({ ok: true }, form({ currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD })))),
      teardown: signInAgain,
      expected: OWN_ACCOUNT,
    },
    {
      policy: [],
      name: "action revokeSessionAction (another session of one's own)",
      setup: async (actor) => {
        if (actor === "anonymous") return JSON.stringify({ cookie: "", sessionId: "none" });
        const other = await freshSession(actor);
        const session = await getAuth().api.getSession({ headers: new Headers({ cookie: other }) });
        return JSON.stringify({ cookie: await freshSession(actor), sessionId: session!.session.id });
      },
      call: async (actor, target) => {
        const { cookie, sessionId } = JSON.parse(target) as { cookie: string; sessionId: string };
        return actionStatus(await asAccountOwner(actor, cookie, () => revokeSessionAction({ ok: true }, form({ sessionId }))));
      },
      expected: OWN_ACCOUNT,
    },
    {
      policy: [],
      name: "action revokeSessionAction of a session of editorA",
      setup: async () => (await getAuth().api.getSession({ headers: new Headers({ cookie: await newSession(emailOf("editorA")) }) }))!.session.id,
      call: async (actor, sessionId) => actionStatus(await asAccountOwner(actor, cookies.get(actor) ?? "", () => revokeSessionAction({ ok: true }, form({ sessionId })))),
      expected: EDITOR_A_ONLY,
    },
    {
      // The actor's main session is one of the others: it ends too, and is signed in again afterwards.
      policy: [],
      name: "action endOtherSessionsAction (own sessions)",
      setup: freshSession,
      call: async (actor, cookie) => actionStatus(await asAccountOwner(actor, cookie, () => endOtherSessionsAction({ ok: true }, new FormData()))),
      teardown: signInAgain,
      expected: OWN_ACCOUNT,
    },
    {
      policy: [],
      name: "action deletePasskeyAction (own passkey)",
      setup: async (actor) => (actor === "anonymous" ? "none" : passkeyOf(actor)),
      call: async (actor, passkeyId) => actionStatus(await asAccountOwner(actor, cookies.get(actor) ?? "", () => deletePasskeyAction({ ok: true }, form({ passkeyId })))),
      expected: OWN_ACCOUNT,
    },
    {
      policy: [],
      name: "action deletePasskeyAction of a passkey of editorA",
      setup: () => passkeyOf("editorA"),
      call: async (actor, passkeyId) => actionStatus(await asAccountOwner(actor, cookies.get(actor) ?? "", () => deletePasskeyAction({ ok: true }, form({ passkeyId })))),
      expected: EDITOR_A_ONLY,
    },
    {
      policy: [],
      name: "action renamePasskeyAction (own passkey)",
      setup: async (actor) => (actor === "anonymous" ? "none" : passkeyOf(actor)),
      call: async (actor, passkeyId) =>
        actionStatus(await asAccountOwner(actor, cookies.get(actor) ?? "", () => renamePasskeyAction({ ok: true }, form({ passkeyId, name: `${actor}'s key ${++renames}` })))),
      expected: OWN_ACCOUNT,
    },
    {
      policy: [],
      name: "action renamePasskeyAction of a passkey of editorA",
      setup: () => passkeyOf("editorA"),
      call: async (actor, passkeyId) =>
        actionStatus(await asAccountOwner(actor, cookies.get(actor) ?? "", () => renamePasskeyAction({ ok: true }, form({ passkeyId, name: `taken by ${actor} ${++renames}` })))),
      expected: EDITOR_A_ONLY,
    },
    {
      // better-auth's own route refuses another person's passkey too (with 401, its choice).
      policy: [],
      name: "POST /api/auth/passkey/delete-passkey of a passkey of editorA",
      setup: () => passkeyOf("editorA"),
      call: async (actor, id) => (await authPost(request(actor, "POST", "/api/auth/passkey/delete-passkey", { id }))).status,
      expected: { anonymous: 401, viewerA: 401, editorA: 200, ownerA: 401, editorAPasswordOnly: 401, editorB: 401, admin: 401 },
    },
    {
      // Hole 4: names change only through renameAction (validated, audited).
      policy: [],
      name: "POST /api/auth/update-user (closed)",
      call: async (actor) => (await authPost(request(actor, "POST", "/api/auth/update-user", { name: "Taken over" }))).status,
      expected: { anonymous: 404, viewerA: 404, editorA: 404, ownerA: 404, editorAPasswordOnly: 404, editorB: 404, admin: 404 },
    },
    {
      // Turning two-factor sign-in off over HTTP needs a current code as well as the password.
      policy: [],
      name: "POST /api/auth/two-factor/disable with the password but no code",
      setup: (actor) => twoFactorFixture(actor, true),
      call: async (actor, target) => {
        const { cookie } = fixture(target);
        accountAddresses += 1;
        const headers = { "content-type": "application/json", origin: ORIGIN, "x-upr-client-address": `10.7.0.${accountAddresses % 250}`, ...(cookie ? { cookie } : {}) };
        return (await authPost(new Request(`${ORIGIN}/api/auth/two-factor/disable`, { method: "POST", headers, body: JSON.stringify({ password: PASSWORD }) }))).status;
      },
      teardown: withoutTwoFactor,
      expected: { anonymous: 400, viewerA: 400, editorA: 400, ownerA: 400, editorAPasswordOnly: 400, editorB: 400, admin: 400 },
    },
  ];
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

const OWNER_OF_A: Cells = { anonymous: 401, viewerA: 403, editorA: 403, ownerA: 200, editorAPasswordOnly: 403, editorB: 403, admin: 403 };

/** The owner page's and the admin accounts page's actions (lib/actions/organisation.ts, lib/actions/accounts.ts). */
const ACCOUNT_ROWS: Row[] = [
  {
    name: "action changeRoleAction on a member of A",
    policy: ["organization.manageMembers"],
    setup: freshMemberOfA,
    call: (actor, memberId) => redirectStatus(actor, () => changeRoleAction(form({ memberId, role: "editor", org: "matrix-org-a", locale: "en" }))),
    expected: OWNER_OF_A,
  },
  {
    name: "action removeMemberAction on a member of A",
    policy: ["organization.manageMembers"],
    setup: freshMemberOfA,
    call: (actor, memberId) => redirectStatus(actor, () => removeMemberAction(form({ memberId, org: "matrix-org-a", locale: "en" }))),
    expected: OWNER_OF_A,
  },
  {
    // A requires two-factor sign-in for the whole matrix: each caller tries to turn it off, and the operator turns it
    // back on when that was allowed, so the other rows see A as they expect.
    name: "action setTwoFactorPolicyAction for A",
    policy: ["organization.setTwoFactorPolicy"],
    call: async (actor) => {
      const status = await redirectStatus(actor, () => setTwoFactorPolicyAction(form({ organizationId: orgId.A, require: "off", org: "matrix-org-a", locale: "en" })));
      await setRequireTwoFactor(OPERATOR, orgId.A, true);
      return status;
    },
    expected: OWNER_OF_A,
  },
  {
    name: "action setAccountDisabledAction (disable an account)",
    policy: ["user.disable"],
    setup: () => freshAccount({}),
    call: (actor, userId) => redirectStatus(actor, () => setAccountDisabledAction(form({ userId, disabled: "true", locale: "en" }))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action setAccountDisabledAction (enable a disabled account)",
    policy: ["user.disable"],
    setup: () => freshAccount({ disabled: true }),
    call: (actor, userId) => redirectStatus(actor, () => setAccountDisabledAction(form({ userId, disabled: "false", locale: "en" }))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action resetTwoFactorAction on an account with an authenticator app",
    policy: ["user.resetTwoFactor"],
    setup: () => freshAccount({ secondFactors: true }),
    call: (actor, userId) => redirectStatus(actor, () => resetTwoFactorAction(form({ userId, locale: "en" }))),
    expected: ADMIN_ONLY,
  },
];

const ROWS: Row[] = [
  {
    name: "POST /api/recommendations/{id}/assessments for A",
    policy: ["assessment.create"],
    call: async (actor) => answer(assessmentsPost(request(actor, "POST", `/api/recommendations/${recommendationId}/assessments`, assessmentBody()), params(recommendationId))),
    expected: WRITE_A,
  },
  {
    name: "POST /api/recommendations/{id}/notes for A",
    policy: ["note.create"],
    call: async (actor) => answer(notesPost(request(actor, "POST", `/api/recommendations/${recommendationId}/notes`, { body: `by ${actor}`, organizationId: orgId.A }), params(recommendationId))),
    expected: WRITE_A,
  },
  ...(["private", "public"] as const).flatMap((visibility): Row[] => {
    const cells = visibility === "private" ? EDIT_PRIVATE_NOTE_OF_A : EDIT_PUBLIC_NOTE_OF_A;
    return [
      {
        name: `PATCH /api/notes/{id} of A's ${visibility} note by A's editor`,
        policy: ["note.update"],
        setup: () => noteOfA(visibility),
        call: async (actor, id) => answer(patchNoteRoute(request(actor, "PATCH", `/api/notes/${id}`, { body: `changed by ${actor}` }), params(id))),
        expected: cells,
      },
      {
        name: `DELETE /api/notes/{id} of A's ${visibility} note by A's editor`,
        policy: ["note.delete"],
        setup: () => noteOfA(visibility),
        call: async (actor, id) => answer(deleteNoteRoute(request(actor, "DELETE", `/api/notes/${id}`), params(id))),
        expected: { ...cells, editorA: 204, ownerA: 204 },
      },
      {
        name: `action updateNoteAction on A's ${visibility} note`,
        policy: ["note.update"],
        setup: () => noteOfA(visibility),
        call: async (actor, id) => actionStatus(await asActor(actor, () => updateNoteAction(id, { ok: true }, form({ body: `changed by ${actor}`, tags: "", visibility })))),
        expected: cells,
      },
      {
        name: `action deleteNoteAction on A's ${visibility} note`,
        policy: ["note.delete"],
        setup: () => noteOfA(visibility),
        call: async (actor, id) => actionStatus(await asActor(actor, () => deleteNoteAction(id, recommendationId, { ok: true }, new FormData()))),
        expected: cells,
      },
    ];
  }),
  {
    name: "action createAssessmentAction for A",
    policy: ["assessment.create"],
    call: async (actor) => actionStatus(await asActor(actor, () => createAssessmentAction(recommendationId, { ok: false }, assessmentForm()))),
    expected: asAction(WRITE_A),
  },
  {
    // A version published by mistake: A's editors and owners take it out of every public view.
    name: "POST /api/assessments/{id}/withdraw of a public version of A",
    policy: ["assessment.withdraw"],
    setup: publicAssessmentOfA,
    call: async (actor, id) => answer(withdrawAssessmentPost(request(actor, "POST", `/api/assessments/${id}/withdraw`, { reason: `withdrawn by ${actor}` }), params(id))),
    expected: asAction(WRITE_A),
  },
  {
    name: "action withdrawAssessmentAction of a public version of A",
    policy: ["assessment.withdraw"],
    setup: publicAssessmentOfA,
    call: async (actor, id) => actionStatus(await asActor(actor, () => withdrawAssessmentAction(recommendationId, { ok: false }, form({ assessmentId: id, reason: `withdrawn by ${actor}` })))),
    expected: asAction(WRITE_A),
  },
  {
    name: "action createNoteAction for A",
    policy: ["note.create"],
    call: async (actor) =>
      actionStatus(await asActor(actor, () => createNoteAction(recommendationId, { ok: true }, form({ body: `by ${actor}`, tags: "", visibility: "private", organizationId: orgId.A })))),
    expected: asAction(WRITE_A),
  },
  {
    name: "action createUnDocumentAction for A",
    policy: ["finding.create"],
    call: async (actor) =>
      actionStatus(await asActor(actor, () => createUnDocumentAction({ ok: true }, form({ symbol: `CAT/C/MATRIX/${actor}-${++matrixDocuments}`, mechanism: "TREATY_BODY", body: "CAT", organizationId: orgId.A })))),
    expected: asAction(WRITE_A),
  },
  {
    name: "action createFindingAction for A (a passage of a recorded document)",
    policy: ["finding.create"],
    setup: async () => (await unDocumentOf(null)).symbol,
    call: async (actor, symbol) => actionStatus(await asActor(actor, () => createFindingAction({ ok: true }, findingForm(actor, { symbol, organizationId: orgId.A })))),
    expected: asAction(WRITE_A),
  },
  {
    name: "action updateFindingAction on A's finding",
    policy: ["finding.update"],
    setup: () => findingOf(orgId.A),
    call: async (actor, id) => actionStatus(await asActor(actor, () => updateFindingAction(Number(id), { ok: true }, findingForm(actor)))),
    expected: EDIT_RECORD_OF_A,
  },
  {
    name: "action updateFindingAction on an imported finding",
    policy: ["finding.update"],
    setup: () => findingOf(null),
    call: async (actor, id) => actionStatus(await asActor(actor, () => updateFindingAction(Number(id), { ok: true }, findingForm(actor)))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action updateUnDocumentAction on A's document",
    policy: ["finding.update"],
    setup: async () => String((await unDocumentOf(orgId.A)).id),
    call: async (actor, id) => actionStatus(await asActor(actor, () => updateUnDocumentAction(Number(id), { ok: true }, form({ mechanism: "TREATY_BODY", body: `CERD by ${actor}`, language: "en" })))),
    expected: EDIT_RECORD_OF_A,
  },
  {
    name: "PUT /api/recommendations/{id}/links (confirm or reject a 2013/2018 pair)",
    policy: ["recurrence.decide"],
    setup: nextLinkDecision,
    call: async (actor, decision) => answer(linksPut(request(actor, "PUT", `/api/recommendations/${linkPair.laterId}/links`, { otherId: linkPair.earlierId, decision }), params(linkPair.laterId))),
    expected: DECIDE_LINK,
  },
  {
    name: "action decideLinkAction (confirm or reject a 2013/2018 pair)",
    policy: ["recurrence.decide"],
    setup: nextLinkDecision,
    call: async (actor, decision) =>
      actionStatus(await asActor(actor, () => decideLinkAction(linkPair.laterId, { ok: true }, form({ otherId: String(linkPair.earlierId), decision })))),
    expected: DECIDE_LINK,
  },
  {
    name: "action decideFindingLinkAction (link a UN finding for A, or change its stance)",
    policy: ["findingLink.decide"],
    setup: nextFindingStance,
    call: async (actor, stance) =>
      actionStatus(
        await asActor(actor, async () =>
          decideFindingLinkAction(linkPair.laterId, { ok: true }, form({ findingId: String(await findingOfChina()), decision: "confirmed", stance, organizationId: orgId.A })),
        ),
      ),
    expected: asAction(WRITE_A),
  },
  {
    name: "action decideFindingLinkAction (remove A's link to a UN finding)",
    policy: ["findingLink.decide"],
    setup: findingLinkOfA,
    call: async (actor, findingId) =>
      actionStatus(await asActor(actor, () => decideFindingLinkAction(linkPair.laterId, { ok: true }, form({ findingId, decision: "removed", organizationId: orgId.A })))),
    expected: asAction(WRITE_A),
  },
  {
    name: "PUT /api/recommendations/{id}/action-category for A",
    policy: ["actionCategory.override"],
    call: async (actor) => answer(putCategoryRoute(request(actor, "PUT", `/api/recommendations/${recommendationId}/action-category`, categoryBody(actor)), params(recommendationId))),
    expected: asAction(WRITE_A),
  },
  {
    // Hole 3: each caller corrects for its own organisation while A's correction stands; only A's writers may replace it.
    name: "PUT /api/recommendations/{id}/action-category for the caller's organisation while A's correction stands",
    policy: ["actionCategory.override"],
    setup: overrideOfA,
    call: async (actor) => answer(putCategoryRoute(request(actor, "PUT", `/api/recommendations/${recommendationId}/action-category`, { category: 2, reason: `by ${actor}` }), params(recommendationId))),
    expected: asAction(WRITE_A),
  },
  {
    name: "DELETE /api/recommendations/{id}/action-category of A's override",
    policy: ["actionCategory.clear"],
    setup: overrideOfA,
    call: async (actor) => answer(clearCategoryRoute(request(actor, "DELETE", `/api/recommendations/${recommendationId}/action-category`), params(recommendationId))),
    expected: asAction(WRITE_A),
  },
  {
    name: "action setActionCategoryAction for A",
    policy: ["actionCategory.override"],
    call: async (actor) => {
      const { category, reason } = categoryBody(actor);
      return actionStatus(await asActor(actor, () => setActionCategoryAction(recommendationId, { ok: true }, form({ category: String(category), reason, organizationId: orgId.A }))));
    },
    expected: asAction(WRITE_A),
  },
  {
    name: "action setActionCategoryAction for the caller's organisation while A's correction stands",
    policy: ["actionCategory.override"],
    setup: overrideOfA,
    call: async (actor) => actionStatus(await asActor(actor, () => setActionCategoryAction(recommendationId, { ok: true }, form({ category: "2", reason: `by ${actor}` })))),
    expected: asAction(WRITE_A),
  },
  {
    name: "action clearActionCategoryAction of A's override",
    policy: ["actionCategory.clear"],
    setup: overrideOfA,
    call: async (actor) => actionStatus(await asActor(actor, () => clearActionCategoryAction(recommendationId, { ok: true }, new FormData()))),
    expected: asAction(WRITE_A),
  },
  {
    // Instance administrators only; the upload itself is audited, so even a preview changes the log.
    name: "POST /api/admin/import?mode=preview of an official document",
    policy: ["admin.import"],
    call: adminImportStatus,
    expected: ADMIN_ONLY,
  },
  {
    name: "POST /api/status-sheet?mode=apply of A's sheet",
    policy: ["statusSheet.import"],
    setup: editedSheetOfA,
    call: async (actor, csv) => answer(sheetPost(sheetRequest(actor, "apply", csv))),
    expected: IMPORT_A,
  },
  {
    name: "POST /api/status-sheet?mode=preview of A's sheet (writes nothing)",
    policy: ["statusSheet.import"],
    setup: editedSheetOfA,
    call: async (actor, csv) => answer(sheetPost(sheetRequest(actor, "preview", csv))),
    expected: IMPORT_A,
    readOnly: true,
  },
  {
    name: "POST /api/admin/response-wording?mode=apply (a review's official wording)",
    policy: ["admin.responseWording"],
    setup: wordingSheet,
    call: async (actor, csv) => answer(wordingPost(wordingRequest(actor, "apply", csv))),
    expected: ADMIN_ONLY,
  },
  {
    name: "POST /api/admin/response-wording?mode=preview (writes nothing)",
    policy: ["admin.responseWording"],
    setup: wordingSheet,
    call: async (actor, csv) => answer(wordingPost(wordingRequest(actor, "preview", csv))),
    expected: ADMIN_ONLY,
    readOnly: true,
  },
  {
    name: "GET /api/status-sheet of A (a read of A's private statuses)",
    policy: ["organization.readPrivate"],
    call: async (actor) => answer(sheetGet(new Request(`${ORIGIN}/api/status-sheet?review=${reviewId}&organization=${orgId.A}`, { headers: headersOf(actor) }))),
    // A download of private data: allowed, it writes its audit event (download.status-sheet); refused, nothing.
    expected: READ_A,
  },
  {
    name: "GET /api/reports/mid-term of A (a read of A's private statuses and evidence)",
    policy: ["organization.readPrivate"],
    call: async (actor) => answer(midTermReportGet(new Request(`${ORIGIN}/api/reports/mid-term?review=${reviewId}&organization=${orgId.A}&format=csv`, { headers: headersOf(actor) }))),
    // Audited like the sheet (download.mid-term-report).
    expected: READ_A,
  },
  {
    name: "GET /api/reports/matrix of A (the OHCHR matrix filled from A's private statuses and evidence)",
    policy: ["organization.readPrivate"],
    call: async (actor) => answer(matrixGet(new Request(`${ORIGIN}/api/reports/matrix?review=${reviewId}&organization=${orgId.A}&format=docx`, { headers: headersOf(actor) }))),
    // The mid-term report's access, audited as one (download.mid-term-report, layout ohchr-matrix).
    expected: READ_A,
  },
  ...(
    [
      ["GET /api/recommendations?statusOf=mine", () => recommendationsGet],
      ["GET /api/recommendations.csv?statusOf=mine", () => recommendationsCsvGet],
      ["GET /api/stats?statusOf=mine&by=status", () => statsGet],
    ] as const
  ).map(
    ([name, route]): Row => ({
      name: `${name} (a read of the caller's organisations' private statuses)`,
      policy: ["organization.readPrivate"],
      call: async (actor) => answer(route()(new Request(`${ORIGIN}${name.slice(4)}&status=not_assessed`, { headers: headersOf(actor) }))),
      // A download of private data: allowed, it writes its audit event; refused, nothing.
      expected: READ_MINE,
    }),
  ),
  {
    name: "action applyStatusSheetAction of A's sheet",
    policy: ["statusSheet.import"],
    setup: editedSheetOfA,
    call: async (actor, csv) => actionStatus(await asActor(actor, () => applyStatusSheetAction({ kind: "idle" }, sheetForm({ sheet: csv, expectedChanges: "1", fileName: "a.csv" })))),
    expected: IMPORT_A,
  },
  {
    name: "action previewStatusSheetAction of A's sheet (writes nothing)",
    policy: ["statusSheet.import"],
    setup: editedSheetOfA,
    call: async (actor, csv) => actionStatus(await asActor(actor, () => previewStatusSheetAction({ kind: "idle" }, sheetForm({ file: new File([csv], "a.csv", { type: "text/csv" }) })))),
    expected: IMPORT_A,
    readOnly: true,
  },
  {
    name: "action applyResponseWordingAction (a review's official wording)",
    policy: ["admin.responseWording"],
    setup: wordingSheet,
    call: async (actor, csv) =>
      actionStatus(await asActor(actor, () => applyResponseWordingAction({ kind: "idle" }, sheetForm({ sheet: csv, expectedChanges: "1", fileName: "w.csv" })))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action addReviewDocumentAction (a review's official documents)",
    policy: ["admin.reviewDocuments"],
    setup: async () => `A/HRC/WG.6/31/CHN/${++reviewDocuments}`,
    call: async (actor, symbol) => actionStatus(await asActor(actor, () => addReviewDocumentAction(reviewId, { ok: true }, form({ role: "UN_COMPILATION", symbol })))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action removeReviewDocumentAction (a review's official documents)",
    policy: ["admin.reviewDocuments"],
    setup: async () => String((await createReviewDocument(OPERATOR, reviewId, { role: "ADVANCE_QUESTIONS", symbol: `A/HRC/WG.6/31/CHN/Q${++reviewDocuments}` })).id),
    call: async (actor, id) => actionStatus(await asActor(actor, () => removeReviewDocumentAction(Number(id), { ok: true }, form({})))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action saveReviewCalendarAction (a review's calendar dates and their source)",
    policy: ["admin.reviewCalendar"],
    // A new FIXTURE day each cell, so an allowed cell always changes the review.
    setup: async () => `2030-01-${String(++calendarDays % 28 + 1).padStart(2, "0")}`,
    call: async (actor, day) =>
      actionStatus(await asActor(actor, () => saveReviewCalendarAction(reviewId, { ok: true }, form({ intent: "set", nextReviewOn: day, calendarSource: "Fixture source for the matrix" })))),
    expected: ADMIN_ONLY,
  },
  {
    name: "action previewResponseWordingAction (writes nothing)",
    policy: ["admin.responseWording"],
    setup: wordingSheet,
    call: async (actor, csv) =>
      actionStatus(await asActor(actor, () => previewResponseWordingAction({ kind: "idle" }, sheetForm({ file: new File([csv], "w.csv", { type: "text/csv" }) })))),
    expected: ADMIN_ONLY,
    readOnly: true,
  },
  {
    // The /audit page's read: owners their organisations' log, instance administrators every event.
    name: "listAuditEvents (the /audit page) of the caller's organisations, or of all for an admin",
    policy: ["organization.readAudit", "audit.readAll"],
    call: async (actor) => outcome(async () => listAuditEvents(await viewerOf(actor))),
    expected: { ...ADMIN_ONLY, ownerA: 200 },
    readOnly: true,
  },
  {
    name: "createOrganization as a signed-in user (the operator CLI's org create)",
    policy: ["organization.create"],
    call: async (actor) => outcome(async () => createOrganization({ kind: "user", viewer: await viewerOf(actor) }, `Matrix Org by ${actor} ${crypto.randomUUID()}`)),
    expected: ADMIN_ONLY,
  },
  {
    name: "addUser without an organisation as a signed-in user (a new account)",
    policy: ["user.create"],
    call: async (actor) => outcome(async () => addUser({ kind: "user", viewer: await viewerOf(actor) }, { email: `new-${crypto.randomUUID()}@matrix.example.org`, password: PASSWORD })),
    expected: ADMIN_ONLY,
  },
  {
    name: "addUser to A as a signed-in user (a new member of A)",
    policy: ["organization.manageMembers", "user.create"],
    call: async (actor) =>
      outcome(async () => addUser({ kind: "user", viewer: await viewerOf(actor) }, { email: `member-${crypto.randomUUID()}@matrix.example.org`, password: PASSWORD, organization: { name: "Matrix Org A", role: "viewer" } })),
    expected: { ...ADMIN_ONLY, ownerA: 200 },
  },
  {
    // Ends only the caller's own session (a fresh one, so the other rows keep theirs), then redirects home.
    name: "action signOutAction",
    policy: [],
    setup: async () => "",
    call: async (actor) => {
      const cookie = actor === "anonymous" ? undefined : await newSession(emailOf(actor));
      try {
        await asActor(actor, () => signOutAction(), cookie);
      } catch (error) {
        if (isRedirectError(error)) return 303;
        throw error;
      }
      throw new Error("signOutAction did not redirect");
    },
    expected: EVERYONE(303),
  },
  {
    // Each caller signs in with their own email and password (anonymous with an unknown one): a new session each.
    name: "POST /api/auth-form/sign-in (the caller's own email and password)",
    policy: [],
    call: (actor) => signInFormStatus(signInFormPost, "/api/auth-form/sign-in", actor, { email: emailOf(actor), password: PASSWORD, locale: "en" }),
    expected: { ...EVERYONE(200), anonymous: 401 },
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
      policy: [],
      call: (actor) => signInFormStatus(route, name.slice("POST ".length), actor, { code: "123456", locale: "en" }),
      expected: { ...EVERYONE(400), anonymous: 401 },
    }),
  ),
  // better-auth's own organisation writes are closed: members change only through the audited operator CLI.
  ...(["create", "add-member", "invite-member", "update-member-role", "remove-member", "update", "delete", "leave"] as const).map(
    (path): Row => ({
      name: `POST /api/auth/organization/${path}`,
      policy: [],
      call: async (actor) =>
        answer(
          authPost(
            request(actor, "POST", `/api/auth/organization/${path}`, { organizationId: orgId.A, name: "Taken over", slug: "taken-over", userId: "x", role: "owner", memberIdOrEmail: "x", memberId: "x", email: "x@example.org", data: { name: "Taken over" } }),
          ),
        ),
      expected: EVERYONE(404),
    }),
  ),
  ...accountRows(),
  ...ACCOUNT_ROWS,
];

describe("authorisation matrix", () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const actual = {} as Cells;
      for (const actor of ACTORS) {
        const target = (await row.setup?.(actor)) ?? "";
        const before = await fingerprint();
        actual[actor] = await row.call(actor, target);
        const changed = (await fingerprint()) !== before;
        // A refused call writes nothing at all; an allowed one writes (and audits) something.
        expect(changed, `${row.name} as ${actor} answered ${actual[actor]} and ${changed ? "changed" : "did not change"} the database`).toBe(!row.readOnly && typeof actual[actor] === "number" && actual[actor] < 300);
        await row.teardown?.(actor);
      }
      expect(actual).toEqual(row.expected);
    });
  }

  it("has a row for every action of the policy (lib/auth/policy.ts), and names only actions it has", () => {
    const tagged = new Set(ROWS.flatMap((row) => row.policy));
    expect(Object.keys(POLICY).filter((action) => !tagged.has(action as Action))).toEqual([]);
    expect([...tagged].filter((action) => !(action in POLICY))).toEqual([]);
  });

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
