import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as recommendationsCsv } from "@/app/api/recommendations.csv/route";
import { GET as recommendationsJson } from "@/app/api/recommendations/route";
import { GET as midTermRoute } from "@/app/api/reports/mid-term/route";
import { GET as statsRoute } from "@/app/api/stats/route";
import { GET as statusSheetRoute } from "@/app/api/status-sheet/route";
import { AuditTable } from "@/components/audit/audit-table";
import type { AssessmentInput } from "@/lib/schemas/assessment";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { createAssessment } from "@/lib/server/assessments";
import { recordAuditEvent } from "@/lib/server/audit";
import { countAuditEvents, listAuditEvents } from "@/lib/server/audit/log";
import { getDb } from "@/lib/server/db";
import { getMidTermReport } from "@/lib/server/mid-term-report";
import { getViewerByEmail, type Viewer } from "@/lib/server/permissions";
import { exportStatusSheet } from "@/lib/server/status-sheet";
import { renderInLocale } from "../helpers/render";
import { ORIGIN, PASSWORD, readSheet, signIn } from "../helpers/status-sheet";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * Hole 4's second half and "audit what leaves": every download of an organisation's private data writes exactly one
 * event per organisation (who, the name they had, what, how many rows); public and refused downloads write none; the
 * log shows an owner their members' account events and nobody else's, under the name each event was written with.
 */
const OPERATOR = { kind: "operator" } as const;
const PEOPLE = ["ownerA", "editorA", "viewerA", "editorB", "both", "loner", "leaver", "admin"] as const;
type Person = (typeof PEOPLE)[number];

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let review: number;
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
const ids = {} as Record<Person, string>;
const viewers = {} as Record<Person, Viewer>;
const cookies = {} as Record<Person, string>;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  review = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  orgA = await createOrganization(OPERATOR, "Audit Watch A");
  orgB = await createOrganization(OPERATOR, "Audit Watch B");
  const memberships: [Person, string | null, "owner" | "editor" | "viewer"][] = [
    ["ownerA", "Audit Watch A", "owner"],
    ["editorA", "Audit Watch A", "editor"],
    ["viewerA", "Audit Watch A", "viewer"],
    ["editorB", "Audit Watch B", "editor"],
    ["both", "Audit Watch A", "viewer"],
    ["both", "Audit Watch B", "editor"],
    ["leaver", "Audit Watch A", "editor"],
    ["loner", null, "viewer"],
    ["admin", null, "viewer"],
  ];
  for (const [person, organization, role] of memberships) {
    await addUser(OPERATOR, { email: `${person}@example.org`, password: PASSWORD, name: `${person} name`, organization: organization ? { name: organization, role } : undefined, admin: person === "admin" });
  }
  for (const [index, person] of PEOPLE.entries()) {
    viewers[person] = (await getViewerByEmail(`${person}@example.org`))!;
    ids[person] = viewers[person].user.id;
    cookies[person] = await signIn(`${person}@example.org`, `10.14.0.${index + 1}`);
  }
  // A private assessment by A and one by B, so `statusOf=mine` reads something private.
  const [first, second] = await getDb().recommendation.findMany({ where: { reviewId: review, position: "SUPPORTED" }, orderBy: { ordinal: "asc" }, take: 2, select: { id: true } });
  const assessment: AssessmentInput = { assessedOn: "2026-10-01", confidence: "medium", visibility: "private", evidence: [], rationale: "private", status: "not_implemented" };
  await createAssessment(viewers.editorA, first!.id, assessment);
  await createAssessment(viewers.editorB, second!.id, { ...assessment, status: "fully_implemented" });
});

afterAll(async () => {
  await database.drop();
});

let before = 0;
beforeEach(async () => {
  before = (await getDb().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
});

/** The download events written since the test began. */
async function newDownloads() {
  return getDb().auditEvent.findMany({ where: { id: { gt: before }, action: { startsWith: "download." } }, orderBy: { id: "asc" } });
}

function get(path: string, person?: Person): Request {
  return new Request(`${ORIGIN}${path}`, { headers: person ? { cookie: cookies[person] } : {} });
}

function expectOneEvent(events: Awaited<ReturnType<typeof newDownloads>>, expected: { action: string; organizationId: string; person: Person; rows: number; format: string }) {
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event).toMatchObject({ action: expected.action, organizationId: expected.organizationId, actorUserId: ids[expected.person], actorName: `${expected.person} name` });
  expect(event!.changes).toMatchObject({ rows: expected.rows, format: expected.format });
}

describe("status sheet downloads", () => {
  it("records one event with the organisation, the member, their name and the rows of the file", async () => {
    const response = await statusSheetRoute(get(`/api/status-sheet?review=${review}&organization=${orgA.slug}`, "viewerA"));
    expect(response.status).toBe(200);
    const sheet = readSheet(await response.arrayBuffer());
    expect(sheet.rows.length).toBeGreaterThan(300);
    const events = await newDownloads();
    expectOneEvent(events, { action: "download.status-sheet", organizationId: orgA.id, person: "viewerA", rows: sheet.rows.length, format: "csv" });
    expect(events[0]).toMatchObject({ subjectType: "review", subjectId: String(review) });
  });

  it("records the operator's export from the command line, without an actor", async () => {
    const sheet = await exportStatusSheet(OPERATOR, { reviewId: review, organization: "Audit Watch B" });
    const [event, ...more] = await newDownloads();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ action: "download.status-sheet", organizationId: orgB.id, actorUserId: null, actorName: null, changes: { rows: sheet.rows } });
  });

  it("records nothing for a refused download", async () => {
    expect((await statusSheetRoute(get(`/api/status-sheet?review=${review}&organization=${orgA.slug}`))).status).toBe(401);
    expect((await statusSheetRoute(get(`/api/status-sheet?review=${review}&organization=${orgA.slug}`, "editorB"))).status).toBe(403);
    expect((await statusSheetRoute(get(`/api/status-sheet?review=${review}`, "loner"))).status).toBe(403);
    expect((await statusSheetRoute(get(`/api/status-sheet?review=99999999&organization=${orgA.slug}`, "editorA"))).status).toBe(404);
    expect((await statusSheetRoute(get(`/api/status-sheet?review=abc`, "editorA"))).status).toBe(400);
    expect(await newDownloads()).toEqual([]);
  });
});

describe("mid-term report downloads", () => {
  it("records one event per download in every format, with the report's rows", async () => {
    const report = await getMidTermReport(viewers.editorA, { review, theme: [], noted: true });
    for (const format of ["html", "docx", "csv"] as const) {
      before = (await getDb().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
      const response = await midTermRoute(get(`/api/reports/mid-term?review=${review}&format=${format}&noted=1&lang=zh`, "editorA"));
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      const events = await newDownloads();
      expectOneEvent(events, { action: "download.mid-term-report", organizationId: orgA.id, person: "editorA", rows: report.totals.total, format });
      expect(events[0]!.changes).toMatchObject({ noted: true, assessments: "all", privateAssessments: report.privateAssessments, lang: "zh", themes: [] });
    }
  });

  it("records the choices made: themes, noted left out, public assessments only", async () => {
    const theme = "uhri:d23";
    const report = await getMidTermReport(viewers.editorA, { review, theme: [theme], noted: false, assessments: "public" });
    before = (await getDb().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const response = await midTermRoute(get(`/api/reports/mid-term?review=${review}&format=csv&theme=${theme}&noted=0&assessments=public`, "editorA"));
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const events = await newDownloads();
    expectOneEvent(events, { action: "download.mid-term-report", organizationId: orgA.id, person: "editorA", rows: report.totals.total, format: "csv" });
    expect(events[0]!.changes).toMatchObject({ themes: [theme], noted: false, assessments: "public", privateAssessments: 0, lang: "en" });
  });

  it("records nothing when the report is refused or the request is wrong, nor when it is only shown on the page", async () => {
    expect((await midTermRoute(get(`/api/reports/mid-term?review=${review}`))).status).toBe(401);
    expect((await midTermRoute(get(`/api/reports/mid-term?review=${review}`, "loner"))).status).toBe(403);
    expect((await midTermRoute(get(`/api/reports/mid-term?review=${review}&organization=${orgB.slug}`, "editorA"))).status).toBe(403);
    expect((await midTermRoute(get(`/api/reports/mid-term?review=${review}&theme=no-such-theme`, "editorA"))).status).toBe(400);
    expect((await midTermRoute(get(`/api/reports/mid-term?review=${review}&format=pdf`, "editorA"))).status).toBe(400);
    await getMidTermReport(viewers.editorA, { review, theme: [], noted: false });
    expect(await newDownloads()).toEqual([]);
  });
});

describe("statusOf=mine downloads", () => {
  it("records the JSON API's page with the organisation's statuses, with its rows and filters", async () => {
    const response = await recommendationsJson(get("/api/recommendations?statusOf=mine&sur=CHN&cycle=3&pageSize=40", "editorA"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: unknown[]; total: number };
    const events = await newDownloads();
    expectOneEvent(events, { action: "download.recommendations", organizationId: orgA.id, person: "editorA", rows: body.items.length, format: "json" });
    expect(events[0]!.changes).toMatchObject({ total: body.total, page: 1 });
    expect((events[0]!.changes as { filter: string }).filter).toContain("statusOf=mine");
  });

  it("records one event for each organisation whose statuses the answer read", async () => {
    expect((await recommendationsJson(get("/api/recommendations?statusOf=mine&sur=CHN&cycle=3", "both"))).status).toBe(200);
    const events = await newDownloads();
    expect(events.map((e) => e.organizationId).sort()).toEqual([orgA.id, orgB.id].sort());
    expect(new Set(events.map((e) => e.actorName))).toEqual(new Set(["both name"]));
  });

  it("records the CSV with the rows of the whole file", async () => {
    const response = await recommendationsCsv(get("/api/recommendations.csv?statusOf=mine&sur=CHN&cycle=3", "editorA"));
    expect(response.status).toBe(200);
    const text = await response.text();
    const rows = text.trim().split("\r\n").length - 1;
    expect(rows).toBe(346);
    expectOneEvent(await newDownloads(), { action: "download.recommendations", organizationId: orgA.id, person: "editorA", rows, format: "csv" });
  });

  it("records the stats as JSON and as CSV, with the rows of the table", async () => {
    const json = await statsRoute(get("/api/stats?by=status&statusOf=mine&sur=CHN&cycle=3", "editorB"));
    const groups = ((await json.json()) as { groups: unknown[] }).groups;
    expectOneEvent(await newDownloads(), { action: "download.stats", organizationId: orgB.id, person: "editorB", rows: groups.length, format: "json" });
    before = (await getDb().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const csv = await statsRoute(get("/api/stats?by=status&statusOf=mine&sur=CHN&cycle=3&format=csv", "editorB"));
    expect(csv.status).toBe(200);
    await csv.text();
    const events = await newDownloads();
    expectOneEvent(events, { action: "download.stats", organizationId: orgB.id, person: "editorB", rows: groups.length, format: "csv" });
    expect(events[0]).toMatchObject({ subjectType: "stats", subjectId: "status" });
  });

  it("records nothing for public downloads, signed in or not, nor for refused ones", async () => {
    for (const person of [undefined, "editorA"] as const) {
      expect((await recommendationsJson(get("/api/recommendations?sur=CHN&cycle=3", person))).status).toBe(200);
      expect((await recommendationsJson(get("/api/recommendations?sur=CHN&statusOf=public", person))).status).toBe(200);
      await (await recommendationsCsv(get("/api/recommendations.csv?sur=CHN&cycle=3", person))).text();
      expect((await statsRoute(get("/api/stats?by=status&sur=CHN", person))).status).toBe(200);
      await (await statsRoute(get("/api/stats?by=status&sur=CHN&format=csv", person))).text();
    }
    expect((await recommendationsJson(get("/api/recommendations?statusOf=mine"))).status).toBe(401);
    expect((await recommendationsCsv(get("/api/recommendations.csv?statusOf=mine", "loner"))).status).toBe(403);
    expect((await statsRoute(get("/api/stats?by=status&statusOf=mine", "admin"))).status).toBe(403);
    expect((await statsRoute(get("/api/stats?by=nothing&statusOf=mine", "editorA"))).status).toBe(400);
    expect(await newDownloads()).toEqual([]);
  });
});

describe("the audit log", () => {
  it("shows the name the actor had when they acted, not the one they have now (hole 4)", async () => {
    await getDb().$transaction((tx) => recordAuditEvent(tx, { actorUserId: ids.editorA, organizationId: orgA.id, action: "note.create", subjectType: "note", subjectId: "n-rename", changes: {} }));
    await getDb().user.update({ where: { id: ids.editorA }, data: { name: "ownerA name" } });
    try {
      const log = await listAuditEvents(viewers.ownerA);
      expect(log.find((e) => e.subject === "note n-rename")?.actor).toEqual({ kind: "user", name: "editorA name" });
      // Events written after the rename carry the new name.
      await getDb().$transaction((tx) => recordAuditEvent(tx, { actorUserId: ids.editorA, organizationId: orgA.id, action: "note.update", subjectType: "note", subjectId: "n-rename", changes: {} }));
      const after = await listAuditEvents(viewers.ownerA);
      expect(after.filter((e) => e.subject === "note n-rename").map((e) => [e.action, e.actor])).toEqual([
        ["note.update", { kind: "user", name: "ownerA name" }],
        ["note.create", { kind: "user", name: "editorA name" }],
      ]);
    } finally {
      await getDb().user.update({ where: { id: ids.editorA }, data: { name: "editorA name" } });
    }
  });

  it("backfills the names of events written before they were stored (the migration)", async () => {
    const event = await getDb().auditEvent.create({ data: { actorUserId: ids.viewerA, organizationId: orgA.id, action: "note.create", subjectType: "note", changes: {} } });
    const migrations = path.join(process.cwd(), "prisma", "migrations");
    const backfill = fs.readdirSync(migrations).find((name) => name.endsWith("_audit_actor_names"));
    await getDb().$executeRawUnsafe(fs.readFileSync(path.join(migrations, backfill!, "migration.sql"), "utf8"));
    expect((await getDb().auditEvent.findUniqueOrThrow({ where: { id: event.id } })).actorName).toBe("viewerA name");
  });

  it("shows an owner the account events of their current members, and nobody else's", async () => {
    const account = (person: Person, action: "auth.sign-in" | "auth.two-factor.disable" | "user.rename", subjectId = ids[person]) =>
      getDb().$transaction((tx) => recordAuditEvent(tx, { actorUserId: ids[person], action, subjectType: "user", subjectId, changes: { marker: `${person} ${action}` } }));
    await account("editorA", "auth.sign-in");
    await account("both", "auth.two-factor.disable");
    await account("editorB", "auth.sign-in");
    await account("loner", "user.rename");
    await account("leaver", "auth.sign-in");
    // An administrator disables a member: the member is the subject, the admin the actor.
    await getDb().$transaction((tx) => recordAuditEvent(tx, { actorUserId: ids.admin, action: "user.disable", subjectType: "user", subjectId: ids.viewerA, changes: { marker: "admin disables viewerA" } }));
    await getDb().member.deleteMany({ where: { userId: ids.leaver } });

    const markers = (log: Awaited<ReturnType<typeof listAuditEvents>>) => log.flatMap((e) => ((e.changes as { marker?: string }).marker ? [(e.changes as { marker: string }).marker] : []));
    const ownerLog = await listAuditEvents(viewers.ownerA);
    expect(markers(ownerLog).sort()).toEqual(["admin disables viewerA", "both auth.two-factor.disable", "editorA auth.sign-in"]);
    // Their organisation's events, and no other organisation's.
    expect(ownerLog.some((e) => e.action === "download.status-sheet")).toBe(true);
    expect(new Set(ownerLog.flatMap((e) => (e.organization ? [e.organization] : [])))).toEqual(new Set(["Audit Watch A"]));
    // Account creation (which holds the email address) is not an event an owner reads: no address of anyone.
    expect(JSON.stringify(ownerLog)).not.toMatch(/@example\.org/);

    const adminLog = await listAuditEvents(viewers.admin);
    expect(markers(adminLog)).toEqual(expect.arrayContaining(["editorB auth.sign-in", "loner user.rename", "leaver auth.sign-in"]));
  });

  it("filters by kind and counts what it filters", async () => {
    const signIns = await listAuditEvents(viewers.ownerA, { kind: "sign-ins" });
    expect(signIns.length).toBeGreaterThan(0);
    expect(new Set(signIns.map((e) => e.action))).toEqual(new Set(["auth.sign-in"]));
    expect(await countAuditEvents(viewers.ownerA, { kind: "sign-ins" })).toBe(signIns.length);
    const downloads = await listAuditEvents(viewers.ownerA, { kind: "downloads" });
    expect(downloads.every((e) => e.action.startsWith("download.") && e.organization === "Audit Watch A")).toBe(true);
    expect(await countAuditEvents(viewers.ownerA, { kind: "downloads" })).toBe(downloads.length);
    expect(await listAuditEvents(viewers.ownerA, { kind: "downloads", page: 1000 })).toEqual([]);
  });

  it("refuses editors and strangers", async () => {
    await expect(listAuditEvents(viewers.editorA)).rejects.toThrow(/forbidden/i);
    await expect(listAuditEvents(null)).rejects.toThrow();
    await expect(listAuditEvents(viewers.ownerA, { organizationId: orgB.id })).rejects.toThrow(/forbidden/i);
  });

  it("says what a download took, in words, in English and Chinese", async () => {
    const downloads = (await listAuditEvents(viewers.ownerA, { kind: "downloads" })).filter((e) => e.action === "download.status-sheet");
    const rows = (downloads[0]!.changes as { rows: number }).rows;
    const en = await renderInLocale(createElement(AuditTable, { events: downloads }));
    expect(en).toContain("Status sheet downloaded");
    expect(en).toContain(`${rows} rows, CSV`);
    expect(en).toContain("viewerA name");
    const zh = await renderInLocale(createElement(AuditTable, { events: downloads }), "zh");
    expect(zh).toContain("下载状态表");
    expect(zh).toContain(`${rows} 行，CSV`);
  });
});
