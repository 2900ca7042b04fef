import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as assessmentsGet, POST as assessmentsPost } from "@/app/api/recommendations/[id]/assessments/route";
import { GET as notesGet, POST as notesPost } from "@/app/api/recommendations/[id]/notes/route";
import { GET as recommendationsGet } from "@/app/api/recommendations/route";
import { GET as recommendationsCsvGet } from "@/app/api/recommendations.csv/route";
import { GET as statsGet } from "@/app/api/stats/route";
import { GET as sheetGet } from "@/app/api/status-sheet/route";
import { GET as midTermGet } from "@/app/api/reports/mid-term/route";
import { GET as matrixGet } from "@/app/api/reports/matrix/route";
import { createAssessmentAction } from "@/lib/actions/assessments";
import { createNoteAction } from "@/lib/actions/notes";
import { recommendationPermissions } from "@/lib/auth/recommendation-permissions";
import { parseExplorerSearch } from "@/lib/search-params";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { TWO_FACTOR_REQUIRED_MESSAGE } from "@/lib/server/http-errors";
import { getMidTermReport } from "@/lib/server/mid-term-report";
import { getViewer } from "@/lib/server/permissions";
import { previewStatusSheetForViewer } from "@/lib/server/status-sheet/forms";
import { markSecondFactor, ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * The organisation two-factor policy end to end: a member of an organisation that requires two-factor sign-in, whose
 * session began with a password only, reads public data only, and every private read or write refuses with the
 * message that says why, over HTTP and in the page's forms, in both languages. A member with a second-factor session,
 * and a member of an organisation without the policy, are unaffected.
 */
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ toString: () => requestHeaders.current.get("cookie") ?? "", get: () => undefined, getAll: () => [], set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const OPERATOR = { kind: "operator" } as const;
const STRICT = "Strict Watch";
const OPEN = "Open Watch";
const SECRET = `strict-private ${crypto.randomUUID()}`;
const OPEN_SECRET = `open-private ${crypto.randomUUID()}`;

/** passwordOnly and secondFactor: editors of the strict organisation; open: an editor of the other; both: editor of each. */
type Who = "passwordOnly" | "secondFactor" | "open" | "both";
const cookies = {} as Record<Who, string>;
const orgId = { strict: "", open: "" };
let recommendationId: number;
let reviewId: number;

withSeededDatabase();

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  orgId.strict = (await createOrganization(OPERATOR, STRICT)).id;
  orgId.open = (await createOrganization(OPERATOR, OPEN)).id;
  await getDb().organization.update({ where: { id: orgId.strict }, data: { requireTwoFactor: true } });
  const people: [Who, string[]][] = [
    ["passwordOnly", [STRICT]],
    ["secondFactor", [STRICT]],
    ["open", [OPEN]],
    ["both", [STRICT, OPEN]],
  ];
  for (const [index, [who, organizations]] of people.entries()) {
    for (const name of organizations) await addUser(OPERATOR, { email: `${who.toLowerCase()}@2fa.example.org`, password: PASSWORD, name: who, organization: { name, role: "editor" } });
    cookies[who] = await signIn(`${who.toLowerCase()}@2fa.example.org`, `10.14.0.${index + 1}`);
  }
  await markSecondFactor(cookies.secondFactor);
  recommendationId = (await getDb().recommendation.findFirstOrThrow({ where: { review: { stateUnderReviewIso3: "CHN", cycle: 3 } }, select: { id: true }, orderBy: { id: "asc" } })).id;
  reviewId = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 }, select: { id: true } })).id;

  // Private work of each organisation, written by members who may write it.
  const assessment = (rationale: string) => ({ status: "not_implemented", assessedOn: "2026-06-30", rationale, confidence: "high", visibility: "private" });
  expect((await assessmentsPost(request("secondFactor", "POST", `/api/recommendations/${recommendationId}/assessments`, assessment(SECRET)), params(recommendationId))).status).toBe(201);
  expect((await notesPost(request("secondFactor", "POST", `/api/recommendations/${recommendationId}/notes`, { body: SECRET, visibility: "private" }), params(recommendationId))).status).toBe(201);
  expect((await assessmentsPost(request("open", "POST", `/api/recommendations/${recommendationId}/assessments`, assessment(OPEN_SECRET)), params(recommendationId))).status).toBe(201);
});

function request(who: Who | null, method: string, path: string, body?: unknown): Request {
  const headers: Record<string, string> = { "content-type": "application/json", origin: ORIGIN };
  if (who) headers.cookie = cookies[who];
  return new Request(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const viewerOf = (who: Who) => getViewer(request(who, "GET", "/"));

/** The answer that tells the member why: 403 with the two-factor message. */
async function expectTwoFactorRefusal(response: Response | Promise<Response>): Promise<void> {
  const settled = await response;
  expect(settled.status).toBe(403);
  expect(await settled.json()).toEqual({ error: "forbidden", message: TWO_FACTOR_REQUIRED_MESSAGE });
}

async function fingerprint(): Promise<string> {
  const [row] = await getDb().$queryRaw<{ hash: string }[]>`
    SELECT md5(concat_ws('|', (SELECT string_agg(a::text, ',' ORDER BY a."id") FROM "Assessment" a), (SELECT string_agg(n::text, ',' ORDER BY n."id") FROM "Note" n),
      (SELECT count(*)::text FROM "AuditEvent"))) AS hash`;
  return row!.hash;
}

describe("a member whose organisation requires two-factor sign-in, signed in with a password only", () => {
  it("sees no private assessment or note of the organisation on the recommendation", async () => {
    for (const get of [assessmentsGet, notesGet]) {
      const hidden = await (await get(request("passwordOnly", "GET", `/api/recommendations/${recommendationId}/x`), params(recommendationId))).text();
      expect(hidden).not.toContain(SECRET);
      const shown = await (await get(request("secondFactor", "GET", `/api/recommendations/${recommendationId}/x`), params(recommendationId))).text();
      expect(shown).toContain(SECRET);
    }
    // The page's sections get the same answer from the policy: nothing to write with, and the notice's names.
    expect(recommendationPermissions(await viewerOf("passwordOnly"), null)).toMatchObject({ readable: [], assess: [], note: [], awaitingSecondFactor: [STRICT] });
  });

  it("is refused statusOf=mine in the API, the CSV and the stats, with the reason; the explorer page falls back to public and names the organisation", async () => {
    for (const [route, path] of [
      [recommendationsGet, "/api/recommendations?statusOf=mine"],
      [recommendationsCsvGet, "/api/recommendations.csv?statusOf=mine"],
      [statsGet, "/api/stats?statusOf=mine&by=status"],
    ] as const) {
      await expectTwoFactorRefusal(route(request("passwordOnly", "GET", path)));
      expect((await route(request("secondFactor", "GET", path))).status).toBe(200);
    }
    const query = parseExplorerSearch({ statusOf: "mine" }).query;
    expect(scopeExplorerQuery(query, await viewerOf("passwordOnly"))).toMatchObject({ mineUnavailable: true, awaitingSecondFactor: [STRICT], scope: { organizationIds: [] }, query: { statusOf: "public" } });
    expect(scopeExplorerQuery(query, await viewerOf("secondFactor"))).toMatchObject({ mineUnavailable: false, awaitingSecondFactor: [], scope: { organizationIds: [orgId.strict] } });
  });

  it("is refused the status sheet, the mid-term report and its OHCHR matrix, with the reason", async () => {
    await expectTwoFactorRefusal(sheetGet(request("passwordOnly", "GET", `/api/status-sheet?review=${reviewId}`)));
    await expectTwoFactorRefusal(midTermGet(request("passwordOnly", "GET", `/api/reports/mid-term?review=${reviewId}&format=csv`)));
    await expectTwoFactorRefusal(matrixGet(request("passwordOnly", "GET", `/api/reports/matrix?review=${reviewId}`)));
    expect((await matrixGet(request("secondFactor", "GET", `/api/reports/matrix?review=${reviewId}`))).status).toBe(200);
    expect((await sheetGet(request("secondFactor", "GET", `/api/status-sheet?review=${reviewId}`))).status).toBe(200);
    expect((await getMidTermReport(await viewerOf("secondFactor"), { review: reviewId, theme: [], noted: false })).assessed).toBe(1);
    const file = new File(["id\n"], "sheet.csv", { type: "text/csv" });
    const form = new FormData();
    form.set("review", String(reviewId));
    form.set("file", file);
    expect(await previewStatusSheetForViewer(await viewerOf("passwordOnly"), { kind: "idle" }, form)).toEqual({ kind: "error", code: "twoFactorRequired", message: TWO_FACTOR_REQUIRED_MESSAGE });
  });

  it("is refused every write with the reason, over HTTP and in the forms (in both languages), and nothing is written", async () => {
    const before = await fingerprint();
    const body = { status: "fully_implemented", assessedOn: "2026-07-01", rationale: "by a password-only session", confidence: "low", visibility: "public" };
    await expectTwoFactorRefusal(assessmentsPost(request("passwordOnly", "POST", `/api/recommendations/${recommendationId}/assessments`, body), params(recommendationId)));
    await expectTwoFactorRefusal(notesPost(request("passwordOnly", "POST", `/api/recommendations/${recommendationId}/notes`, { body: "x", visibility: "public" }), params(recommendationId)));

    const form = new FormData();
    for (const [key, value] of Object.entries({ ...body, body: "x", tags: "" })) form.set(key, value);
    const messages: string[] = [];
    for (const locale of ["en", "zh"]) {
      requestHeaders.current = new Headers({ cookie: cookies.passwordOnly, "x-next-intl-locale": locale });
      try {
        messages.push((await createAssessmentAction(recommendationId, { ok: true }, form)).message!);
        messages.push((await createNoteAction(recommendationId, { ok: true }, form)).message!);
      } finally {
        requestHeaders.current = new Headers();
      }
    }
    expect(messages).toEqual([
      "Your organisation requires two-factor sign-in: sign in again with a code from your authenticator app or a passkey (set one up on your account page) to see or change its private data.",
      "Your organisation requires two-factor sign-in: sign in again with a code from your authenticator app or a passkey (set one up on your account page) to see or change its private data.",
      "您的组织要求双重验证登录：请使用身份验证器应用中的验证码或通行密钥重新登录（可在账户页面设置），才能查看或更改组织的非公开数据。",
      "您的组织要求双重验证登录：请使用身份验证器应用中的验证码或通行密钥重新登录（可在账户页面设置），才能查看或更改组织的非公开数据。",
    ]);
    expect(await fingerprint()).toBe(before);
  });
});

describe("members the policy leaves alone", () => {
  it("a member of an organisation without the policy reads and writes with a password only", async () => {
    expect(await (await assessmentsGet(request("open", "GET", "/x"), params(recommendationId))).text()).toContain(OPEN_SECRET);
    expect((await recommendationsGet(request("open", "GET", "/api/recommendations?statusOf=mine"))).status).toBe(200);
    expect((await notesPost(request("open", "POST", `/api/recommendations/${recommendationId}/notes`, { body: "open note" }), params(recommendationId))).status).toBe(201);
  });

  it("a member of both reads and writes the open organisation's data, and must name it; the strict one stays closed", async () => {
    const text = await (await assessmentsGet(request("both", "GET", "/x"), params(recommendationId))).text();
    expect(text).toContain(OPEN_SECRET);
    expect(text).not.toContain(SECRET);
    expect((await recommendationsGet(request("both", "GET", "/api/recommendations?statusOf=mine"))).status).toBe(200);
    const note = (organizationId?: string) => notesPost(request("both", "POST", `/api/recommendations/${recommendationId}/notes`, { body: "both", ...(organizationId ? { organizationId } : {}) }), params(recommendationId));
    expect((await note()).status).toBe(422);
    await expectTwoFactorRefusal(note(orgId.strict));
    expect((await note(orgId.open)).status).toBe(201);
    const query = parseExplorerSearch({ statusOf: "mine" }).query;
    expect(scopeExplorerQuery(query, await viewerOf("both"))).toMatchObject({ mineUnavailable: false, awaitingSecondFactor: [STRICT], scope: { organizationIds: [orgId.open] } });
  });
});
