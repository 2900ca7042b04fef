import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createAssessmentRoute } from "@/app/api/recommendations/[id]/assessments/route";
import { GET as exportRoute, POST as importRoute } from "@/app/api/status-sheet/route";
import type { StatusSheetApplied, StatusSheetPreview } from "@/lib/schemas/status-sheet";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { getViewer } from "@/lib/server/permissions";
import { applyStatusSheetForViewer, previewStatusSheetForViewer } from "@/lib/server/status-sheet/forms";
import { STATUS_SHEET_COLUMNS, type StatusSheetRecord } from "@/lib/status-sheet/csv";
import { ORIGIN, PASSWORD, readSheet, signIn, writeSheet, type Sheet } from "../helpers/status-sheet";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The status sheet over HTTP with real sessions on real PostgreSQL: export, edit, preview, apply, and everything that
 * must write nothing (row errors, conflicts, a wrong role, another site's Origin), plus privacy and formula cells.
 */
const OPERATOR = { kind: "operator" } as const;
const B_SECRET = "B-private: our source in the provincial bureau";

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let review2018: number;
let review2013: number;
let orgA: { id: string; slug: string };
const cookies: Record<string, string> = {};

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  review2018 = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  review2013 = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 2 } })).id;
  orgA = await createOrganization(OPERATOR, "Watch A");
  await createOrganization(OPERATOR, "Watch B");
  const users = [
    ["ownerA", "Watch A", "owner"],
    ["editorA", "Watch A", "editor"],
    ["viewerA", "Watch A", "viewer"],
    ["editorB", "Watch B", "editor"],
    ["both", "Watch A", "editor"],
    ["both", "Watch B", "viewer"],
  ] as const;
  for (const [name, organization, role] of users) {
    await addUser(OPERATOR, { email: `${name}@example.org`, password: PASSWORD, name: `${name} name`, organization: { name: organization, role } });
  }
  for (const [index, name] of ["ownerA", "editorA", "viewerA", "editorB", "both"].entries()) cookies[name] = await signIn(`${name}@example.org`, `10.3.0.${index + 1}`);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

function headers(who: string | null, extra: Record<string, string> = {}): Record<string, string> {
  return { origin: ORIGIN, ...(who ? { cookie: cookies[who]! } : {}), ...extra };
}

function download(who: string | null, query: string): Promise<Response> {
  return exportRoute(new Request(`${ORIGIN}/api/status-sheet?${query}`, { headers: headers(who) }));
}

async function exportSheet(who: string, query = `review=${review2018}`): Promise<Sheet> {
  const response = await download(who, query);
  expect(response.status).toBe(200);
  return readSheet(await response.arrayBuffer());
}

function upload(who: string | null, body: BodyInit, options: { mode?: string; query?: string; origin?: string; type?: string } = {}): Promise<Response> {
  const query = `${options.query ?? `review=${review2018}`}&mode=${options.mode ?? "preview"}`;
  const extra: Record<string, string> = options.type === "multipart" ? {} : { "content-type": options.type ?? "text/csv" };
  if (options.origin) extra.origin = options.origin;
  return importRoute(new Request(`${ORIGIN}/api/status-sheet?${query}`, { method: "POST", headers: headers(who, extra), body }));
}

async function preview(who: string, csv: string, mode = "preview"): Promise<{ status: number; body: StatusSheetApplied & { error?: string } }> {
  const response = await upload(who, csv, { mode });
  return { status: response.status, body: (await response.json()) as StatusSheetApplied & { error?: string } };
}

function edit(rows: StatusSheetRecord[], changes: Record<number, Partial<StatusSheetRecord>>): StatusSheetRecord[] {
  return rows.map((row, index) => ({ ...row, ...changes[index] }));
}

function countAssessments(organizationId = orgA.id): Promise<number> {
  return getDb().assessment.count({ where: { organizationId } });
}

function postAssessment(who: string, recommendationId: number, payload: Record<string, unknown>): Promise<Response> {
  const body = { assessedOn: "2026-10-01", rationale: "", confidence: "medium", evidence: [], ...payload };
  const url = `${ORIGIN}/api/recommendations/${recommendationId}/assessments`;
  return createAssessmentRoute(new Request(url, { method: "POST", headers: headers(who, { "content-type": "application/json" }), body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: String(recommendationId) }),
  });
}

describe("export → edit three statuses → preview → apply", () => {
  it("round-trips the 2018 sheet, records exactly three new versions with audit events, and a second import changes nothing", async () => {
    // Export: 346 rows in document order, stable columns, BOM, the org slug, review and date in the file name.
    const response = await download("editorA", `review=${review2018}`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="upr-status-watch-a-chn-cycle-3-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^Status sheet – China, 2018 \(3rd cycle\) – .+ – \d{4}-\d{2}-\d{2}\.csv$/);
    const sheet = readSheet(await response.arrayBuffer());
    expect(sheet.bom).toBe(true);
    expect(sheet.header).toEqual([...STATUS_SHEET_COLUMNS]);
    expect(sheet.rows).toHaveLength(346);
    expect(sheet.rows.slice(0, 3).map((r) => r.paragraph)).toEqual(["28.1", "28.2", "28.3"]);
    expect(sheet.rows[9]!.paragraph).toBe("28.10");
    expect(sheet.rows.every((r) => r.status === "not_assessed" && r.version === "0" && r.rationale === "")).toBe(true);

    // Edit three statuses (one of them with a rationale), as a spreadsheet saves it.
    const edited = writeSheet(
      edit(sheet.rows, { 0: { status: "partially_implemented", rationale: "Law adopted in 2020." }, 4: { status: "Not implemented" }, 9: { status: "regressed", assessed_on: "2026-10-15" } }),
    );
    const previewed = await preview("editorA", edited);
    expect(previewed.status).toBe(200);
    expect(previewed.body).toMatchObject({ rows: 346, unchanged: 343, errors: [], conflicts: [], organization: { name: "Watch A" } });
    expect(previewed.body.changes.map((c) => [c.row, c.paragraph, c.before, c.after.status])).toEqual([
      [2, "28.1", null, "partially_implemented"],
      [6, "28.5", null, "not_implemented"],
      [11, "28.10", null, "regressed"],
    ]);
    expect(await countAssessments()).toBe(0);

    // Apply: three new versions, one audit event each plus the import's.
    const applied = await preview("editorA", edited, "apply");
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(3);
    const rows = await getDb().assessment.findMany({
      where: { organizationId: orgA.id },
      orderBy: { recommendation: { ordinal: "asc" } },
      select: { version: true, status: true, rationale: true, assessedOn: true, author: { select: { email: true } }, recommendation: { select: { paragraph: true } } },
    });
    expect(rows.map((r) => [r.recommendation.paragraph, r.version, r.status, r.author.email])).toEqual([
      ["28.1", 1, "PARTIALLY_IMPLEMENTED", "editora@example.org"],
      ["28.5", 1, "NOT_IMPLEMENTED", "editora@example.org"],
      ["28.10", 1, "REGRESSED", "editora@example.org"],
    ]);
    expect(rows[0]!.rationale).toBe("Law adopted in 2020.");
    expect(rows[2]!.assessedOn.toISOString().slice(0, 10)).toBe("2026-10-15");
    const events = await getDb().auditEvent.findMany({ where: { organizationId: orgA.id, action: { in: ["assessment.create", "status-sheet.import"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["assessment.create", "assessment.create", "assessment.create", "status-sheet.import"]);
    expect(events[3]!.changes).toMatchObject({ rows: 346, recorded: 3, unchanged: 343 });

    // The same file again: nothing to record, nothing written.
    const again = await preview("editorA", edited, "apply");
    expect(again.body).toMatchObject({ applied: 0, changes: [], unchanged: 346 });
    expect(await countAssessments()).toBe(3);

    // A fresh export shows the new versions; editing one of them again appends version 2 to its history.
    const fresh = await exportSheet("viewerA");
    expect(fresh.rows[0]).toMatchObject({ status: "partially_implemented", rationale: "Law adopted in 2020.", version: "1", visibility: "private", confidence: "medium" });
    const second = await preview("editorA", writeSheet(edit(fresh.rows, { 0: { status: "fully_implemented" } })), "apply");
    expect(second.body.applied).toBe(1);
    const history = await getDb().assessment.findMany({ where: { organizationId: orgA.id, recommendation: { paragraph: "28.1", reviewId: review2018 } }, orderBy: { version: "asc" } });
    expect(history.map((a) => [a.version, a.status])).toEqual([
      [1, "PARTIALLY_IMPLEMENTED"],
      [2, "FULLY_IMPLEMENTED"],
    ]);
  });

  it("accepts the file as a multipart upload (field `file`) and from a semicolon spreadsheet with columns reordered", async () => {
    const sheet = await exportSheet("editorA");
    const columns = ["version", "status", "paragraph", "rationale"];
    const csv = writeSheet(edit(sheet.rows, { 20: { status: "unable_to_assess" } }), { columns, delimiter: ";" });
    const form = new FormData();
    form.append("file", new File([csv], "edited.csv", { type: "text/csv" }));
    const response = await upload("editorA", form, { type: "multipart" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as StatusSheetPreview;
    expect(body.changes.map((c) => [c.paragraph, c.after.status])).toEqual([["28.21", "unable_to_assess"]]);
  });
});

describe("row-by-row rejection", () => {
  it("names each bad row and column, answers 422, and writes nothing even with mode=apply", async () => {
    const before = await countAssessments();
    const sheet = await exportSheet("editorA");
    const other = (await getDb().recommendation.findFirstOrThrow({ where: { reviewId: review2013 }, orderBy: { ordinal: "asc" } })).id;
    const rows = edit(sheet.rows, {
      1: { status: "fully_implemented" },
      3: { status: "half done" },
      5: { status: "regressed", assessed_on: "2026-02-30" },
      7: { paragraph: "28.999", recommendation_id: "" },
      8: { paragraph: "28.2", recommendation_id: "", status: "regressed" },
      11: { paragraph: "186.1", recommendation_id: String(other) },
      12: { paragraph: "186.1", recommendation_id: "" },
    });
    for (const mode of ["preview", "apply"]) {
      const { status, body } = await preview("editorA", writeSheet(rows), mode);
      expect(status).toBe(422);
      expect(body.error).toBe("invalid_sheet");
      expect(body.errors).toMatchObject([
        { row: 5, column: "status", code: "status.notOneOf", values: { value: "half done" }, message: '"half done" is not one of not_assessed, not_implemented, partially_implemented, fully_implemented, regressed, unable_to_assess' },
        { row: 7, column: "assessed_on", message: '"2026-02-30" is not a date as YYYY-MM-DD' },
        { row: 9, column: "paragraph", message: "28.999 is not in this review" },
        { row: 10, column: "paragraph", code: "row.duplicateParagraph", values: { paragraph: "28.2", earlier: 3 }, message: "paragraph 28.2 is also on row 3" },
        { row: 13, column: "recommendation_id", message: `${other} is not a recommendation of this review` },
        { row: 14, column: "paragraph", message: "186.1 is not in this review" },
      ]);
    }
    expect(await countAssessments()).toBe(before);
  });

  it("refuses a file without the status column, a file that is not UTF-8, and a body over 5 MB (413)", async () => {
    const sheet = await exportSheet("editorA");
    const missing = await preview("editorA", writeSheet(sheet.rows, { columns: ["paragraph", "recommendation_id", "rationale", "version"] }));
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ column: "status", code: "header.missingColumn", values: { column: "status" }, message: 'the header row has no "status" column (export the sheet again to get every column)' }]);
    const latin1 = await upload("editorA", new Uint8Array([...new TextEncoder().encode("paragraph,status,version\n28.1,"), 0xe9, 0x0a]));
    expect(latin1.status).toBe(422);
    expect(((await latin1.json()) as StatusSheetPreview).errors[0]!.message).toContain("not UTF-8");
    const huge = await upload("editorA", "x".repeat(6 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect((await upload("editorA", "paragraph,status,version\n", { query: "review=abc" })).status).toBe(400);
  });
});

describe("conflicts", () => {
  it("refuses a row edited from a version someone has since replaced, naming them, and writes nothing (409)", async () => {
    const sheet = await exportSheet("editorA");
    const target = Number(sheet.rows[30]!.recommendation_id);
    const untouched = Number(sheet.rows[31]!.recommendation_id);
    expect((await postAssessment("ownerA", target, { status: "fully_implemented" })).status).toBe(201);
    expect((await postAssessment("ownerA", untouched, { status: "regressed" })).status).toBe(201);
    const before = await countAssessments();

    const rows = edit(sheet.rows, { 30: { status: "not_implemented" }, 40: { status: "not_implemented" } });
    for (const mode of ["preview", "apply"]) {
      const { status, body } = await preview("editorA", writeSheet(rows), mode);
      expect(status).toBe(409);
      expect(body.error).toBe("conflict");
      expect(body.conflicts).toEqual([
        expect.objectContaining({ row: 32, recommendationId: target, paragraph: "28.31", sheetVersion: 0, currentVersion: 1, savedBy: "ownerA name" }),
      ]);
      expect(body.conflicts[0]!.message).toMatch(/^paragraph 28\.31 was saved by ownerA name as version 1 on \d{4}-\d{2}-\d{2}, after this sheet was exported \(version 0\)/);
      // Row 33 was left as exported: the owner's newer version is kept, not reported.
      expect(body.changes.map((c) => c.row)).toEqual([42]);
    }
    expect(await countAssessments()).toBe(before);
  });
});

describe("permissions", () => {
  it("answers 401 to anonymous callers, lets a viewer export but not preview or apply (403), and refuses a foreign Origin", async () => {
    expect((await download(null, `review=${review2018}`)).status).toBe(401);
    expect((await upload(null, "paragraph,status,version\n28.1,regressed,0")).status).toBe(401);
    expect((await download("viewerA", `review=${review2018}`)).status).toBe(200);
    const csv = writeSheet(edit((await exportSheet("viewerA")).rows, { 50: { status: "regressed" } }));
    expect((await upload("viewerA", csv)).status).toBe(403);
    expect((await upload("viewerA", csv, { mode: "apply" })).status).toBe(403);
    expect((await upload("editorA", csv, { mode: "apply", origin: "https://evil.example" })).status).toBe(403);
    expect(await getDb().assessment.count({ where: { recommendationId: Number((await exportSheet("viewerA")).rows[50]!.recommendation_id) } })).toBe(0);
  });

  it("does not let an editor of B read or write A's sheet, and wants the organisation from a member of several", async () => {
    for (const organization of [orgA.id, orgA.slug, "Watch A"]) {
      expect((await download("editorB", `review=${review2018}&organization=${encodeURIComponent(organization)}`)).status).toBe(403);
    }
    const csv = writeSheet(edit((await exportSheet("editorA")).rows, { 60: { status: "regressed" } }));
    expect((await upload("editorB", csv, { query: `review=${review2018}&organization=${orgA.id}`, mode: "apply" })).status).toBe(403);
    expect((await download("both", `review=${review2018}`)).status).toBe(422);
    expect((await download("both", `review=${review2018}&organization=watch-b`)).status).toBe(200);
    expect((await download("editorA", "review=999999")).status).toBe(404);
    expect((await download("editorA", `review=${review2018}&colour=red`)).status).toBe(400);
  });
});

describe("privacy and formula cells", () => {
  it("never puts B's private assessment in A's sheet", async () => {
    const sheet = await exportSheet("editorA");
    const recommendationId = Number(sheet.rows[70]!.recommendation_id);
    expect((await postAssessment("editorB", recommendationId, { status: "regressed", rationale: B_SECRET, visibility: "private" })).status).toBe(201);
    const a = await download("editorA", `review=${review2018}`);
    const text = new TextDecoder().decode(await a.arrayBuffer());
    expect(text).not.toContain(B_SECRET);
    expect(readSheet(text).rows[70]).toMatchObject({ status: "not_assessed", version: "0" });
    expect(readSheet(await (await download("editorB", `review=${review2018}`)).arrayBuffer()).rows[70]).toMatchObject({ status: "regressed", rationale: B_SECRET });
  });

  it("neutralises formula-like rationales on export and reads them back exactly, so a re-import changes nothing", async () => {
    const formulas = ['=HYPERLINK("https://evil.example","click")', "-1+2 starts with a minus", "@SUM(A1)"];
    const sheet = await exportSheet("editorA");
    const rows = edit(sheet.rows, Object.fromEntries(formulas.map((rationale, i) => [100 + i, { status: "not_implemented", rationale }])));
    expect((await preview("editorA", writeSheet(rows), "apply")).body.applied).toBe(3);
    // A rationale that itself starts with an apostrophe and a trigger, saved in the app, gets one more apostrophe.
    const quoted = "'=an apostrophe of the author's own";
    expect((await postAssessment("editorA", Number(sheet.rows[103]!.recommendation_id), { status: "regressed", rationale: quoted })).status).toBe(201);
    const stored = await getDb().assessment.findMany({ where: { organizationId: orgA.id, rationale: { in: [...formulas, quoted] } }, select: { rationale: true } });
    expect(stored.map((a) => a.rationale).sort()).toEqual([...formulas, quoted].sort());

    const exported = await exportSheet("editorA");
    expect(exported.rows.slice(100, 104).map((r) => r.rationale)).toEqual([...formulas, quoted].map((f) => `'${f}`));
    const again = await preview("editorA", writeSheet(exported.rows), "apply");
    expect(again.body).toMatchObject({ applied: 0, changes: [], errors: [], conflicts: [] });
  });
});

describe("the page's server actions (previewStatusSheetForViewer, applyStatusSheetForViewer)", () => {
  const viewerOf = async (who: string | null) => getViewer(new Request(ORIGIN, { headers: headers(who) }));
  const form = (fields: Record<string, string | File>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };

  it("previews an uploaded file, then applies exactly the previewed changes", async () => {
    const sheet = await exportSheet("editorA");
    const csv = writeSheet(edit(sheet.rows, { 200: { status: "regressed" }, 201: { status: "regressed" } }));
    const file = new File([csv], "edited.csv", { type: "text/csv" });
    const previewed = await previewStatusSheetForViewer(await viewerOf("editorA"), { kind: "idle" }, form({ review: String(review2018), file }));
    if (previewed.kind !== "preview") throw new Error(`expected a preview, got ${JSON.stringify(previewed)}`);
    expect(previewed.preview.changes).toHaveLength(2);
    expect(previewed.sheet).toBe(csv.slice(1));

    const before = await countAssessments();
    const fields = { review: String(review2018), organization: orgA.id, sheet: previewed.sheet!, fileName: "edited.csv" };
    const stale = await applyStatusSheetForViewer(await viewerOf("editorA"), previewed, form({ ...fields, expectedChanges: "3" }));
    expect(stale).toMatchObject({ kind: "error", code: "conflict", message: "Nothing was imported: the sheet now makes 2 changes, not the 3 previewed: preview it again." });
    const applied = await applyStatusSheetForViewer(await viewerOf("editorA"), previewed, form({ ...fields, expectedChanges: "2" }));
    expect(applied).toMatchObject({ kind: "applied", message: "Applied 2 changes: 2 new assessment versions recorded for Watch A." });
    expect(await countAssessments()).toBe(before + 2);
  });

  it("refuses anonymous callers, viewers and editors of another organisation, and shows row errors instead of applying", async () => {
    const csv = writeSheet(edit((await exportSheet("editorA")).rows, { 210: { status: "half done" } }));
    const upload = () => form({ review: String(review2018), file: new File([csv], "bad.csv") });
    expect(await previewStatusSheetForViewer(null, { kind: "idle" }, upload())).toMatchObject({ kind: "error", code: "unauthenticated", message: "Sign in to import a sheet." });
    expect(await previewStatusSheetForViewer(await viewerOf("viewerA"), { kind: "idle" }, upload())).toMatchObject({
      kind: "error",
      code: "forbidden",
      message: "Only editors and owners of this organisation can import its sheet.",
    });
    const foreign = form({ review: String(review2018), organization: orgA.id, sheet: csv, expectedChanges: "0" });
    expect(await applyStatusSheetForViewer(await viewerOf("editorB"), { kind: "idle" }, foreign)).toMatchObject({ kind: "error" });
    const invalid = await previewStatusSheetForViewer(await viewerOf("editorA"), { kind: "idle" }, upload());
    expect(invalid).toMatchObject({ kind: "preview", sheet: null, preview: { errors: [{ row: 212, column: "status" }] } });
    const forced = await applyStatusSheetForViewer(await viewerOf("editorA"), { kind: "idle" }, form({ review: String(review2018), sheet: csv, expectedChanges: "0" }));
    expect(forced).toMatchObject({ kind: "preview", preview: { errors: [{ row: 212 }] } });
  });
});

