import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as matrixRoute } from "@/app/api/reports/matrix/route";
import { GET as reportRoute } from "@/app/api/reports/mid-term/route";
import { readDocxBody } from "@/lib/import/docx-table";
import { parseOhchrThematicList } from "@/lib/import/ohchr-docx";
import { findListLayout, gridCells, headingText, isEmptyRow, isHeaderRow } from "@/lib/import/ohchr-layout";
import { themeKey } from "@/lib/import/themes";
import type { ParsedRecommendation } from "@/lib/import/types";
import type { AssessmentInput } from "@/lib/schemas/assessment";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { createAssessment } from "@/lib/server/assessments";
import { getDb } from "@/lib/server/db";
import { getMidTermReport } from "@/lib/server/mid-term-report";
import { getViewerByEmail, type Viewer } from "@/lib/server/permissions";
import { realDataFile } from "../helpers/data-files";
import { ORIGIN, PASSWORD, readSheet, signIn } from "../helpers/status-sheet";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The OHCHR matrix (GET /api/reports/matrix) on real PostgreSQL with the real 2018 China list, as the seed imports it:
 * read back with the project's own OHCHR reader, its first three columns give exactly the recommendations the
 * original file gives; its fourth holds organisation A's current assessments and linked findings and nothing of B.
 * The mid-term report cites the same findings in every format. Every rationale, note, UN document and finding below is
 * a FIXTURE made for this test.
 */
const OPERATOR = { kind: "operator" } as const;
const A_RATIONALE = "FIXTURE A: the 2024 law covers only pilot provinces";
const A_OLD = "FIXTURE A: first look, superseded";
const A_NOTE = "FIXTURE A note: ask the ministry";
const A_URL = "https://example.org/fixture/a-pilot-provinces";
const B_STRINGS = ["FIXTURE B: secret private rationale", "FIXTURE B: public rationale", "https://example.org/fixture/b-secret", "FIXTURE B note: private", "CESCR/C/FIXTURE/2"];
const LINK_EXCERPT = "FIXTURE excerpt: legal aid limited to pilot provinces";
const CITED = `CERD, CERD/C/FIXTURE/1, para. 36 (a) (Aug 30, 2018) — “${LINK_EXCERPT}”`;
const CERD = { symbol: "CERD/C/FIXTURE/1", body: "CERD", paragraph: "36 (a)" };
const CESCR = { symbol: "CESCR/C/FIXTURE/2", body: "CESCR", paragraph: "12" };

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let review: number;
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
const viewers: Record<string, Viewer> = {};
const cookies: Record<string, string> = {};
let first: { id: number; paragraph: string | null };
let second: { id: number; paragraph: string | null };
let findingIds: { cerd: number; cescr: number };

function input(fields: Partial<AssessmentInput> & Pick<AssessmentInput, "status" | "rationale">): AssessmentInput {
  return { assessedOn: "2026-10-01", confidence: "medium", visibility: "private", evidence: [], ...fields };
}

function matrix(query: string, cookie: string | undefined = cookies.editorA): Promise<Response> {
  return matrixRoute(new Request(`${ORIGIN}/api/reports/matrix?${query}`, { headers: cookie ? { cookie } : {} }));
}

/** Every XML part of a .docx as text, entities decoded: what any reader of the file could find in it. */
async function everyPart(bytes: ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).map((file) => file.async("string")));
  return parts.join("\n").replace(/<[^>]+>/g, "").replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

/** The fourth column of each recommendation row, by paragraph number, as the project's docx reader sees it. */
async function fourthColumn(bytes: Buffer): Promise<Map<string, string>> {
  const layout = findListLayout((await readDocxBody(bytes)).tables)!;
  const cells = new Map<string, string>();
  for (const row of layout.table.rows.slice(layout.headerRow + 1)) {
    if (isEmptyRow(row) || isHeaderRow(row) || headingText(row) !== null) continue;
    const grid = gridCells(row);
    const paragraph = /^(\d+\.\d+)/.exec(grid[0]!.paragraphs[0] ?? "")![1]!;
    cells.set(paragraph, (grid[3]?.paragraphs ?? []).join("\n"));
  }
  return cells;
}

/** What a row of the list says in its first three columns (and the heading it is under), comparable across files. */
function published(row: ParsedRecommendation) {
  return {
    paragraph: row.paragraph,
    text: row.text,
    recommendingStates: row.recommendingStates,
    position: row.position,
    responseWording: row.responseWording,
    positionSource: row.positionSource,
    themes: row.themes.map(themeKey).sort(),
    matrixTheme: row.matrixTheme ? themeKey(row.matrixTheme) : null,
  };
}

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  const db = getDb();
  review = (await db.review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  orgA = await createOrganization(OPERATOR, "Matrix Watch A");
  orgB = await createOrganization(OPERATOR, "Matrix Watch B");
  const users = [
    ["editorA", "Matrix Watch A", "editor"],
    ["viewerA", "Matrix Watch A", "viewer"],
    ["editorB", "Matrix Watch B", "editor"],
  ] as const;
  for (const [name, organization, role] of users) {
    await addUser(OPERATOR, { email: `${name}@example.org`, password: PASSWORD, name: `${name} name`, organization: { name: organization, role } });
  }
  await addUser(OPERATOR, { email: "loner@example.org", password: PASSWORD, name: "loner name" });
  for (const [index, name] of ["editorA", "viewerA", "editorB", "loner"].entries()) {
    viewers[name] = (await getViewerByEmail(`${name}@example.org`))!;
    cookies[name] = await signIn(`${name}@example.org`, `10.7.0.${index + 1}`);
  }
  const select = { id: true, paragraph: true } as const;
  const supported = await db.recommendation.findMany({ where: { reviewId: review, position: "SUPPORTED" }, orderBy: { ordinal: "asc" }, take: 2, select });
  [first, second] = [supported[0]!, supported[1]!];

  // Two FIXTURE UN documents with one finding each.
  const finding = async (doc: typeof CERD, text: string) => {
    const document = await db.unDocument.create({ data: { symbol: doc.symbol, mechanism: "TREATY_BODY", body: doc.body, title: `FIXTURE ${doc.body} observations`, date: new Date("2018-08-30") } });
    return (await db.finding.create({ data: { documentId: document.id, paragraph: doc.paragraph, text, stateIso3: "CHN", affectedPersons: [] } })).id;
  };
  findingIds = { cerd: await finding(CERD, "FIXTURE: the committee is concerned that legal aid is limited to pilot provinces."), cescr: await finding(CESCR, "FIXTURE: another finding.") };

  // A: an older public version and a newer private one on the first recommendation, citing the CERD finding; a note.
  const a = viewers.editorA!;
  await createAssessment(a, first!.id, input({ status: "not_implemented", rationale: A_OLD, visibility: "public" }));
  await createAssessment(
    a,
    first!.id,
    input({
      status: "partially_implemented",
      rationale: A_RATIONALE,
      evidence: [
        { kind: "url", reference: A_URL, stance: "supports", excerpt: "pilot provinces" },
        { kind: "un-symbol", reference: CERD.symbol, stance: "contradicts" },
      ],
    }),
  );
  await db.evidence.updateMany({ where: { reference: CERD.symbol, assessment: { organizationId: orgA.id } }, data: { findingId: findingIds.cerd } });
  await db.note.create({ data: { recommendationId: first!.id, organizationId: orgA.id, authorUserId: a.user.id, body: A_NOTE } });
  // A's links: CERD confirmed as contradicting the first; CESCR rejected there (never cited).
  await db.findingLink.createMany({
    data: [
      { findingId: findingIds.cerd, recommendationId: first!.id, organizationId: orgA.id, status: "CONFIRMED", stance: "CONTRADICTS", excerpt: LINK_EXCERPT, decidedByUserId: a.user.id },
      { findingId: findingIds.cescr, recommendationId: first!.id, organizationId: orgA.id, status: "REJECTED", decidedByUserId: a.user.id },
    ],
  });

  // B: a private and a public assessment, a private note, and its own confirmed link.
  const b = viewers.editorB!;
  await createAssessment(b, first!.id, input({ status: "not_implemented", rationale: B_STRINGS[0]!, evidence: [{ kind: "url", reference: B_STRINGS[2]!, stance: "contradicts" }] }));
  await createAssessment(b, second!.id, input({ status: "fully_implemented", rationale: B_STRINGS[1]!, visibility: "public" }));
  await db.note.create({ data: { recommendationId: first!.id, organizationId: orgB.id, authorUserId: b.user.id, body: B_STRINGS[3]! } });
  await db.findingLink.create({ data: { findingId: findingIds.cescr, recommendationId: second!.id, organizationId: orgB.id, status: "CONFIRMED", stance: "SUPPORTS", decidedByUserId: b.user.id } });
}, 180_000);
afterAll(async () => {
  await database.drop();
});

describe("GET /api/reports/matrix", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    const response = await matrix(`review=${review}&format=docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    // A file name a person reads: the State and the cycle, not slugs.
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toContain('filename="China, 2018 (3rd cycle) - OHCHR thematic list with the assessments of Matrix Watch A.docx"');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe("China, 2018 (3rd cycle) – OHCHR thematic list with the assessments of Matrix Watch A.docx");
    bytes = Buffer.from(await response.arrayBuffer());
  }, 60_000);

  it("unzips to word/document.xml", async () => {
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file("word/document.xml")).not.toBeNull();
    expect(await zip.file("word/document.xml")!.async("string")).toContain("Assessment/comments on level of implementation");
  });

  it("reads back, with the project's OHCHR reader, as the very recommendations the original 2018 list gives, row by row", async () => {
    const original = await parseOhchrThematicList(await readFile(realDataFile("ohchr/CHN-cycle3-2018-thematic-list.docx")), { fileName: "original.docx" });
    const exported = await parseOhchrThematicList(bytes, { fileName: "matrix.docx" });
    expect(exported.errors).toEqual([]);
    expect(exported.reviews).toEqual(original.reviews);
    expect(exported.recommendations).toHaveLength(346);
    expect(exported.recommendations.map(published)).toEqual(original.recommendations.map(published));
    // And as stored: the text of every recommendation, unchanged.
    const stored = await getDb().recommendation.findMany({ where: { reviewId: review }, select: { paragraph: true, text: true } });
    const texts = new Map(exported.recommendations.map((row) => [row.paragraph, row.text]));
    for (const row of stored) expect(texts.get(row.paragraph!)).toBe(row.text);
  });

  it("reads back as the 2013 list too (its older numbering, themes in the list's own order)", async () => {
    const review2013 = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 2 } })).id;
    const response = await matrix(`review=${review2013}`);
    expect(response.status).toBe(200);
    const exported = await parseOhchrThematicList(Buffer.from(await response.arrayBuffer()), { fileName: "matrix-2013.docx" });
    const original = await parseOhchrThematicList(await readFile(realDataFile("ohchr/CHN-cycle2-2013-thematic-list.docx")), { fileName: "original-2013.docx" });
    expect(exported.errors).toEqual([]);
    expect(exported.reviews).toEqual(original.reviews);
    expect(exported.recommendations.map(published)).toEqual(original.recommendations.map(published));
  });

  it("fills the fourth column from A's current assessment and confirmed findings only", async () => {
    const cells = await fourthColumn(bytes);
    expect(cells.size).toBe(346);
    const mine = cells.get(first!.paragraph!)!;
    expect(mine).toContain("Status: Partially implemented, assessed Oct 1, 2026, confidence medium, private");
    expect(mine).toContain(`Rationale: ${A_RATIONALE}`);
    expect(mine).toContain(A_URL);
    // The evidence cites the finding; the finding A linked is listed with its stance, body, symbol and paragraph.
    expect(mine).toContain(`Contradicts the government’s response: ${CERD.symbol} — cites CERD, ${CERD.symbol}, para. 36 (a)`);
    expect(mine).toContain(`UN findings linked\n– Contradicts the government’s response: ${CITED}`);
    expect(mine).not.toContain(A_OLD);
    expect(mine).not.toContain(CESCR.symbol);
    // Every other row is empty, as OHCHR leaves the column: B assessed and linked the second, which A did not.
    expect([...cells].filter(([paragraph, text]) => paragraph !== first!.paragraph && text !== "")).toEqual([]);
    const document = await JSZip.loadAsync(bytes).then((zip) => zip.file("word/document.xml")!.async("string"));
    expect(document).toContain(`w:hyperlink`);
  });

  it("never holds another organisation's rationale, evidence, notes or links, nor A's notes", async () => {
    const text = await everyPart(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    for (const secret of [...B_STRINGS, A_NOTE, A_OLD]) expect(text).not.toContain(secret);
    expect(text).toContain("Matrix Watch A");
    expect(text).toContain("Private: contains private assessments");
  });

  it("with assessments=public, holds A's public version only", async () => {
    const response = await matrix(`review=${review}&assessments=public`);
    expect(response.status).toBe(200);
    const cells = await fourthColumn(Buffer.from(await response.arrayBuffer()));
    expect(cells.get(first!.paragraph!)).toContain(A_OLD);
    expect(cells.get(first!.paragraph!)).not.toContain(A_RATIONALE);
  });

  it("is the mid-term report's access: members of any role, no one else", async () => {
    expect((await matrix(`review=${review}`, cookies.viewerA)).status).toBe(200);
    expect((await matrix(`review=${review}`, cookies.loner)).status).toBe(403);
    expect((await matrix(`review=${review}&organization=${orgA.slug}`, cookies.editorB)).status).toBe(403);
    expect((await matrix(`review=${review}`, "")).status).toBe(401);
  });

  it("answers a bad review with a clear 400 or 404", async () => {
    const bad = await matrix("review=abc");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("review");
    expect((await matrix("")).status).toBe(400);
    expect((await matrix(`review=${review}&format=pdf`)).status).toBe(400);
    const missing = await matrix("review=999999");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not_found" });
  });

  it("is logged in A's audit log as a download", async () => {
    const events = await getDb().auditEvent.findMany({ where: { organizationId: orgA.id, action: "download.mid-term-report" } });
    expect(events.some((event) => (event.changes as { layout?: string }).layout === "ohchr-matrix")).toBe(true);
  });
});

describe("the mid-term report cites A's linked findings", () => {
  const get = (format: string) => reportRoute(new Request(`${ORIGIN}/api/reports/mid-term?review=${review}&format=${format}`, { headers: { cookie: cookies.editorA! } }));

  it("in its data: A's confirmed links, the evidence's cited finding, nothing of B or of a rejected link", async () => {
    const report = await getMidTermReport(viewers.editorA!, { review, theme: [], noted: true });
    const all = report.sections.flatMap((section) => section.recommendations);
    const cited = all.find((r) => r.id === first!.id)!;
    expect(cited.findings).toEqual([
      { id: findingIds.cerd, body: "CERD", symbol: CERD.symbol, paragraph: "36 (a)", date: "2018-08-30", stance: "contradicts", excerpt: LINK_EXCERPT, url: `https://docs.un.org/en/${CERD.symbol}` },
    ]);
    expect(cited.current!.evidence[1]!.finding).toMatchObject({ id: findingIds.cerd, symbol: CERD.symbol });
    expect(all.find((r) => r.id === second!.id)!.findings).toEqual([]);
    expect(all.filter((r) => (r.findings ?? []).length > 0)).toHaveLength(1);
  });

  it("in the HTML, the .docx and the CSV", async () => {
    const line = `Contradicts the government’s response: ${CITED}`;
    const html = await (await get("html")).text();
    expect(html).toContain(`<a href="https://docs.un.org/en/${CERD.symbol}"`);
    expect(html.replace(/<[^>]+>/g, "")).toContain(line);
    const docx = await everyPart(await (await get("docx")).arrayBuffer());
    expect(docx).toContain("UN findings linked");
    expect(docx).toContain(line);
    const sheet = readSheet(await (await get("csv")).arrayBuffer());
    // The CSV's dates are ISO, as in all its columns.
    expect(sheet.header.at(-1)).toBe("findings");
    const rows = sheet.rows as unknown as Record<string, string>[];
    expect(rows.find((row) => row.recommendation_id === String(first!.id))!.findings).toBe(`${line.replace("Aug 30, 2018", "2018-08-30")} https://docs.un.org/en/${CERD.symbol}`);
    expect(rows.filter((row) => row.findings !== "")).toHaveLength(1);
    for (const text of [html, docx, JSON.stringify(rows)]) for (const secret of B_STRINGS) expect(text).not.toContain(secret);
  });
});
