import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as templateRoute, POST as importRoute } from "@/app/api/admin/response-wording/route";
import { GET as recommendationsRoute } from "@/app/api/recommendations/route";
import { GET as statsRoute } from "@/app/api/stats/route";
import { buildCharts } from "@/lib/charts/build-charts";
import { WORDING_TEMPLATE_COLUMNS } from "@/lib/response-wording/csv";
import type { ResponseWordingApplied } from "@/lib/schemas/response-wording";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { loadChartInputs } from "@/lib/server/stats/review-charts";
import { testChartText } from "../helpers/chart-text";
import { runCli } from "../helpers/run-cli-in-process";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The response-wording sheet on real PostgreSQL over China's 2018 review (A/HRC/40/6, addendum A/HRC/40/6/Add.1):
 * template, preview, apply with its audit, all-or-nothing refusals, who may, the CLI, and the stats, explorer and chart
 * that then show the State's words. The wordings typed below are FIXTURE VALUES, not China's answers in the addendum;
 * the paragraphs and their positions are the real ones (28.1, 28.4, 28.9 supported; 28.2, 28.10 noted).
 */
const OPERATOR = { kind: "operator" } as const;
const ADDENDUM = "A/HRC/40/6/Add.1";
const HEADER = "paragraph,wording,addendum_paragraph";

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let reviewId: number;
let dir: string;
let env: Record<string, string>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  reviewId = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  await createOrganization(OPERATOR, "Wording Watch");
  await addUser(OPERATOR, { email: "admin@wording.example.org", password: PASSWORD, name: "Wording Admin", admin: true });
  await addUser(OPERATOR, { email: "editor@wording.example.org", password: PASSWORD, name: "Wording Editor", organization: { name: "Wording Watch", role: "owner" } });
  cookies.admin = await signIn("admin@wording.example.org", "10.7.0.1");
  cookies.editor = await signIn("editor@wording.example.org", "10.7.0.2");
  env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: "cli-tests-secret-cli-tests-secret-cli-tests" };
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "upr-wording-"));
}, 120_000);
afterAll(async () => {
  await database.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

function headers(who: string | null, extra: Record<string, string> = {}): Record<string, string> {
  return { origin: ORIGIN, ...(who ? { cookie: cookies[who]! } : {}), ...extra };
}

function upload(who: string | null, body: BodyInit, options: { mode?: string; query?: string; origin?: string; multipart?: boolean } = {}): Promise<Response> {
  const query = `${options.query ?? `review=${reviewId}`}&mode=${options.mode ?? "preview"}`;
  const extra: Record<string, string> = options.multipart ? {} : { "content-type": "text/csv" };
  if (options.origin) extra.origin = options.origin;
  return importRoute(new Request(`${ORIGIN}/api/admin/response-wording?${query}`, { method: "POST", headers: headers(who, extra), body }));
}

async function send(csv: string, mode = "preview", query?: string): Promise<{ status: number; body: ResponseWordingApplied & { error?: string } }> {
  const response = await upload("admin", csv, { mode, query });
  return { status: response.status, body: (await response.json()) as ResponseWordingApplied & { error?: string } };
}

/** Every wording, source and position of every recommendation, and the audit log's size: what a refused import must leave. */
async function fingerprint(): Promise<string> {
  const [row] = await getDb().$queryRaw<{ hash: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(concat_ws(':', r."id", r."responseWording", r."responseWordingSource", r."position"), ',' ORDER BY r."id") FROM "Recommendation" r),
      (SELECT count(*)::text FROM "AuditEvent")
    )) AS hash`;
  return row!.hash;
}

function wordingOf(paragraph: string): Promise<{ id: number; responseWording: string | null; responseWordingSource: string | null }> {
  return getDb().recommendation.findFirstOrThrow({ where: { reviewId, paragraph }, select: { id: true, responseWording: true, responseWordingSource: true } });
}

const SHEET = [HEADER, "28.1,Accepted and already implemented,4", "28.4,accepted and being implemented,", "28.10,Rejected,5", "28.9,supported,"].join("\r\n");

describe("the template", () => {
  it("lists the review's paragraphs with their current wording for admins only, and changes nothing imported as it is", async () => {
    const response = await templateRoute(new Request(`${ORIGIN}/api/admin/response-wording?review=${reviewId}`, { headers: headers("admin") }));
    expect(response.status).toBe(200);
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="upr-wording-chn-cycle-3-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^Response wording – China, 2018 \(3rd cycle\) – \d{4}-\d{2}-\d{2}\.csv$/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parse(text.slice(1)) as string[][];
    expect(header).toEqual([...WORDING_TEMPLATE_COLUMNS]);
    expect(rows).toHaveLength(346);
    expect(rows.slice(0, 2).map((row) => row.slice(0, 4))).toEqual([
      ["28.1", "supported", "", "supported"],
      ["28.2", "noted", "", "noted"],
    ]);

    const asIs = await send(text);
    expect(asIs.status).toBe(200);
    expect(asIs.body).toMatchObject({ rows: 346, unchanged: 346, changes: [], errors: [] });

    for (const [who, status] of [["editor", 403], [null, 401]] as const) {
      expect((await templateRoute(new Request(`${ORIGIN}/api/admin/response-wording?review=${reviewId}`, { headers: headers(who) }))).status).toBe(status);
    }
  });
});

describe("preview and apply", () => {
  it("previews the changes without writing, then sets wording and source with one audit event each and one for the import", async () => {
    const before = await fingerprint();
    const previewed = await send(SHEET);
    expect(previewed.status).toBe(200);
    expect(previewed.body).toMatchObject({ review: { id: reviewId, addendumSymbol: ADDENDUM }, sourceSymbol: ADDENDUM, rows: 4, unchanged: 1, errors: [] });
    expect(previewed.body.changes.map((c) => [c.paragraph, c.before.wording, c.after.wording, c.after.source])).toEqual([
      ["28.1", "supported", "accepted and already implemented", `${ADDENDUM}, para. 4`],
      ["28.4", "supported", "accepted and being implemented", ADDENDUM],
      ["28.10", "noted", "rejected", `${ADDENDUM}, para. 5`],
    ]);
    expect(await fingerprint()).toBe(before);

    const applied = await send(SHEET, "apply");
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(3);
    expect(await wordingOf("28.1")).toMatchObject({ responseWording: "accepted and already implemented", responseWordingSource: `${ADDENDUM}, para. 4` });
    expect(await wordingOf("28.10")).toMatchObject({ responseWording: "rejected", responseWordingSource: `${ADDENDUM}, para. 5` });
    expect(await wordingOf("28.9")).toMatchObject({ responseWording: "supported", responseWordingSource: null });

    const admin = await getDb().user.findUniqueOrThrow({ where: { email: "admin@wording.example.org" }, select: { id: true } });
    const events = await getDb().auditEvent.findMany({ where: { action: { startsWith: "response-wording." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorUserId, e.organizationId])).toEqual([
      ["response-wording.set", admin.id, null],
      ["response-wording.set", admin.id, null],
      ["response-wording.set", admin.id, null],
      ["response-wording.import", admin.id, null],
    ]);
    const first = await wordingOf("28.1");
    expect(events[0]).toMatchObject({
      subjectType: "recommendation",
      subjectId: String(first.id),
      changes: { paragraph: "28.1", responseWording: ["supported", "accepted and already implemented"], responseWordingSource: [null, `${ADDENDUM}, para. 4`] },
    });
    expect(events[3]).toMatchObject({ subjectType: "review", subjectId: String(reviewId), changes: { rows: 4, changed: 3, unchanged: 1, sourceSymbol: ADDENDUM } });

    // The same sheet again: every row unchanged, nothing written, nothing audited.
    const after = await fingerprint();
    const again = await send(SHEET, "apply");
    expect(again.body).toMatchObject({ applied: 0, unchanged: 4, changes: [] });
    expect(await fingerprint()).toBe(after);
  });

  it("takes the file as a multipart upload, and cites another document with sourceSymbol", async () => {
    const form = new FormData();
    form.append("file", new File([[HEADER, "28.2,noted,7"].join("\n")], "wording.csv", { type: "text/csv" }));
    const response = await upload("admin", form, { multipart: true, query: `review=${reviewId}&sourceSymbol=${encodeURIComponent("A/HRC/40/6/Add.1/Corr.1")}` });
    expect(response.status).toBe(200);
    expect(((await response.json()) as ResponseWordingApplied).changes.map((c) => c.after)).toEqual([{ wording: "noted", source: "A/HRC/40/6/Add.1/Corr.1, para. 7" }]);
  });
});

describe("all or nothing", () => {
  it("refuses a sheet with an unknown paragraph or a wording against the recorded position, and leaves NOTHING changed", async () => {
    const before = await fingerprint();
    const sheets = {
      unknown: [HEADER, "28.2,noted,6", "28.999,noted,", "28.3,rejected,"],
      contradiction: [HEADER, "28.2,noted,6", "28.4,noted,"],
      duplicate: [HEADER, "28.2,noted,6", "28.3,noted,", "28.2,rejected,"],
      empty: [HEADER, "28.2,noted,6", "28.3,,"],
    };
    const answers: Record<string, string[]> = {};
    for (const [name, lines] of Object.entries(sheets)) {
      for (const mode of ["preview", "apply"]) {
        const { status, body } = await send(lines.join("\r\n"), mode);
        expect(status, name).toBe(422);
        expect(body.error).toBe("invalid_sheet");
        expect(body).not.toHaveProperty("applied");
        answers[name] = body.errors.map((e) => `row ${e.row}, ${e.column}: ${e.message}`);
      }
    }
    expect(answers).toEqual({
      unknown: ["row 3, paragraph: 28.999 is not a paragraph of this review"],
      contradiction: ['row 3, wording: "noted" means noted, but paragraph 28.4 is recorded as supported'],
      duplicate: ["row 4, paragraph: paragraph 28.2 is also on row 2 (a spreadsheet may have turned 28.20 into 28.2: format the paragraph column as text)"],
      empty: ["row 3, wording: the State's wording is empty"],
    });
    expect(await fingerprint()).toBe(before);
  });
});

describe("who may", () => {
  it("lets instance administrators only: 401 without a session, 403 for an organisation's owner or another site, 413 over 5 MB", async () => {
    const before = await fingerprint();
    const sheet = [HEADER, "28.2,noted,8"].join("\n");
    for (const mode of ["preview", "apply"]) {
      expect((await upload(null, sheet, { mode })).status).toBe(401);
      expect((await upload("editor", sheet, { mode })).status).toBe(403);
      expect((await upload("admin", sheet, { mode, origin: "https://evil.example" })).status).toBe(403);
    }
    expect((await upload("admin", "x".repeat(6 * 1024 * 1024))).status).toBe(413);
    expect((await upload("admin", sheet, { query: "review=abc" })).status).toBe(400);
    expect((await upload("admin", sheet, { query: "review=999999" })).status).toBe(404);
    expect(await fingerprint()).toBe(before);
  });
});

describe("the State's words in stats, explorer and charts", () => {
  it("counts them by=wording, finds them with the wording filter, and shows them in the wording chart in both languages", async () => {
    const stats = (await (await statsRoute(new Request(`${ORIGIN}/api/stats?by=wording&review=${reviewId}`))).json()) as { groups: { key: string; count: number }[]; total: number };
    expect(stats.total).toBe(346);
    const counts = Object.fromEntries(stats.groups.map((g) => [g.key, g.count]));
    expect(counts).toMatchObject({ "accepted and already implemented": 1, "accepted and being implemented": 1, rejected: 1, supported: 282, noted: 61 });

    const found = (await (await recommendationsRoute(new Request(`${ORIGIN}/api/recommendations?review=${reviewId}&wording=${encodeURIComponent("Accepted and already implemented")}`))).json()) as {
      total: number;
      items: { paragraph: string; responseWording: string }[];
    };
    expect(found.total).toBe(1);
    expect(found.items.map((item) => [item.paragraph, item.responseWording])).toEqual([["28.1", "accepted and already implemented"]]);

    const inputs = await loadChartInputs(filtersOf(parseExplorerSearch({ review: String(reviewId) }).query));
    for (const [locale, label] of [["en", "accepted and already implemented"], ["zh", "接受并已落实"]] as const) {
      const chart = buildCharts(inputs, filtersOf(parseExplorerSearch({ review: String(reviewId) }).query), testChartText(locale)).find((c) => c.id === "wording")!;
      expect(chart.categories.map((c) => c.label), locale).toContain(label);
    }
  });
});

describe("npm run upr -- wording export / import", () => {
  it("exports the template, dry-runs and imports a sheet as an admin, refuses a non-admin and a bad row", async () => {
    const template = path.join(dir, "template.csv");
    const exported = await runCli(["wording", "export", "--review", String(reviewId), "-o", template], env);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`346 rows of China, 2018 (3rd cycle) written to ${template}`);

    const file = path.join(dir, "wording.csv");
    await fs.writeFile(file, [HEADER, "28.3,Not accepted,9", "28.5,rejected,9", "28.9,accepted and already implemented,"].join("\n"));
    const before = await fingerprint();
    const dryRun = await runCli(["wording", "import", file, "--review", String(reviewId), "--dry-run"], env);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain(`wording.csv: 3 rows for China, 2018 (3rd cycle), from ${ADDENDUM}: 3 to set, 0 unchanged`);
    expect(dryRun.stdout).toContain(`row 2, paragraph 28.3: noted -> not accepted, ${ADDENDUM}, para. 9`);
    expect(dryRun.stdout).toContain("Dry run: nothing was written.");
    expect(await fingerprint()).toBe(before);

    const notAdmin = await runCli(["wording", "import", file, "--review", String(reviewId), "--as", "editor@wording.example.org"], env);
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.stderr.trim()).toBe("upr: editor@wording.example.org is not an instance administrator");

    const bad = path.join(dir, "bad.csv");
    await fs.writeFile(bad, [HEADER, "28.3,not accepted,9", "28.1,rejected,"].join("\n"));
    const rejected = await runCli(["wording", "import", bad, "--review", String(reviewId), "--as", "admin@wording.example.org"], env);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('bad.csv: row 3, wording: "rejected" means noted, but paragraph 28.1 is recorded as supported');
    expect(rejected.stderr).toContain("bad.csv: 1 problem(s); nothing was imported.");
    expect(await fingerprint()).toBe(before);

    const imported = await runCli(["wording", "import", file, "--review", String(reviewId), "--as", "admin@wording.example.org"], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Set the wording of 3 recommendation(s) as Wording Admin <admin@wording.example.org>.");
    expect(await wordingOf("28.3")).toMatchObject({ responseWording: "not accepted", responseWordingSource: `${ADDENDUM}, para. 9` });
    expect(await wordingOf("28.9")).toMatchObject({ responseWording: "accepted and already implemented", responseWordingSource: ADDENDUM });
    expect(await getDb().auditEvent.count({ where: { action: "response-wording.import" } })).toBe(2);

    expect((await runCli(["wording", "import", file, "--review", "abc"], env)).code).toBe(2);
  }, 240_000);
});
