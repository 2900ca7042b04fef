import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as calendarRoute } from "@/app/api/reviews/[id]/calendar.ics/route";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { getNextEventOfState, getReviewCalendar } from "@/lib/server/review-calendar/calendar";
import { createReviewDocument, deleteReviewDocument, listReviewDocuments } from "@/lib/server/review-calendar/documents";
import { parseIcs } from "../helpers/ics";
import { runCli as runCliProcess } from "../helpers/run-cli";
import { runCli } from "../helpers/run-cli-in-process";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * A review's documents and calendar on real PostgreSQL over the seeded China reviews: what the seed knows (review
 * dates and report symbols, nothing guessed), documents added and removed with their audit and who may, the CLI, and
 * the .ics file read back. The national-report symbol, the NGO report and the dates set on the 2024 review below are
 * FIXTURES for these tests, not facts about those reviews.
 */
const OPERATOR = { kind: "operator" } as const;
const FIXTURE_NATIONAL_REPORT = "A/HRC/WG.6/31/CHN/1";

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let review2018: number;
let review2024: number;
let env: Record<string, string>;
const cookies: Record<string, string> = {};

const viewerOf = (who: "admin" | "editor") => getViewer(new Request(`${ORIGIN}/`, { headers: { cookie: cookies[who]! } }));
const calendarGet = (id: string, headers: Record<string, string> = {}) =>
  calendarRoute(new Request(`${ORIGIN}/api/reviews/${id}/calendar.ics`, { headers }), { params: Promise.resolve({ id }) });
const auditCount = (action: string) => getDb().auditEvent.count({ where: { action } });

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  review2018 = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  review2024 = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 4 } })).id;
  await createOrganization(OPERATOR, "Calendar Watch");
  await addUser(OPERATOR, { email: "admin@calendar.example.org", password: PASSWORD, name: "Calendar Admin", admin: true });
  await addUser(OPERATOR, { email: "editor@calendar.example.org", password: PASSWORD, name: "Calendar Editor", organization: { name: "Calendar Watch", role: "owner" } });
  cookies.admin = await signIn("admin@calendar.example.org", "10.8.0.1");
  cookies.editor = await signIn("editor@calendar.example.org", "10.8.0.2");
  env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: "cli-tests-secret-cli-tests-secret-cli-tests" };
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe("what the seed knows", () => {
  it("loads China's review dates and symbols with their source, and no date that no file gives", async () => {
    const reviews = await getDb().review.findMany({ where: { stateUnderReviewIso3: "CHN" }, orderBy: { cycle: "asc" } });
    expect(reviews.map((r) => [r.cycle, r.reviewDate?.toISOString().slice(0, 10), r.reportSymbol, r.addendumSymbol])).toEqual([
      [1, "2009-02-09", "A/HRC/11/25", null],
      [2, "2013-10-22", "A/HRC/25/5", "A/HRC/25/5/Add.1"],
      [3, "2018-11-06", "A/HRC/40/6", "A/HRC/40/6/Add.1"],
      [4, "2024-01-23", "A/HRC/56/6", "A/HRC/56/6/Add.1"],
    ]);
    for (const review of reviews) {
      expect(review.calendarSource).toMatch(/^Review date/);
      expect([review.workingGroupAdoptedOn, review.responsesOn, review.councilAdoptedOn, review.midTermFrom, review.midTermUntil, review.nextReviewOn]).toEqual([null, null, null, null, null, null]);
    }
    expect(await getDb().reviewDocument.count()).toBe(0);
  });

  it("lists the Working Group report and the addendum from the review's own symbols", async () => {
    expect(await listReviewDocuments(review2018)).toEqual([
      { id: null, role: "WORKING_GROUP_REPORT", symbol: "A/HRC/40/6", title: null, date: null, url: null, author: null },
      { id: null, role: "ADDENDUM", symbol: "A/HRC/40/6/Add.1", title: null, date: null, url: null, author: null },
    ]);
    expect(await listReviewDocuments(2_000_000_000)).toBeNull();
    const calendar = await getReviewCalendar(review2018);
    expect(calendar?.timeline).toEqual([{ kind: "review", on: "2018-11-06", until: null }]);
  });
});

describe("adding and removing documents", () => {
  it("lets an administrator add and remove one, each audited, in role order", async () => {
    const admin = { kind: "user" as const, viewer: await viewerOf("admin") };
    const before = await auditCount("review-document.add");
    const added = await createReviewDocument(admin, review2018, { role: "national-report", symbol: ` ${FIXTURE_NATIONAL_REPORT} `, date: "2018-08-20" });
    expect(added).toMatchObject({ role: "NATIONAL_REPORT", symbol: FIXTURE_NATIONAL_REPORT, date: "2018-08-20" });
    const ngo = await createReviewDocument(admin, review2018, { role: "MID_TERM_REPORT", url: "https://example.org/fixture-mid-term.pdf", author: "Fixture NGO" });
    expect((await listReviewDocuments(review2018))?.map((d) => d.role)).toEqual(["NATIONAL_REPORT", "WORKING_GROUP_REPORT", "ADDENDUM", "MID_TERM_REPORT"]);
    expect(await auditCount("review-document.add")).toBe(before + 2);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "review-document.add" }, orderBy: { id: "asc" } });
    expect(event).toMatchObject({ actorName: "Calendar Admin", subjectType: "review", subjectId: String(review2018) });
    expect(event.changes).toMatchObject({ document: { role: "NATIONAL_REPORT", symbol: FIXTURE_NATIONAL_REPORT } });

    await deleteReviewDocument(admin, ngo.id!);
    expect(await auditCount("review-document.remove")).toBe(1);
    expect((await listReviewDocuments(review2018))?.some((d) => d.role === "MID_TERM_REPORT")).toBe(false);
  });

  it("refuses anyone but an administrator, and writes nothing", async () => {
    const rows = await getDb().reviewDocument.count();
    const events = await getDb().auditEvent.count();
    const input = { role: "UN_COMPILATION", symbol: "A/HRC/WG.6/31/CHN/2" };
    await expect(createReviewDocument({ kind: "user", viewer: null }, review2018, input)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createReviewDocument({ kind: "user", viewer: await viewerOf("editor") }, review2018, input)).rejects.toBeInstanceOf(ForbiddenError);
    const document = await getDb().reviewDocument.findFirstOrThrow();
    await expect(deleteReviewDocument({ kind: "user", viewer: await viewerOf("editor") }, document.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect([await getDb().reviewDocument.count(), await getDb().auditEvent.count()]).toEqual([rows, events]);
  });

  it("names the field of bad input, refuses a duplicate and an unknown review, and writes nothing", async () => {
    const rows = await getDb().reviewDocument.count();
    const fields = async (input: unknown) => {
      const error = await createReviewDocument(OPERATOR, review2018, input).catch((e: unknown) => e);
      return (error as { issues?: { path: PropertyKey[] }[] }).issues?.map((issue) => issue.path.join("."));
    };
    expect(await fields({ role: "ADDENDUM", symbol: "A/HRC/40/6/Add.1" })).toEqual(["role"]);
    expect(await fields({ role: "UN_COMPILATION", symbol: "see the website" })).toEqual(["symbol"]);
    expect(await fields({ role: "UN_COMPILATION", symbol: "A/HRC/WG.6/31/CHN/2", date: "20 Aug 2018" })).toEqual(["date"]);
    expect(await fields({ role: "MID_TERM_REPORT", author: "Fixture NGO" })).toEqual(["url"]);
    await expect(createReviewDocument(OPERATOR, review2018, { role: "NATIONAL_REPORT", symbol: FIXTURE_NATIONAL_REPORT })).rejects.toBeInstanceOf(ConflictError);
    await expect(createReviewDocument(OPERATOR, 2_000_000_000, { role: "NATIONAL_REPORT", symbol: FIXTURE_NATIONAL_REPORT })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteReviewDocument(OPERATOR, 2_000_000_000)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().reviewDocument.count()).toBe(rows);
  });
});

describe("the CLI", () => {
  it("adds, lists and removes a document, naming what it refuses", async () => {
    const review = String(review2024);
    const added = await runCli(["review-document", "add", "--review", review, "--role", "stakeholder-summary", "--symbol", "A/HRC/WG.6/45/CHN/3", "--as", "admin@calendar.example.org"], env);
    expect(added, added.stderr).toMatchObject({ code: 0 });
    expect(added.stdout).toMatch(/Added to review \d+: #\d+ stakeholder-summary: A\/HRC\/WG\.6\/45\/CHN\/3/);
    const listed = await runCli(["review-document", "list", "--review", review], env);
    expect(listed.stdout.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^#\d+ stakeholder-summary: A\/HRC\/WG\.6\/45\/CHN\/3$/),
      "(the review's own) working-group-report: A/HRC/56/6",
      "(the review's own) addendum: A/HRC/56/6/Add.1",
    ]);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "review-document.add", subjectId: review } });
    expect(audit.actorName).toBe("Calendar Admin");

    const badRole = await runCli(["review-document", "add", "--review", review, "--role", "speech", "--symbol", "A/HRC/1/1"], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/--role: must be one of national-report/);
    const own = await runCli(["review-document", "add", "--review", review, "--role", "addendum", "--symbol", "A/HRC/56/6/Add.1"], env);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/--role: the Working Group report and its addendum are the review's own/);
    const notAdmin = await runCli(["review-document", "add", "--review", review, "--role", "un-compilation", "--symbol", "A/HRC/WG.6/45/CHN/2", "--as", "editor@calendar.example.org"], env);
    expect(notAdmin).toMatchObject({ code: 1, stderr: "upr: editor@calendar.example.org is not an instance administrator\n" });
    const unknown = await runCli(["review-document", "add", "--review", "2000000000", "--role", "un-compilation", "--symbol", "A/HRC/WG.6/45/CHN/2"], env);
    expect(unknown).toMatchObject({ code: 1, stderr: "upr: no review with the id 2000000000\n" });
    const usage = await runCli(["review-document", "add", "--role", "un-compilation"], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/needs --review <id>/);

    const id = Number(/#(\d+)/.exec(added.stdout)![1]);
    const removed = await runCli(["review-document", "remove", String(id)], env);
    expect(removed).toMatchObject({ code: 0, stdout: `Removed document #${id} from review ${review2024}.\n` });
    expect(await getDb().reviewDocument.count({ where: { reviewId: review2024 } })).toBe(0);
  }, 60_000);

  it("runs as the operator runs it, in a process of its own", async () => {
    const listed = await runCliProcess(["review-document", "list", "--review", String(review2018)], env);
    expect(listed, listed.stderr).toMatchObject({ code: 0 });
    expect(listed.stdout).toContain("(the review's own) working-group-report: A/HRC/40/6\n");
  }, 120_000);
});

describe("GET /api/reviews/{id}/calendar.ics", () => {
  it("answers 400 for a bad id and 404 for an unknown review", async () => {
    for (const id of ["abc", "0", "1e3", "99999999999"]) expect((await calendarGet(id)).status, id).toBe(400);
    expect((await calendarGet("2000000000")).status).toBe(404);
  });

  it("gives the 2018 review's one known date as an all-day event, with the symbols in its description", async () => {
    const response = await calendarGet(String(review2018));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="upr-chn-cycle-3.ics"; filename*=UTF-8''${encodeURIComponent("China, UPR cycle 3 (2018) – calendar.ics").replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    const text = await response.text();
    const { lines, calendar, events } = parseIcs(text);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(calendar["X-WR-CALNAME"]).toBe("UPR: China, 2018 (3rd cycle)");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ "DTSTART;VALUE=DATE": "20181106", "DTEND;VALUE=DATE": "20181107", SUMMARY: "China, UPR 2018 (3rd cycle): review by the UPR Working Group" });
    expect(events[0]!.UID).toMatch(/^review-\d+-review@/);
    const description = events[0]!.DESCRIPTION!;
    for (const symbol of [FIXTURE_NATIONAL_REPORT, "A/HRC/40/6", "A/HRC/40/6/Add.1"]) expect(description).toContain(symbol);
    expect(description).toContain("https://docs.un.org/en/A/HRC/40/6/Add.1");

    // The same review gives the same file: a subscriber's next poll is a 304.
    const etag = response.headers.get("etag")!;
    expect(await (await calendarGet(String(review2018))).text()).toBe(text);
    expect((await calendarGet(String(review2018), { "if-none-match": etag })).status).toBe(304);
  });

  it("has one event per known date, the mid-term window spanning its days, and what comes next", async () => {
    // FIXTURE dates on the 2024 review, for this test only.
    await getDb().review.update({
      where: { id: review2024 },
      data: {
        workingGroupAdoptedOn: new Date("2024-01-26T00:00:00Z"),
        midTermFrom: new Date("2026-07-01T00:00:00Z"),
        midTermUntil: new Date("2027-06-30T00:00:00Z"),
        nextReviewOn: new Date("2029-01-15T00:00:00Z"),
      },
    });
    const { events } = parseIcs(await (await calendarGet(String(review2024))).text());
    expect(events.map((e) => [e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"]])).toEqual([
      ["20240123", "20240124"],
      ["20240126", "20240127"],
      ["20260701", "20270701"],
      ["20290115", "20290116"],
    ]);
    expect(await getNextEventOfState("CHN", "2026-12-06")).toMatchObject({ event: { kind: "midTerm", state: "ongoing" }, review: { id: review2024, cycle: 4, year: 2024 } });
    expect(await getNextEventOfState("CHN", "2027-07-01")).toMatchObject({ event: { kind: "nextReview", on: "2029-01-15" } });
    expect(await getNextEventOfState("CHN", "2030-01-01")).toBeNull();
  });
});
