import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImportFile } from "@/lib/import";
import { getDb } from "@/lib/server/db";
import { importParsedDocument } from "@/lib/server/imports";
import { createTestDatabase } from "../helpers/test-database";

const DATA = path.resolve("prisma", "data");

async function parse(file: string, options: { stateUnderReview?: string; cycle?: number } = {}) {
  const buffer = await fs.readFile(path.join(DATA, file));
  return parseImportFile(buffer, { fileName: path.basename(file), ...options });
}

async function counts() {
  const db = getDb();
  const [recommendations, states, themes, links, documents, reviews] = await Promise.all([
    db.recommendation.count(),
    db.recommendationState.count(),
    db.theme.count(),
    db.recommendationTheme.count(),
    db.sourceDocument.count(),
    db.review.count(),
  ]);
  return { recommendations, states, themes, links, documents, reviews };
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("importing China's 2018 thematic list", () => {
  it("writes what the document says", async () => {
    const doc = await parse("ohchr/CHN-cycle3-2018-thematic-list.docx");
    const outcome = await importParsedDocument(doc);
    expect(outcome).toMatchObject({ created: 346, updated: 0, unchanged: 0 });

    const db = getDb();
    const review = await db.review.findUniqueOrThrow({
      where: { stateUnderReviewIso3_cycle: { stateUnderReviewIso3: "CHN", cycle: 3 } },
      include: { _count: { select: { recommendations: true } } },
    });
    expect(review).toMatchObject({ session: 31, reportSymbol: "A/HRC/40/6", addendumSymbol: "A/HRC/40/6/Add.1" });
    expect(review._count.recommendations).toBe(346);

    const byPosition = await db.recommendation.groupBy({ by: ["position"], where: { reviewId: review.id }, _count: { _all: true } });
    expect(Object.fromEntries(byPosition.map((row) => [row.position, row._count._all]))).toEqual({ SUPPORTED: 284, NOTED: 62 });

    const paragraphs = (await db.recommendation.findMany({ where: { reviewId: review.id }, select: { paragraph: true } })).map((r) => r.paragraph);
    expect(new Set(paragraphs)).toEqual(new Set(Array.from({ length: 346 }, (_, i) => `28.${i + 1}`)));

    for (const paragraph of ["28.66", "28.9"]) {
      const rec = await db.recommendation.findFirstOrThrow({
        where: { reviewId: review.id, paragraph },
        include: { recommendingStates: { orderBy: { ordinal: "asc" } } },
      });
      expect(rec.recommendingStates).toHaveLength(6);
    }
    const ninth = await db.recommendation.findFirstOrThrow({
      where: { reviewId: review.id, paragraph: "28.9" },
      include: { recommendingStates: { orderBy: { ordinal: "asc" } } },
    });
    expect(ninth.recommendingStates.map((s) => s.countryIso3)).toEqual(["BEN", "EST", "GEO", "LVA", "MLT", "NAM"]);
    expect(ninth.text.startsWith("Continue its actions and initiatives aiming at the ratification")).toBe(true);

    const uk = await db.recommendation.findMany({
      where: { reviewId: review.id, recommendingStates: { some: { countryIso3: "GBR" } } },
      select: { paragraph: true, position: true, positionSource: true },
    });
    expect(uk.map((r) => r.paragraph).sort()).toEqual(["28.19", "28.22", "28.5"]);
    expect(uk.every((r) => r.position === "NOTED" && r.positionSource === "A/HRC/40/6/Add.1 - Para. 2")).toBe(true);

    const coded = await db.theme.findFirstOrThrow({ where: { scheme: "UHRI_CODED", code: "A12" } });
    expect(coded.name).toBe("Acceptance of international norms");
    const primary = await db.recommendationTheme.count({ where: { primary: true, recommendation: { reviewId: review.id } } });
    expect(primary).toBe(346);
  });

  it("keeps the search arrays equal to the recommending States' regions and the theme links", async () => {
    const [row] = await getDb().$queryRaw<{ mismatched: number; weog: number; weogByJoin: number }[]>`
      SELECT
        (SELECT count(*)::int FROM "Recommendation" r WHERE r."themeIds" IS DISTINCT FROM
          COALESCE((SELECT array_agg(rt."themeId" ORDER BY rt."themeId") FROM "RecommendationTheme" rt WHERE rt."recommendationId" = r."id"), '{}')) AS mismatched,
        (SELECT count(*)::int FROM "Recommendation" WHERE "recommendingRegions" && ARRAY['WEOG'::"RegionalGroup"]) AS weog,
        (SELECT count(DISTINCT rs."recommendationId")::int FROM "RecommendationState" rs JOIN "Country" c ON c."iso3" = rs."countryIso3"
          WHERE c."regionalGroup" = 'WEOG') AS "weogByJoin"`;
    expect(row).toEqual({ mismatched: 0, weog: row!.weogByJoin, weogByJoin: expect.any(Number) });
    expect(row!.weog).toBeGreaterThan(50);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await counts();
    const outcome = await importParsedDocument(await parse("ohchr/CHN-cycle3-2018-thematic-list.docx"));
    expect(outcome).toMatchObject({ created: 0, updated: 0, unchanged: 346 });
    expect(await counts()).toEqual(before);
  });
});

describe("importing the other real files", () => {
  it("imports the 2013 list and UPR Info's 2009 rows with their action categories", async () => {
    const list = await importParsedDocument(await parse("ohchr/CHN-cycle2-2013-thematic-list.docx"));
    expect(list.created).toBe(252);
    const rows = await importParsedDocument(await parse("upr-info/CHN-upr-info-2009-2013.csv", { stateUnderReview: "CHN", cycle: 1 }));
    expect(rows.created).toBeGreaterThan(100);
    const db = getDb();
    const cycle1 = await db.recommendation.findMany({ where: { review: { cycle: 1, stateUnderReviewIso3: "CHN" } } });
    expect(cycle1).toHaveLength(rows.created);
    expect(cycle1.every((r) => r.actionCategory !== null && r.actionCategorySource === "UPR Info")).toBe(true);
    const sierraLeone = await db.recommendationState.count({ where: { countryIso3: "SLE", recommendation: { review: { cycle: 2 } } } });
    expect(sierraLeone).toBe(3);
  });

  it("skips UPR Info rows for a review already loaded from an OHCHR list, writing nothing", async () => {
    const before = await counts();
    const doc = await parse("upr-info/CHN-upr-info-2009-2013.csv", { stateUnderReview: "CHN", cycle: 2 });
    expect(await importParsedDocument(doc)).toEqual({ sourceDocumentId: null, created: 0, updated: 0, unchanged: 0, removed: 0, skipped: 1 });
    expect(await counts()).toEqual(before);
  });
});

describe("a failing import", () => {
  it("leaves nothing behind when a row fails inside the transaction", async () => {
    const before = await counts();
    const doc = await parse("ohchr/CHN-cycle3-2018-thematic-list.docx");
    // A fresh source key for every row but the last, whose recommending State is not in the Country table:
    // the database rejects it after 345 rows were written inside the transaction.
    const recs = doc.recommendations.map((rec) => ({ ...rec, sourceKey: `${rec.sourceKey}:copy` }));
    recs[recs.length - 1] = { ...recs[recs.length - 1]!, recommendingStates: ["XXX"] };
    await expect(importParsedDocument({ ...doc, sha256: "f".repeat(64), recommendations: recs })).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("writes nothing when the parser reported errors", async () => {
    const before = await counts();
    const doc = await parse("ohchr/CHN-cycle3-2018-thematic-list.docx");
    const rejected = importParsedDocument({ ...doc, errors: [{ location: "paragraph 28.7", message: "unknown recommending State \"Narnia\"" }] });
    await expect(rejected).rejects.toMatchObject({ issues: [{ location: "paragraph 28.7" }] });
    expect(await counts()).toEqual(before);
  });
});
