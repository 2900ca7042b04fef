import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as calendarRoute } from "@/app/api/reviews/[id]/calendar.ics/route";
import { saveReviewCalendarAction } from "@/lib/actions/review-calendar";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { getNextEventOfState, getReviewCalendar } from "@/lib/server/review-calendar/calendar";
import { clearReviewCalendar, setReviewCalendar } from "@/lib/server/review-calendar/dates";
import { parseIcs } from "../helpers/ics";
import { runCli } from "../helpers/run-cli-in-process";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * Setting and clearing a review's calendar dates on real PostgreSQL over the seeded China reviews: the admin form's
 * server action (who may, the audit with before and after, each refused field named and nothing written), the CLI,
 * and the .ics file in Chinese. Every date and source set below is a FIXTURE for these tests, not a fact about the
 * reviews.
 */
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ toString: () => requestHeaders.current.get("cookie") ?? "", get: () => undefined, getAll: () => [], set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const OPERATOR = { kind: "operator" } as const;
const FIXTURE_SOURCE = "Fixture source, for these tests";

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let review2018: number;
let review2024: number;
let env: Record<string, string>;
const cookies: Record<string, string> = {};

const viewerOf = (who: "admin" | "editor") => getViewer(new Request(`${ORIGIN}/`, { headers: { cookie: cookies[who]! } }));
const auditOf = (action: string) => getDb().auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });
const calendarRow = (id: number) =>
  getDb().review.findUniqueOrThrow({
    where: { id },
    select: { workingGroupAdoptedOn: true, responsesOn: true, councilAdoptedOn: true, midTermFrom: true, midTermUntil: true, nextReviewOn: true, calendarSource: true, reviewDate: true },
  });
const calendarGet = (id: number, query = "") =>
  calendarRoute(new Request(`${ORIGIN}/api/reviews/${id}/calendar.ics${query}`), { params: Promise.resolve({ id: String(id) }) });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** The action as the page's form calls it, with the actor's session cookie (none: anonymous). */
async function submit(who: "admin" | "editor" | "anonymous", reviewId: number, fields: Record<string, string>) {
  requestHeaders.current = new Headers(who === "anonymous" ? { origin: ORIGIN } : { origin: ORIGIN, cookie: cookies[who]! });
  try {
    return await saveReviewCalendarAction(reviewId, { ok: true }, form(fields));
  } finally {
    requestHeaders.current = new Headers();
  }
}

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  review2018 = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  review2024 = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 4 } })).id;
  await createOrganization(OPERATOR, "Calendar Dates Watch");
  await addUser(OPERATOR, { email: "admin@dates.example.org", password: PASSWORD, name: "Dates Admin", admin: true });
  await addUser(OPERATOR, { email: "editor@dates.example.org", password: PASSWORD, name: "Dates Editor", organization: { name: "Calendar Dates Watch", role: "owner" } });
  cookies.admin = await signIn("admin@dates.example.org", "10.8.1.1");
  cookies.editor = await signIn("editor@dates.example.org", "10.8.1.2");
  env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: "cli-tests-secret-cli-tests-secret-cli-tests" };
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe("the administrators' form", () => {
  it("sets a mid-term window with its source, audited with before and after, and shows it as what comes next", async () => {
    const before = await calendarRow(review2024);
    const answer = await submit("admin", review2024, { intent: "set", midTermFrom: "2026-07-01", midTermUntil: "2027-06-30", calendarSource: FIXTURE_SOURCE });
    expect(answer).toEqual({ ok: true, code: "saved" });
    const after = await calendarRow(review2024);
    expect(after).toMatchObject({ midTermFrom: new Date("2026-07-01T00:00:00Z"), midTermUntil: new Date("2027-06-30T00:00:00Z"), calendarSource: FIXTURE_SOURCE, reviewDate: before.reviewDate });
    const [event, ...more] = await auditOf("review-calendar.set");
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorName: "Dates Admin", subjectType: "review", subjectId: String(review2024) });
    expect(event!.changes).toEqual({ midTermFrom: [null, "2026-07-01"], midTermUntil: [null, "2027-06-30"], calendarSource: [before.calendarSource, FIXTURE_SOURCE] });
    expect((await getReviewCalendar(review2024))?.timeline.map((e) => [e.kind, e.on, e.until])).toEqual([
      ["review", "2024-01-23", null],
      ["midTerm", "2026-07-01", "2027-06-30"],
    ]);
    expect(await getNextEventOfState("CHN", "2026-12-06")).toMatchObject({ event: { kind: "midTerm", state: "ongoing" }, review: { id: review2024 } });
  });

  it("refuses anyone but an administrator, and writes nothing", async () => {
    const row = await calendarRow(review2024);
    const events = await getDb().auditEvent.count();
    const fields = { intent: "set", nextReviewOn: "2028-11-01", calendarSource: FIXTURE_SOURCE };
    expect(await submit("anonymous", review2024, fields)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await submit("editor", review2024, fields)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await submit("editor", review2024, { intent: "clear" })).toMatchObject({ ok: false, code: "forbidden" });
    await expect(setReviewCalendar({ kind: "user", viewer: null }, review2024, fields)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(clearReviewCalendar({ kind: "user", viewer: await viewerOf("editor") }, review2024)).rejects.toBeInstanceOf(ForbiddenError);
    expect([await calendarRow(review2024), await getDb().auditEvent.count()]).toEqual([row, events]);
  });

  it("names each refused field, keeps what was typed, and writes nothing", async () => {
    const row = await calendarRow(review2024);
    const events = await getDb().auditEvent.count();
    const refused = async (fields: Record<string, string>) => {
      const answer = await submit("admin", review2024, { intent: "set", calendarSource: FIXTURE_SOURCE, ...fields });
      expect(answer).toMatchObject({ ok: false, code: "invalid", values: expect.objectContaining(fields) });
      return answer.fields;
    };
    expect(await refused({ midTermFrom: "2027-06-30", midTermUntil: "2026-07-01" })).toEqual(["midTermUntil"]);
    expect(await refused({ midTermFrom: "2026-07-01" })).toEqual(["midTermUntil"]);
    expect(await refused({ midTermUntil: "2027-06-30" })).toEqual(["midTermFrom"]);
    expect(await refused({ responsesOn: "2024-02-30" })).toEqual(["responsesOn"]);
    expect(await refused({ workingGroupAdoptedOn: "2024-07-01", councilAdoptedOn: "2024-01-26" })).toEqual(["councilAdoptedOn"]);
    expect(await refused({ responsesOn: "2024-06-01", calendarSource: "" })).toEqual(["calendarSource"]);
    expect(await submit("admin", 2_000_000_000, { intent: "set" })).toMatchObject({ ok: false, code: "not-found" });
    expect([await calendarRow(review2024), await getDb().auditEvent.count()]).toEqual([row, events]);
  });

  it("clears the dates and their source, audited; the review date stays", async () => {
    await setReviewCalendar(OPERATOR, review2018, { nextReviewOn: "2023-01-23", calendarSource: FIXTURE_SOURCE });
    expect(await submit("admin", review2018, { intent: "clear", nextReviewOn: "2023-01-23" })).toEqual({ ok: true, code: "cleared" });
    expect(await calendarRow(review2018)).toMatchObject({ nextReviewOn: null, calendarSource: null, reviewDate: new Date("2018-11-06T00:00:00Z") });
    const [event] = await auditOf("review-calendar.clear");
    expect(event).toMatchObject({ actorName: "Dates Admin", subjectId: String(review2018) });
    expect(event!.changes).toEqual({ nextReviewOn: ["2023-01-23", null], calendarSource: [FIXTURE_SOURCE, null] });
    await expect(clearReviewCalendar(OPERATOR, 2_000_000_000)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the CLI", () => {
  it("sets the dates it names, keeps the others, clears, and names the flag it refuses with nothing written", async () => {
    const review = String(review2018);
    const set = await runCli(["review-calendar", "set", "--review", review, "--council-adopted", "2019-03-15", "--source", FIXTURE_SOURCE, "--as", "admin@dates.example.org"], env);
    expect(set, set.stderr).toMatchObject({ code: 0 });
    expect(set.stdout).toContain(`Set the calendar of review ${review}:\n`);
    expect(set.stdout).toContain("council-adopted: 2019-03-15\n");
    const more = await runCli(["review-calendar", "set", "--review", review, "--mid-term-from", "2021-01-01", "--mid-term-until", "2021-12-31"], env);
    expect(more, more.stderr).toMatchObject({ code: 0 });
    const shown = await runCli(["review-calendar", "show", "--review", review], env);
    expect(shown.stdout).toBe(
      ["working-group-adopted: -", "responses: -", "council-adopted: 2019-03-15", "mid-term-from: 2021-01-01", "mid-term-until: 2021-12-31", "next-review: -", `source: ${FIXTURE_SOURCE}`, ""].join("\n"),
    );
    const audits = await auditOf("review-calendar.set");
    expect(audits.at(-2)).toMatchObject({ actorName: "Dates Admin", subjectId: review });
    expect(audits.at(-1)).toMatchObject({ actorUserId: null, subjectId: review });

    const row = await calendarRow(review2018);
    const events = await getDb().auditEvent.count();
    const backwards = await runCli(["review-calendar", "set", "--review", review, "--mid-term-until", "2020-12-31"], env);
    expect(backwards).toMatchObject({ code: 1, stderr: "upr: --mid-term-until: the mid-term window ends before it starts\nupr: nothing was changed.\n" });
    const impossible = await runCli(["review-calendar", "set", "--review", review, "--responses", "2019-02-29", "--next-review", "soon"], env);
    expect(impossible.code).toBe(1);
    expect(impossible.stderr).toMatch(/^upr: --responses: a real date as YYYY-MM-DD\nupr: --next-review: a real date as YYYY-MM-DD\n/);
    const oneEnd = await runCli(["review-calendar", "set", "--review", review, "--mid-term-from", ""], env);
    expect(oneEnd.stderr).toMatch(/^upr: --mid-term-from: a mid-term window needs its first day too\n/);
    const noSource = await runCli(["review-calendar", "set", "--review", review, "--source", ""], env);
    expect(noSource.stderr).toMatch(/^upr: --source: say where the dates come from/);
    const notAdmin = await runCli(["review-calendar", "set", "--review", review, "--responses", "2019-02-28", "--as", "editor@dates.example.org"], env);
    expect(notAdmin).toMatchObject({ code: 1, stderr: "upr: editor@dates.example.org is not an instance administrator\n" });
    const unknown = await runCli(["review-calendar", "set", "--review", "2000000000", "--responses", "2019-02-28", "--source", "x"], env);
    expect(unknown).toMatchObject({ code: 1, stderr: "upr: no review with the id 2000000000\n" });
    const nothing = await runCli(["review-calendar", "set", "--review", review], env);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/needs at least one of --working-group-adopted/);
    expect([await calendarRow(review2018), await getDb().auditEvent.count()]).toEqual([row, events]);

    const cleared = await runCli(["review-calendar", "clear", "--review", review, "--as", "admin@dates.example.org"], env);
    expect(cleared).toMatchObject({ code: 0, stdout: `Cleared the calendar dates and their source of review ${review}.\n` });
    expect(await calendarRow(review2018)).toMatchObject({ councilAdoptedOn: null, midTermFrom: null, midTermUntil: null, calendarSource: null });
  }, 60_000);
});

describe("the .ics in the reader's language", () => {
  it("titles the events in Chinese with ?lang=zh, English by default, and refuses another language", async () => {
    const en = parseIcs(await (await calendarGet(review2024)).text());
    expect(en.calendar["X-WR-CALNAME"]).toBe("UPR: China, 2024 (4th cycle)");
    expect(en.events.map((e) => e.SUMMARY)).toEqual(["China, UPR 2024 (4th cycle): review by the UPR Working Group", "China, UPR 2024 (4th cycle): mid-term reports"]);

    const response = await calendarGet(review2024, "?lang=zh");
    expect(response.status).toBe(200);
    const zh = parseIcs(await response.text());
    expect(zh.calendar["X-WR-CALNAME"]).toBe("普遍定期审议：中国，2024年（第四轮）");
    expect(zh.events.map((e) => [e.SUMMARY, e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"]])).toEqual([
      ["中国，普遍定期审议2024年（第四轮）：普遍定期审议工作组审议", "20240123", "20240124"],
      ["中国，普遍定期审议2024年（第四轮）：中期报告", "20260701", "20270701"],
    ]);
    const description = zh.events[0]!.DESCRIPTION!;
    expect(description).toContain("工作组报告：A/HRC/56/6 https://docs.un.org/zh/A/HRC/56/6");
    expect(description).toContain(`日期来源：${FIXTURE_SOURCE}`);
    expect(description).toMatch(/\/zh\/reviews\/\d+$/);
    expect(zh.events[0]!.URL).toMatch(/\/zh\/reviews\/\d+$/);

    expect((await calendarGet(review2024, "?lang=fr")).status).toBe(400);
  });
});
