import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/openapi.json/route";
import { GET as reportRoute } from "@/app/api/reports/mid-term/route";
import { MID_TERM_CSV_COLUMNS } from "@/lib/mid-term-report/csv";
import type { AssessmentInput } from "@/lib/schemas/assessment";
import { REPORT_STATUS_ORDER, type MidTermReport } from "@/lib/schemas/mid-term-report";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { createAssessment } from "@/lib/server/assessments";
import { getDb } from "@/lib/server/db";
import { getMidTermReport } from "@/lib/server/mid-term-report";
import { getViewerByEmail, type Viewer } from "@/lib/server/permissions";
import { ORIGIN, PASSWORD, readSheet, signIn } from "../helpers/status-sheet";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The mid-term report on real PostgreSQL with the real China data: organisation A's report holds exactly A's current
 * statuses, rationales and evidence (private and public), and nothing of organisation B, in every format.
 */
const OPERATOR = { kind: "operator" } as const;
const A_CURRENT = "A-current: the 2024 law covers only pilot provinces";
const A_OLD = "A-old: first look, superseded";
const A_FORMULA = "=HYPERLINK(\"http://evil.example\") A's rationale that looks like a formula";
const A_NOTED = "A-noted: the practice has worsened since 2019";
const A_URL = "https://example.org/a/pilot-provinces-report";
const A_SYMBOL = "A/HRC/56/6";
const A_EXCERPT = "legal aid centres in 12 provinces";
const B_STRINGS = ["B-secret private rationale", "B-public rationale on the same recommendation", "https://example.org/b/secret-source", "B-excerpt only B cites", "B-other recommendation"];

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let review2018: number;
let review2013: number;
let orgA: { id: string; slug: string; name: string };
let orgB: { id: string; slug: string };
const viewers: Record<string, Viewer> = {};
const cookies: Record<string, string> = {};
const rec: Record<string, { id: number; text: string; paragraph: string | null }> = {};

function input(fields: Partial<AssessmentInput> & Pick<AssessmentInput, "status" | "rationale">): AssessmentInput {
  return { assessedOn: "2026-10-01", confidence: "medium", visibility: "private", evidence: [], ...fields };
}

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  const db = getDb();
  review2018 = (await db.review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  review2013 = (await db.review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 2 } })).id;
  orgA = await createOrganization(OPERATOR, "Report Watch A");
  orgB = await createOrganization(OPERATOR, "Report Watch B");
  const users = [
    ["editorA", "Report Watch A", "editor"],
    ["viewerA", "Report Watch A", "viewer"],
    ["editorB", "Report Watch B", "editor"],
    ["both", "Report Watch A", "viewer"],
    ["both", "Report Watch B", "editor"],
  ] as const;
  for (const [name, organization, role] of users) {
    await addUser(OPERATOR, { email: `${name}@example.org`, password: PASSWORD, name: `${name} name`, organization: { name: organization, role } });
  }
  await addUser(OPERATOR, { email: "loner@example.org", password: PASSWORD, name: "loner name" });
  for (const [index, name] of ["editorA", "viewerA", "editorB", "both", "loner"].entries()) {
    viewers[name] = (await getViewerByEmail(`${name}@example.org`))!;
    cookies[name] = await signIn(`${name}@example.org`, `10.5.0.${index + 1}`);
  }

  // The first three supported recommendations of 2018 and the first noted one, in document order.
  const select = { id: true, text: true, paragraph: true } as const;
  const supported = await db.recommendation.findMany({ where: { reviewId: review2018, position: "SUPPORTED" }, orderBy: { ordinal: "asc" }, take: 3, select });
  expect(supported).toHaveLength(3);
  [rec.first, rec.second, rec.third] = [supported[0]!, supported[1]!, supported[2]!];
  rec.noted = await db.recommendation.findFirstOrThrow({ where: { reviewId: review2018, position: "NOTED" }, orderBy: { ordinal: "asc" }, select });

  // A: an older public version and a newer private one on the first, a public one on the second, a private one on the noted one.
  const a = viewers.editorA!;
  await createAssessment(a, rec.first!.id, input({ status: "not_implemented", rationale: A_OLD, visibility: "public", evidence: [{ kind: "url", reference: "https://example.org/a/old", stance: "context" }] }));
  await createAssessment(
    a,
    rec.first!.id,
    input({
      status: "partially_implemented",
      rationale: A_CURRENT,
      confidence: "high",
      evidence: [
        { kind: "url", reference: A_URL, excerpt: A_EXCERPT, stance: "supports", date: "2025-06-30" },
        { kind: "un-symbol", reference: A_SYMBOL, stance: "context" },
      ],
    }),
  );
  await createAssessment(a, rec.second!.id, input({ status: "fully_implemented", rationale: A_FORMULA, visibility: "public" }));
  await createAssessment(a, rec.noted!.id, input({ status: "regressed", rationale: A_NOTED }));

  // B: public and private on A's first recommendation (newer than A's), and a public one on the third, which A has not assessed.
  const b = viewers.editorB!;
  await createAssessment(b, rec.first!.id, input({ status: "fully_implemented", rationale: B_STRINGS[1]!, visibility: "public", evidence: [{ kind: "url", reference: B_STRINGS[2]!, excerpt: B_STRINGS[3], stance: "supports" }] }));
  await createAssessment(b, rec.first!.id, input({ status: "regressed", rationale: B_STRINGS[0]! }));
  await createAssessment(b, rec.third!.id, input({ status: "not_implemented", rationale: B_STRINGS[4]!, visibility: "public" }));
}, 180_000);
afterAll(async () => {
  await database.drop();
});

function get(who: string | null, query: string): Promise<Response> {
  return reportRoute(new Request(`${ORIGIN}/api/reports/mid-term?${query}`, { headers: who ? { cookie: cookies[who]! } : {} }));
}

function allRecommendations(report: MidTermReport) {
  return report.sections.flatMap((section) => section.recommendations);
}

function expectNoneOfB(text: string): void {
  for (const secret of B_STRINGS) expect(text).not.toContain(secret);
}

/** The text of each paragraph of word/document.xml, in document order. */
async function docxParagraphs(bytes: ArrayBuffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(""));
}

describe("the report's data", () => {
  it("holds every supported recommendation once, grouped by primary theme, with A's current statuses and nothing of B", async () => {
    const report = await getMidTermReport(viewers.viewerA!, { review: review2018, theme: [], noted: false });
    const expected = await getDb().recommendation.count({ where: { reviewId: review2018, position: { in: ["SUPPORTED", "SUPPORTED_IN_PART"] } } });
    expect(expected).toBe(284);
    const items = allRecommendations(report);
    expect(items).toHaveLength(expected);
    expect(new Set(items.map((r) => r.id)).size).toBe(expected);
    expect(report.review).toMatchObject({ id: review2018, cycle: 3, reportSymbol: "A/HRC/40/6", loaded: 346, reportedTotal: 346, stateUnderReview: { iso3: "CHN" } });
    expect(report.organization).toMatchObject({ id: orgA.id, slug: orgA.slug });

    // Each section is the recommendations' primary ("Theme:") heading.
    const primaries = await getDb().recommendationTheme.findMany({ where: { primary: true, recommendation: { reviewId: review2018 } }, select: { recommendationId: true, theme: { select: { slug: true } } } });
    const primaryOf = new Map(primaries.map((p) => [p.recommendationId, p.theme.slug]));
    for (const section of report.sections) for (const r of section.recommendations) expect(primaryOf.get(r.id)).toBe(section.theme.slug);

    // A's latest version of any visibility, with its evidence; the noted one is left out.
    const first = items.find((r) => r.id === rec.first!.id)!;
    expect(first.text).toBe(rec.first!.text);
    expect(first.textLanguage).toBe("en");
    expect(first.current).toMatchObject({ status: "partially_implemented", rationale: A_CURRENT, confidence: "high", visibility: "private", version: 2, assessedOn: "2026-10-01" });
    expect(first.current!.evidence).toEqual([
      { kind: "url", reference: A_URL, excerpt: A_EXCERPT, date: "2025-06-30", stance: "supports" },
      { kind: "un-symbol", reference: A_SYMBOL, excerpt: null, date: null, stance: "context" },
    ]);
    expect(first.recommendingStates.length).toBeGreaterThan(0);
    expect(first.position).toMatch(/^supported/);
    expect(items.find((r) => r.id === rec.third!.id)!.current).toBeNull();
    expect(items.some((r) => r.id === rec.noted!.id)).toBe(false);
    expect(report.assessed).toBe(2);

    const json = JSON.stringify(report);
    expectNoneOfB(json);
    expect(json).not.toContain(A_OLD);

    // The summary adds up, per theme and in total.
    for (const [index, row] of report.summary.entries()) {
      expect(REPORT_STATUS_ORDER.reduce((sum, s) => sum + row.counts[s], 0)).toBe(row.total);
      expect(row.total).toBe(report.sections[index]!.recommendations.length);
    }
    expect(report.totals.total).toBe(expected);
    expect(report.totals.counts).toMatchObject({ partially_implemented: 1, fully_implemented: 1, regressed: 0, not_assessed: expected - 2 });
  });

  it("includes noted recommendations when asked", async () => {
    const report = await getMidTermReport(viewers.editorA!, { review: review2018, theme: [], noted: true });
    expect(report.totals.total).toBe(await getDb().recommendation.count({ where: { reviewId: review2018 } }));
    expect(allRecommendations(report).find((r) => r.id === rec.noted!.id)!.current).toMatchObject({ status: "regressed", rationale: A_NOTED });
    expect(report.totals.counts.regressed).toBe(1);
    expect(report.assessed).toBe(3);
  });

  it("keeps to the chosen themes (any of them, as the explorer's filter does)", async () => {
    const themes = await getDb().recommendationTheme.findMany({ where: { recommendationId: rec.first!.id }, select: { theme: { select: { slug: true } } } });
    const primary = (await getDb().recommendationTheme.findFirstOrThrow({ where: { recommendationId: rec.first!.id, primary: true }, select: { theme: { select: { slug: true } } } })).theme.slug;
    const other = themes.map((t) => t.theme.slug).find((slug) => slug !== primary)!;
    for (const [chosen, noted] of [[[primary], false], [[primary, other], false], [[primary], true]] as const) {
      const report = await getMidTermReport(viewers.editorA!, { review: review2018, theme: [...chosen], noted });
      const expected = await getDb().recommendation.count({
        where: { reviewId: review2018, themes: { some: { theme: { slug: { in: [...chosen] } } } }, ...(noted ? {} : { position: { in: ["SUPPORTED", "SUPPORTED_IN_PART"] } }) },
      });
      expect(report.totals.total, chosen.join("+")).toBe(expected);
      expect(report.themes.map((t) => t.slug)).toEqual(chosen);
      expect(allRecommendations(report).some((r) => r.id === rec.first!.id)).toBe(true);
    }
  });

  it("lists every recommendation as not assessed for an organisation that has assessed none", async () => {
    const report = await getMidTermReport(viewers.editorA!, { review: review2013, theme: [], noted: false });
    expect(report.assessed).toBe(0);
    expect(report.totals.counts.not_assessed).toBe(report.totals.total);
    expect(report.totals.total).toBe(204);
    const html = await (await get("editorA", `review=${review2013}`)).text();
    expect(html).toContain("Your organisation has not assessed any recommendation of this review yet");
  });
});

describe("GET /api/reports/mid-term", () => {
  it("answers HTML with A's data, private and never cached", async () => {
    const response = await get("viewerA", `review=${review2018}&format=html&noted=0`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `inline; filename="mid-term-CHN-cycle3-${orgA.slug}-private.html"; filename*=UTF-8''${encodeURIComponent(`China, 2018 (3rd cycle) – mid-term report of ${orgA.name} (holds private assessments).html`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const html = await response.text();
    for (const text of [A_CURRENT, A_SYMBOL, A_EXCERPT, `href="${A_URL}"`, "Summary of statuses per theme", "Partially implemented"]) expect(html).toContain(text);
    expect(html).toContain('<div class="banner private" role="note" data-banner="private"><p><strong>Private: contains private assessments</strong></p><p>This report holds 1 private assessment of Report Watch A.');
    expect(html).toContain(`<p class="text" lang="en">`);
    expect(html).toContain(rec.first!.text.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    expect(html).not.toContain(A_NOTED);
    expectNoneOfB(html);
  });

  it("answers CSV with one row per recommendation, A's statuses, and formula cells neutralised", async () => {
    const response = await get("editorA", `review=${review2018}&format=csv&noted=1`);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="mid-term-CHN-cycle3-${orgA.slug}-private.csv"; filename*=UTF-8''${encodeURIComponent(`China, 2018 (3rd cycle) – mid-term report of ${orgA.name} (holds private assessments).csv`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = await response.arrayBuffer();
    const sheet = readSheet(bytes);
    expect(sheet.bom).toBe(true);
    expect(sheet.header).toEqual([...MID_TERM_CSV_COLUMNS]);
    expect(sheet.rows).toHaveLength(346);
    const row = (id: number) => (sheet.rows as unknown as Record<string, string>[]).find((r) => r.recommendation_id === String(id))!;
    expect(row(rec.first!.id)).toMatchObject({ paragraph: rec.first!.paragraph, status: "partially_implemented", rationale: A_CURRENT, visibility: "private", version: "2", text: rec.first!.text });
    expect(row(rec.first!.id).evidence!.split("\n")).toEqual([`Supports the government’s response: ${A_URL} (2025-06-30) — “${A_EXCERPT}”`, `Context only: ${A_SYMBOL}`]);
    expect(row(rec.second!.id).rationale).toBe(`'${A_FORMULA}`);
    expect(row(rec.third!.id)).toMatchObject({ status: "not_assessed", rationale: "", evidence: "" });
    expect(row(rec.noted!.id)).toMatchObject({ status: "regressed", position: "noted" });
    expect(new Set(sheet.rows.map((r) => (r as unknown as Record<string, string>).notice))).toEqual(
      new Set(["Private: contains private assessments. This report holds 2 private assessments of Report Watch A. Share it only within Report Watch A; for a version to publish, choose “public ones only”."]),
    );
    expectNoneOfB(new TextDecoder().decode(bytes));
  });

  it("answers a .docx that opens and holds the recommendation, A's rationale and evidence in order", async () => {
    const response = await get("editorA", `review=${review2018}&format=docx&noted=0`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="mid-term-CHN-cycle3-${orgA.slug}-private.docx"; filename*=UTF-8''${encodeURIComponent(`China, 2018 (3rd cycle) – mid-term report of ${orgA.name} (holds private assessments).docx`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const paragraphs = await docxParagraphs(await response.arrayBuffer());
    expect(paragraphs[0]).toBe("Private: contains private assessmentsThis report holds 1 private assessment of Report Watch A. Share it only within Report Watch A; for a version to publish, choose “public ones only”.");
    expect(paragraphs[1]).toBe("Mid-term report: China, 2018 (3rd cycle)");
    const at = (predicate: (p: string) => boolean) => paragraphs.findIndex(predicate);
    const heading = at((p) => p === `Paragraph ${rec.first!.paragraph}`);
    const text = at((p) => p === rec.first!.text);
    const rationale = at((p) => p === `Rationale: ${A_CURRENT}`);
    const url = at((p) => p.includes(A_URL));
    const symbol = at((p) => p === `Context only: ${A_SYMBOL}`);
    expect([heading, text, rationale, url, symbol].every((i) => i > 0)).toBe(true);
    expect(heading < text && text < rationale && rationale < url && url < symbol).toBe(true);
    expect(paragraphs).toContain("Status: Partially implemented, assessed Oct 1, 2026, confidence high, private");
    expect(paragraphs).toContain("Summary of statuses per theme");
    expect(paragraphs.some((p) => p === `Paragraph ${rec.third!.paragraph}`)).toBe(true);
    expectNoneOfB(paragraphs.join("\n"));
    expect(paragraphs.join("\n")).not.toContain(A_NOTED);
  });

  it("speaks Chinese with lang=zh (HTML and .docx), recommendation texts as published, still only A's data", async () => {
    const html = await (await get("editorA", `review=${review2018}&format=html&lang=zh&noted=0`)).text();
    expect(html).toContain('<html lang="zh-Hans">');
    for (const text of ["<h1>中期报告：中国，2018年（第三轮）</h1>", "<h2>各主题执行情况汇总</h2>", "部分执行", "<strong>理由：</strong>", A_CURRENT, A_URL]) expect(html).toContain(text);
    expect(html).toContain(`<p class="text" lang="en">`);
    expect(html).not.toContain("Summary of statuses per theme");
    expect(html).not.toContain(A_NOTED);
    expectNoneOfB(html);

    const paragraphs = await docxParagraphs(await (await get("editorA", `review=${review2018}&format=docx&lang=zh`)).arrayBuffer());
    expect(paragraphs[0]).toContain("不公开：含不公开的评估");
    expect(paragraphs[1]).toBe("中期报告：中国，2018年（第三轮）");
    expect(paragraphs).toContain("各主题执行情况汇总");
    expect(paragraphs).toContain(`第 ${rec.first!.paragraph} 段`);
    expect(paragraphs).toContain(rec.first!.text);
    expect(paragraphs).toContain(`理由：${A_CURRENT}`);
    expect(paragraphs).toContain("执行情况：部分执行，评估日期 2026年10月1日，可信度高，不公开");
    expectNoneOfB(paragraphs.join("\n"));

    // CSV keys and machine values stay the same in both languages.
    const csv = await (await get("editorA", `review=${review2018}&format=csv&lang=zh`)).text();
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(MID_TERM_CSV_COLUMNS.join(","));
    expect(csv).toContain("partially_implemented");
    expectNoneOfB(csv);
  });

  it("refuses: 401 anonymous, 403 outsiders, 400 bad parameters naming the field, 404 an unknown review", async () => {
    const issuePath = async (response: Response) => ((await response.json()) as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path[0]);
    expect((await get(null, `review=${review2018}`)).status).toBe(401);
    expect((await get("loner", `review=${review2018}`)).status).toBe(403);
    expect((await get("editorB", `review=${review2018}&organization=${orgA.slug}`)).status).toBe(403);
    expect((await get("editorA", `review=${review2018}&organization=${orgB.id}`)).status).toBe(403);
    expect((await get("editorA", "review=999999")).status).toBe(404);
    for (const [query, field] of [
      ["", "review"],
      ["review=abc", "review"],
      [`review=${review2018}&format=pdf`, "format"],
      [`review=${review2018}&noted=maybe`, "noted"],
      [`review=${review2018}&assessments=secret`, "assessments"],
      [`review=${review2018}&lang=fr`, "lang"],
      [`review=${review2018}&lang=ZH`, "lang"],
      [`review=${review2018}&theme=${encodeURIComponent("DROP TABLE")}`, "theme"],
      [`review=${review2018}&theme=uhri:zz99`, "theme"],
    ] as const) {
      const response = await get("editorA", query);
      expect(response.status, query).toBe(400);
      expect(await issuePath(response), query).toContain(field);
    }
    const unknown = await get("editorA", `review=${review2018}&colour=red`);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: "invalid_parameters", issues: [{ code: "unrecognized_keys", keys: ["colour"] }] });
    // A member of two organisations names one; each gets its own data.
    const both = await get("both", `review=${review2018}`);
    expect(both.status).toBe(400);
    expect(await issuePath(both)).toContain("organization");
    const asB = await (await get("both", `review=${review2018}&organization=${orgB.slug}&format=csv`)).text();
    expect(asB).toContain(B_STRINGS[0]);
    expect(asB).not.toContain(A_CURRENT);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await getOpenApi().json()) as { paths: Record<string, { get: { responses: Record<string, unknown>; parameters: { name: string; required: boolean }[]; security: unknown } }> };
    const operation = doc.paths["/api/reports/mid-term"]!.get;
    expect(Object.keys(operation.responses).sort()).toEqual(["200", "400", "401", "403", "404", "500"]);
    expect(operation.parameters.map((p) => p.name).sort()).toEqual(["assessments", "format", "lang", "noted", "organization", "review", "theme"]);
    expect(operation.security).toEqual([{ sessionCookie: [] }]);
  });
});
