import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedDocument, ParsedRecommendation } from "@/lib/import/types";
import { parseExplorerSearch } from "@/lib/search-params";
import { getDb } from "@/lib/server/db";
import { applyImport } from "@/lib/server/imports";
import { listRecommendations } from "@/lib/server/recommendations";
import { parseRealFile, relabelledReview } from "../helpers/import-fixtures";
import { createTestDatabase } from "../helpers/test-database";

/**
 * The batched writer compares a file with the stored rows and writes only what differs. A corrected file (fixture:
 * China's 2018 texts relabelled as France's review) changes one text, one position, one theme, one recommending
 * State and one source category: exactly those rows are rewritten, the explorer's filters and full-text search find
 * them, and an organisation's override stays in effect.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let first: ParsedDocument;
const ids: number[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  first = relabelledReview(await parseRealFile("ohchr/CHN-cycle3-2018-thematic-list.docx"), "FRA", 3, "writer");
  expect((await applyImport(first)).outcomes).toMatchObject([{ action: "import", created: 346 }]);
  const rows = await getDb().recommendation.findMany({ select: { id: true, sourceKey: true } });
  const bySourceKey = new Map(rows.map((row) => [row.sourceKey, row.id]));
  for (const rec of first.recommendations) ids.push(bySourceKey.get(rec.sourceKey)!);
});
afterAll(async () => {
  await database.drop();
});

const query = (qs: string) => parseExplorerSearch(Object.fromEntries(new URLSearchParams(`${qs}&pageSize=100`))).query;
const found = async (qs: string): Promise<number[]> => (await listRecommendations(query(qs))).items.map((item) => item.id);

/** The override an organisation's editor would set (lib/server/action-categories.ts), written directly. */
async function overrideCategory(id: number, category: number): Promise<void> {
  const db = getDb();
  const user = await db.user.create({ data: { name: "Writer editor", email: "editor@writer.example.org" } });
  const org = await db.organization.create({ data: { name: "Writer Org", slug: "writer-org" } });
  await db.actionCategoryOverride.create({ data: { recommendationId: id, organizationId: org.id, authorUserId: user.id, category, reason: "Fixture override" } });
  await db.recommendation.update({ where: { id }, data: { actionCategory: category, actionCategoryMethod: "OVERRIDE" } });
}

function corrected(doc: ParsedDocument): ParsedDocument {
  const recs = doc.recommendations.map((rec) => ({ ...rec }));
  const edit = (i: number, change: Partial<ParsedRecommendation>): void => void (recs[i] = { ...recs[i]!, ...change });
  edit(0, { text: `${recs[0]!.text} Fixture edit zebraquokka.` });
  edit(1, recs[1]!.position === "NOTED" ? { position: "SUPPORTED", responseWording: "supported" } : { position: "NOTED", responseWording: "noted" });
  edit(2, { themes: [...recs[2]!.themes, { scheme: "UPR_INFO_ISSUE", code: null, name: "Fixture issue" }] });
  edit(3, { recommendingStates: ["BRA"] });
  edit(10, { actionCategory: recs[10]!.actionCategory === 1 ? 2 : 1, actionCategoryMethod: "SOURCE", actionCategorySource: "Fixture", actionCategoryRules: null });
  return { ...doc, sha256: createHash("sha256").update("writer:corrected").digest("hex"), fileName: "writer-FRA-cycle3-corrected.docx", recommendations: recs };
}

describe("a corrected file", () => {
  it("rewrites exactly the rows it changes", async () => {
    await overrideCategory(ids[10]!, 3);
    const before = new Map((await getDb().recommendation.findMany({ select: { id: true, updatedAt: true, sourceDocumentId: true } })).map((row) => [row.id, row]));
    const doc = corrected(first);
    const result = await applyImport(doc);
    expect(result.outcomes).toEqual([{ stateUnderReview: "FRA", cycle: 3, action: "import", created: 0, updated: 5, unchanged: 341, removed: 0 }]);

    const after = await getDb().recommendation.findMany({ select: { id: true, updatedAt: true, sourceDocumentId: true } });
    const rewritten = after.filter((row) => row.updatedAt.getTime() !== before.get(row.id)!.updatedAt.getTime()).map((row) => row.id);
    expect(rewritten.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 10].map((i) => ids[i]!).sort((a, b) => a - b));
    // The rows the new file repeats keep the document they were read from; the rewritten ones name the new one.
    expect(new Set(after.filter((row) => rewritten.includes(row.id)).map((row) => row.sourceDocumentId))).toEqual(new Set([result.sourceDocumentId]));
    expect(after.filter((row) => !rewritten.includes(row.id)).every((row) => row.sourceDocumentId === before.get(row.id)!.sourceDocumentId)).toBe(true);

    const rec = (i: number) => getDb().recommendation.findUniqueOrThrow({ where: { id: ids[i] }, include: { recommendingStates: true, themes: { include: { theme: true } } } });
    expect((await rec(0)).text).toBe(doc.recommendations[0]!.text);
    expect((await rec(1)).position).toBe(doc.recommendations[1]!.position);
    expect((await rec(2)).themes.map((t) => t.theme.slug)).toContain("upr-info:fixture-issue");
    expect((await rec(3)).recommendingStates.map((s) => s.countryIso3)).toEqual(["BRA"]);
    expect(await rec(10)).toMatchObject({ actionCategory: 3, actionCategoryMethod: "OVERRIDE", originalActionCategory: doc.recommendations[10]!.actionCategory });
  });

  it("keeps the search arrays and the full-text index right, so the explorer finds the changed rows", async () => {
    const [check] = await getDb().$queryRaw<{ themes: number; regions: number; vectors: number }[]>`
      SELECT
        (SELECT count(*)::int FROM "Recommendation" r WHERE r."themeIds" IS DISTINCT FROM
          COALESCE((SELECT array_agg(rt."themeId" ORDER BY rt."themeId") FROM "RecommendationTheme" rt WHERE rt."recommendationId" = r."id"), '{}')) AS themes,
        (SELECT count(*)::int FROM "Recommendation" r WHERE r."recommendingRegions" IS DISTINCT FROM
          COALESCE((SELECT array_agg(DISTINCT c."regionalGroup" ORDER BY c."regionalGroup") FROM "RecommendationState" rs JOIN "Country" c ON c."iso3" = rs."countryIso3"
            WHERE rs."recommendationId" = r."id" AND c."regionalGroup" IS NOT NULL), '{}')) AS regions,
        (SELECT count(*)::int FROM "Recommendation" WHERE "searchVector" IS DISTINCT FROM to_tsvector('english', "text")) AS vectors`;
    expect(check).toEqual({ themes: 0, regions: 0, vectors: 0 });

    expect(await found("sur=FRA&q=zebraquokka")).toEqual([ids[0]]);
    expect(await found("sur=FRA&theme=upr-info:fixture-issue")).toEqual([ids[2]]);
    expect(await found("sur=FRA&state=BRA")).toContain(ids[3]);
    expect(await found("sur=FRA&region=grulac")).toContain(ids[3]);
    expect(await found("sur=FRA&action=3")).toContain(ids[10]);
    const noted = (await listRecommendations(query("sur=FRA&position=noted"))).total;
    expect(noted).toBe(first.recommendations.filter((r) => r.position === "NOTED").length + (first.recommendations[1]!.position === "NOTED" ? -1 : 1));
  });

  it("writes nothing when imported again", async () => {
    const audit = await getDb().auditEvent.count();
    const last = await getDb().recommendation.aggregate({ _max: { updatedAt: true } });
    expect((await applyImport(corrected(first))).outcomes).toMatchObject([{ created: 0, updated: 0, unchanged: 346 }]);
    expect(await getDb().auditEvent.count()).toBe(audit);
    expect(await getDb().recommendation.aggregate({ _max: { updatedAt: true } })).toEqual(last);
  });
});

describe("a file without themes whose recommending States are unknown", () => {
  it("writes the rows with empty join rows and keeps the unknown count", async () => {
    const bare = relabelledReview(await parseRealFile("ohchr/CHN-cycle3-2018-thematic-list.docx"), "DEU", 3, "bare");
    const doc = { ...bare, recommendations: bare.recommendations.slice(0, 20).map((rec) => ({ ...rec, recommendingStates: [], unknownRecommendingStates: 1, themes: [], matrixTheme: null })) };
    expect((await applyImport(doc)).outcomes).toMatchObject([{ action: "import", created: 20 }]);
    const rows = await getDb().recommendation.findMany({ where: { review: { stateUnderReviewIso3: "DEU" } }, include: { _count: { select: { recommendingStates: true, themes: true } } } });
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => row.unknownRecommendingStates === 1 && row._count.recommendingStates === 0 && row._count.themes === 0)).toBe(true);
    expect(rows.every((row) => row.recommendingRegions.length === 0 && row.themeIds.length === 0)).toBe(true);
  });
});
