import { createElement } from "react";
import { renderInLocale } from "../helpers/render";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/notes/[id]/route";
import { GET as csvGet } from "@/app/api/recommendations.csv/route";
import { GET as oneGet } from "@/app/api/recommendations/[id]/route";
import { GET as notesGet, POST as notesPost } from "@/app/api/recommendations/[id]/notes/route";
import { GET as listGet } from "@/app/api/recommendations/route";
import { AuditTable } from "@/components/audit/audit-table";
import { NoteList } from "@/components/recommendations/note-list";
import { deleteNoteAction, updateNoteAction } from "@/lib/actions/notes";
import { noteListSchema } from "@/lib/schemas/note";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { listAuditEvents } from "@/lib/server/audit/log";
import { getDb } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/http-errors";
import { listNotes } from "@/lib/server/notes";
import { getViewer } from "@/lib/server/permissions";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { withSeededDatabase } from "../helpers/test-database";

/**
 * Notes over HTTP: the authorisation table of every write route, privacy of organisation A's private notes in every
 * way out, CSRF, the audit trail and the audit log's readers, and an XSS payload.
 */
/** Server actions read the session cookie through `next/headers`; here it hands them the actor's request headers. */
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ toString: () => requestHeaders.current.get("cookie") ?? "", get: () => undefined, getAll: () => [], set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const OPERATOR = { kind: "operator" } as const;
const ACTORS = ["anonymous", "viewerA", "editorA", "otherEditorA", "ownerA", "editorB", "admin"] as const;
type Actor = (typeof ACTORS)[number];

withSeededDatabase();
const cookies = new Map<Actor, string>();
let recommendationId: number;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  await createOrganization(OPERATOR, "Notes Org A");
  await createOrganization(OPERATOR, "Notes Org B");
  const people: [Actor, string, "A" | "B" | null, "owner" | "editor" | "viewer" | null][] = [
    ["viewerA", "viewer-a@example.org", "A", "viewer"],
    ["editorA", "editor-a@example.org", "A", "editor"],
    ["otherEditorA", "editor2-a@example.org", "A", "editor"],
    ["ownerA", "owner-a@example.org", "A", "owner"],
    ["editorB", "editor-b@example.org", "B", "editor"],
    ["admin", "admin@example.org", null, null],
  ];
  for (const [actor, email, org, role] of people) {
    await addUser(OPERATOR, { email, password: PASSWORD, name: actor, organization: org && role ? { name: `Notes Org ${org}`, role } : undefined, admin: actor === "admin" });
    cookies.set(actor, await signIn(email, `10.1.0.${cookies.size + 1}`));
  }
  recommendationId = (await getDb().recommendation.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } })).id;
});

function headers(actor: Actor, origin: string | null = ORIGIN): Record<string, string> {
  const h: Record<string, string> = { "content-type": "application/json" };
  const cookie = cookies.get(actor);
  if (cookie) h.cookie = cookie;
  if (origin) h.origin = origin;
  return h;
}

const params = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });

function post(actor: Actor, body: unknown, origin: string | null = ORIGIN): Promise<Response> {
  return notesPost(new Request(`${ORIGIN}/api/recommendations/${recommendationId}/notes`, { method: "POST", headers: headers(actor, origin), body: JSON.stringify(body) }), params(recommendationId));
}
function patch(actor: Actor, id: string, body: unknown, origin: string | null = ORIGIN): Promise<Response> {
  return patchRoute(new Request(`${ORIGIN}/api/notes/${id}`, { method: "PATCH", headers: headers(actor, origin), body: JSON.stringify(body) }), params(id));
}
function del(actor: Actor, id: string): Promise<Response> {
  return deleteRoute(new Request(`${ORIGIN}/api/notes/${id}`, { method: "DELETE", headers: headers(actor) }), params(id));
}
async function getNotes(actor: Actor): Promise<string> {
  const response = await notesGet(new Request(`${ORIGIN}/api/recommendations/${recommendationId}/notes`, { headers: headers(actor, null) }), params(recommendationId));
  expect(response.status).toBe(200);
  const text = await response.text();
  // The answer is exactly what the OpenAPI document describes.
  noteListSchema.parse(JSON.parse(text));
  return text;
}
async function noteOfA(visibility: "private" | "public", body = `A ${visibility} note ${crypto.randomUUID()}`): Promise<string> {
  const response = await post("editorA", { body, tags: ["priority for mid-term report"], visibility });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe("authorisation table of the note routes", () => {
  it("POST: editors and owners write in their organisation; viewers and non-members may not", async () => {
    const expected: Record<Actor, number> = { anonymous: 401, viewerA: 403, editorA: 201, otherEditorA: 201, ownerA: 201, editorB: 201, admin: 403 };
    const actual = Object.fromEntries(await Promise.all(ACTORS.map(async (a) => [a, (await post(a, { body: `note by ${a}` })).status] as const)));
    expect(actual).toEqual(expected);
  });

  const privateCells: Record<Actor, number> = { anonymous: 401, viewerA: 403, editorA: 200, otherEditorA: 403, ownerA: 200, editorB: 404, admin: 404 };
  const publicCells: Record<Actor, number> = { ...privateCells, editorB: 403, admin: 403 };

  for (const [visibility, cells] of [["private", privateCells], ["public", publicCells]] as const) {
    it(`PATCH and DELETE of A's ${visibility} note: its author and A's owner only; another org's private note is 404`, async () => {
      const patched: Record<string, number> = {};
      const deleted: Record<string, number> = {};
      for (const actor of ACTORS) {
        patched[actor] = (await patch(actor, await noteOfA(visibility), { body: `changed by ${actor}` })).status;
        deleted[actor] = (await del(actor, await noteOfA(visibility))).status;
      }
      expect(patched).toEqual(cells);
      expect(deleted).toEqual({ ...cells, editorA: 204, ownerA: 204 });
    });
  }

  it("refuses a foreign Origin with 403 on every write, and nothing changes", async () => {
    const id = await noteOfA("public", "untouched by CSRF");
    expect((await post("editorA", { body: "cross-site" }, "https://evil.example")).status).toBe(403);
    expect((await patch("editorA", id, { body: "cross-site" }, "https://evil.example")).status).toBe(403);
    const cross = await deleteRoute(new Request(`${ORIGIN}/api/notes/${id}`, { method: "DELETE", headers: headers("editorA", "https://evil.example") }), params(id));
    expect(cross.status).toBe(403);
    expect((await getDb().note.findUniqueOrThrow({ where: { id } })).body).toBe("untouched by CSRF");
    expect(await getDb().note.count({ where: { body: "cross-site" } })).toBe(0);
  });

  it("answers 422 for an invalid body, too many tags or an unknown visibility", async () => {
    expect((await post("editorA", { body: "" })).status).toBe(422);
    // Who is asking comes before what they sent: an anonymous caller learns nothing about the schema.
    expect((await post("anonymous", { body: "" })).status).toBe(401);
    expect((await post("editorA", { body: "x", visibility: "secret" })).status).toBe(422);
    expect((await post("editorA", { body: "x", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).status).toBe(422);
    expect((await post("editorA", { body: "x".repeat(10_001) })).status).toBe(422);
  });
});

describe("an author demoted to viewer (hole 2)", () => {
  const EMAIL = "demoted-a@example.org";
  let cookie = "";
  let notes: { private: string; public: string };

  beforeAll(async () => {
    await addUser(OPERATOR, { email: EMAIL, password: PASSWORD, name: "demotedA", organization: { name: "Notes Org A", role: "editor" } });
    cookie = await signIn(EMAIL, "10.1.1.1");
    const write = async (visibility: "private" | "public") => {
      const response = await notesPost(
        new Request(`${ORIGIN}/api/recommendations/${recommendationId}/notes`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, cookie }, body: JSON.stringify({ body: `demoted ${visibility}`, visibility }) }),
        params(recommendationId),
      );
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    notes = { private: await write("private"), public: await write("public") };
    // The owner demotes the author, which ends their sessions; they sign in again, now a viewer.
    expect((await addUser(OPERATOR, { email: EMAIL, organization: { name: "Notes Org A", role: "viewer" } })).membership).toBe("updated");
    cookie = await signIn(EMAIL, "10.1.1.2");
  });

  const asDemoted = (method: string, id: string, body?: unknown) =>
    new Request(`${ORIGIN}/api/notes/${id}`, { method, headers: { "content-type": "application/json", origin: ORIGIN, cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
  const snapshot = () => getDb().note.findMany({ where: { id: { in: [notes.private, notes.public] } }, orderBy: { id: "asc" } });
  const auditCount = () => getDb().auditEvent.count({ where: { NOT: { action: { startsWith: "auth." } } } });

  it("may no longer edit, publish or delete their notes over HTTP (403), and nothing changes", async () => {
    const [before, events] = [await snapshot(), await auditCount()];
    expect((await patchRoute(asDemoted("PATCH", notes.private, { body: "rewritten after demotion" }), params(notes.private))).status).toBe(403);
    expect((await patchRoute(asDemoted("PATCH", notes.private, { visibility: "public" }), params(notes.private))).status).toBe(403);
    expect((await patchRoute(asDemoted("PATCH", notes.public, { body: "rewritten after demotion" }), params(notes.public))).status).toBe(403);
    expect((await deleteRoute(asDemoted("DELETE", notes.private), params(notes.private))).status).toBe(403);
    expect((await deleteRoute(asDemoted("DELETE", notes.public), params(notes.public))).status).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect(await auditCount()).toBe(events);
  });

  it("may no longer edit, publish or delete them through the page's forms either", async () => {
    const [before, events] = [await snapshot(), await auditCount()];
    requestHeaders.current = new Headers({ cookie });
    try {
      const form = (fields: Record<string, string>) => Object.entries(fields).reduce((data, [k, v]) => (data.set(k, v), data), new FormData());
      const published = await updateNoteAction(notes.private, { ok: true }, form({ body: "demoted private", tags: "", visibility: "public" }));
      expect(published).toMatchObject({ ok: false, message: "Your role does not allow this." });
      expect(await deleteNoteAction(notes.public, recommendationId, { ok: true }, new FormData())).toMatchObject({ ok: false, message: "Your role does not allow this." });
    } finally {
      requestHeaders.current = new Headers();
    }
    expect(await snapshot()).toEqual(before);
    expect(await auditCount()).toBe(events);
  });

  it("still reads the private note, without edit controls", async () => {
    const viewer = await getViewer(new Request(ORIGIN, { headers: { cookie } }));
    const listed = (await listNotes(viewer, recommendationId)).filter((note) => note.id === notes.private || note.id === notes.public);
    expect(listed.map((note) => [note.body, note.canEdit]).sort()).toEqual([
      ["demoted private", false],
      ["demoted public", false],
    ]);
  });
});

describe("privacy of A's private notes", () => {
  const SECRET = `confidential witness list ${crypto.randomUUID()}`;
  beforeAll(async () => {
    await noteOfA("private", SECRET);
  });

  it("appear for A's members only, never for B or anonymous", async () => {
    for (const actor of ["viewerA", "editorA", "ownerA"] as const) expect(await getNotes(actor)).toContain(SECRET);
    for (const actor of ["anonymous", "editorB", "admin"] as const) expect(await getNotes(actor)).not.toContain(SECRET);
  });

  it("never appear in the recommendations API or CSV, even to A's members", async () => {
    const cookie = headers("editorA", null);
    const bodies = await Promise.all([
      listGet(new Request(`${ORIGIN}/api/recommendations?q=confidential`, { headers: cookie })).then((r) => r.text()),
      listGet(new Request(`${ORIGIN}/api/recommendations`, { headers: cookie })).then((r) => r.text()),
      oneGet(new Request(`${ORIGIN}/api/recommendations/${recommendationId}`, { headers: cookie }), params(recommendationId)).then((r) => r.text()),
      csvGet(new Request(`${ORIGIN}/api/recommendations.csv`, { headers: cookie })).then((r) => r.text()),
    ]);
    for (const body of bodies) expect(body).not.toContain(SECRET);
  });
});

describe("audit trail", () => {
  it("records create, update and delete with before/after, in A's log", async () => {
    const id = await noteOfA("private", "first words");
    expect((await patch("editorA", id, { body: "second words", visibility: "public" })).status).toBe(200);
    expect((await del("ownerA", id)).status).toBe(204);
    const events = await getDb().auditEvent.findMany({ where: { subjectType: "note", subjectId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["note.create", "note.update", "note.delete"]);
    expect(events[0]!.changes).toMatchObject({ body: [null, "first words"], visibility: [null, "private"] });
    expect(events[1]!.changes).toEqual({ recommendationId, body: ["first words", "second words"], visibility: ["private", "public"] });
    expect(events[2]!.changes).toMatchObject({ body: ["second words", null] });
    const editorA = await getDb().user.findUniqueOrThrow({ where: { email: "editor-a@example.org" } });
    const ownerA = await getDb().user.findUniqueOrThrow({ where: { email: "owner-a@example.org" } });
    expect(events.map((e) => e.actorUserId)).toEqual([editorA.id, editorA.id, ownerA.id]);
  });

  it("is readable by owners (their organisation only) and admins (all); editors get 403", async () => {
    const viewer = async (actor: Actor) => getViewer(new Request(ORIGIN, { headers: headers(actor, null) }));
    const orgA = await getDb().organization.findUniqueOrThrow({ where: { name: "Notes Org A" } });
    const ownerLog = await listAuditEvents(await viewer("ownerA"));
    expect(ownerLog.length).toBeGreaterThan(0);
    // Besides A's events, an owner reads the account events (organisation null) of A's members: no other organisation's.
    expect(new Set(ownerLog.flatMap((e) => (e.organization ? [e.organization] : [])))).toEqual(new Set(["Notes Org A"]));
    // An admin reads any organisation's log (the newest page of all events may be only sign-ins by now).
    const orgB = await getDb().organization.findUniqueOrThrow({ where: { name: "Notes Org B" } });
    const adminLogOfB = await listAuditEvents(await viewer("admin"), { organizationId: orgB.id });
    expect(adminLogOfB.length).toBeGreaterThan(0);
    expect(new Set(adminLogOfB.map((e) => e.organization))).toEqual(new Set(["Notes Org B"]));
    await expect(listAuditEvents(await viewer("editorA"))).rejects.toThrow(ForbiddenError);
    await expect(listAuditEvents(await viewer("ownerA"), { organizationId: "someone-else" })).rejects.toThrow(ForbiddenError);
    // The members' sign-ins are among those account events; the log of A alone leaves them out.
    expect(ownerLog.some((e) => e.organization === null && e.action === "auth.sign-in")).toBe(true);
    const logOfA = await listAuditEvents(await viewer("ownerA"), { organizationId: orgA.id });
    expect(new Set(logOfA.map((e) => e.organization))).toEqual(new Set(["Notes Org A"]));
    // Both newest first, a page each: A's events on the owner's page begin A's own log.
    const aOnOwnerPage = ownerLog.filter((e) => e.organization === "Notes Org A").map((e) => e.id);
    expect(logOfA.slice(0, aOnOwnerPage.length).map((e) => e.id)).toEqual(aOnOwnerPage);
    const html = await renderInLocale(createElement(AuditTable, { events: ownerLog }));
    expect(html).toContain("editorA");
    expect(html).toContain("note.create");
    expect(html).not.toContain("editor-a@example.org");
    // The admin is in no organisation: they see that a note changed, never what it says.
    const secret = `audit-secret ${crypto.randomUUID()}`;
    const secretNote = await noteOfA("private", secret);
    const adminView = JSON.stringify(await listAuditEvents(await viewer("admin")));
    expect(adminView).toContain(secretNote);
    expect(adminView).not.toContain(secret);
    expect(adminView).not.toContain("priority for mid-term report");
    expect(JSON.stringify(await listAuditEvents(await viewer("ownerA")))).toContain(secret);
  });
});

describe("user text", () => {
  it("returns an XSS payload verbatim from the API and renders it escaped", async () => {
    const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    await noteOfA("public", payload);
    expect(JSON.parse(await getNotes("anonymous")).notes.map((n: { body: string }) => n.body)).toContain(payload);
    const notes = await listNotes(null, recommendationId);
    const html = await renderInLocale(createElement(NoteList, { notes, viewerOrganizationIds: [] }));
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
  });
});
