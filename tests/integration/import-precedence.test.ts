import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportEvent } from "@/lib/import/plan";
import { getDb } from "@/lib/server/db";
import { applyImport, previewImport } from "@/lib/server/imports";
import { joinDocuments, parseRealFile, relabelledReview } from "../helpers/import-fixtures";
import { createTestDatabase } from "../helpers/test-database";

/**
 * Source precedence and per-review transactions on real PostgreSQL, with the shipped China files: China's 2013 review
 * loaded from the OHCHR list, then UPR Info's export holding both 2009 and 2013.
 */
const OHCHR_2013 = "ohchr/CHN-cycle2-2013-thematic-list.docx";
const UPR_INFO = "upr-info/CHN-upr-info-2009-2013.csv";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let userId: string;
let organizationId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  userId = (await getDb().user.create({ data: { name: "Precedence editor", email: "editor@precedence.example.org" } })).id;
  organizationId = (await getDb().organization.create({ data: { name: "Precedence Org", slug: "precedence-org" } })).id;
});
afterAll(async () => {
  await database.drop();
});

/** Everything an import could write, so "writes nothing" is checked, not assumed. */
async function snapshot() {
  const [row] = await getDb().$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT count(*)::int FROM "Recommendation") AS recs, (SELECT count(*)::int FROM "RecommendationState") AS states,
      (SELECT count(*)::int FROM "RecommendationTheme") AS themes, (SELECT count(*)::int FROM "Theme") AS "themeCatalogue",
      (SELECT count(*)::int FROM "SourceDocument") AS documents, (SELECT count(*)::int FROM "Review") AS reviews,
      (SELECT count(*)::int FROM "AuditEvent") AS audit, (SELECT max("updatedAt") FROM "Recommendation") AS "lastUpdate",
      (SELECT max("updatedAt") FROM "Review") AS "lastReviewUpdate"`;
  return row;
}

async function sourcesOf(cycle: number): Promise<Record<string, number>> {
  const rows = await getDb().$queryRaw<{ format: string; n: number }[]>`
    SELECT s."format"::text AS format, count(*)::int AS n FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
    JOIN "SourceDocument" s ON s."id" = r."sourceDocumentId" WHERE v."stateUnderReviewIso3" = 'CHN' AND v."cycle" = ${cycle} GROUP BY 1`;
  return Object.fromEntries(rows.map((row) => [row.format, row.n]));
}

describe("source precedence", () => {
  let cycle2InUprInfo = 0;

  it("imports the reviews without another source and skips the one loaded from OHCHR, with one note", async () => {
    expect((await applyImport(await parseRealFile(OHCHR_2013))).outcomes).toMatchObject([{ action: "import", created: 252 }]);
    const upr = await parseRealFile(UPR_INFO);
    const preview = await previewImport(upr);
    expect(preview.reviews.map((r) => [r.stateUnderReview, r.cycle, r.action])).toEqual([["CHN", 1, "import"], ["CHN", 2, "skip"]]);
    expect(preview.reviews[1]).toMatchObject({ loaded: 252, existingFamily: "OHCHR", note: "already loaded from the OHCHR thematic list (CHN-cycle2-2013-thematic-list.docx)" });
    cycle2InUprInfo = preview.reviews[1]!.found;

    const events: ImportEvent[] = [];
    const result = await applyImport(upr, { onEvent: (event) => events.push(event) });
    expect(result.outcomes).toEqual([
      { stateUnderReview: "CHN", cycle: 1, action: "import", created: 137, updated: 0, unchanged: 0, removed: 0 },
      { stateUnderReview: "CHN", cycle: 2, action: "skip", created: 0, updated: 0, unchanged: 0, removed: 0 },
    ]);
    expect(events.map((e) => (e.type === "review" ? `${e.phase} ${e.cycle}` : e.type))).toEqual(["preview", "start 1", "done 1", "start 2", "done 2", "result"]);
    expect(await sourcesOf(2)).toEqual({ OHCHR_THEMATIC_LIST: 252 });
    expect(await sourcesOf(1)).toEqual({ UPR_INFO_CSV: 137 });
    const audit = await getDb().auditEvent.findMany({ where: { action: { startsWith: "import" } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, (e.changes as { cycle: number }).cycle])).toEqual([["import", 2], ["import", 1]]);
  });

  it("refuses to replace a review an organisation has assessed, naming the work and changing nothing", async () => {
    const rec = await getDb().recommendation.findFirstOrThrow({ where: { review: { cycle: 2 } }, select: { id: true } });
    await getDb().assessment.create({
      data: { recommendationId: rec.id, organizationId, authorUserId: userId, status: "NOT_IMPLEMENTED", assessedOn: new Date("2024-01-15"), rationale: "Fixture assessment", confidence: "LOW", version: 1 },
    });
    const before = await snapshot();
    const result = await applyImport(await parseRealFile(UPR_INFO), { replace: true, actorUserId: userId });
    expect(result.outcomes.map((o) => o.action)).toEqual(["import", "refuse"]);
    expect(result.reviews[1]!.note).toBe("not replaced: organisations' work hangs on the recommendations from the OHCHR thematic list (CHN-cycle2-2013-thematic-list.docx) (1 assessment)");
    expect(await snapshot()).toEqual(before);
    await getDb().assessment.deleteMany({});
  });

  it("replaces the review's source when asked, audited", async () => {
    // An official language version on one of the OHCHR rows: it goes with its row, and the audit says so.
    const rec = await getDb().recommendation.findFirstOrThrow({ where: { review: { cycle: 2 } }, select: { id: true } });
    await getDb().recommendationText.create({ data: { recommendationId: rec.id, language: "zh", text: "Fixture text, not a UN translation" } });
    const upr = await parseRealFile(UPR_INFO);
    expect((await previewImport(upr, { replace: true })).reviews[1]).toMatchObject({
      action: "replace",
      note: "replaces the OHCHR thematic list (CHN-cycle2-2013-thematic-list.docx): 252 recommendations removed",
    });
    const result = await applyImport(upr, { replace: true, actorUserId: userId });
    expect(result.outcomes).toEqual([
      { stateUnderReview: "CHN", cycle: 1, action: "import", created: 0, updated: 0, unchanged: 137, removed: 0 },
      { stateUnderReview: "CHN", cycle: 2, action: "replace", created: cycle2InUprInfo, updated: 0, unchanged: 0, removed: 252 },
    ]);
    expect(await sourcesOf(2)).toEqual({ UPR_INFO_CSV: cycle2InUprInfo });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "import.replace" } });
    expect(event).toMatchObject({ actorUserId: userId, subjectType: "review" });
    expect(event.changes).toMatchObject({ cycle: 2, fromFamily: "OHCHR", toFamily: "UPR_INFO", removed: 252, officialTextsRemoved: 1, created: cycle2InUprInfo, fileName: "CHN-upr-info-2009-2013.csv" });
    expect(await getDb().recommendationText.count()).toBe(0);
  });

  it("writes nothing when the same file is imported again, and now skips the OHCHR list", async () => {
    const before = await snapshot();
    const again = await applyImport(await parseRealFile(UPR_INFO), { replace: true });
    expect(again.outcomes.map((o) => [o.action, o.created, o.updated, o.unchanged])).toEqual([["import", 0, 0, 137], ["import", 0, 0, cycle2InUprInfo]]);
    expect(again.sourceDocumentId).toBeNull();
    expect(await snapshot()).toEqual(before);

    const list = await applyImport(await parseRealFile(OHCHR_2013));
    expect(list.reviews[0]).toMatchObject({ action: "skip", existingFamily: "UPR_INFO", note: "already loaded from the UPR Info database (CHN-upr-info-2009-2013.csv)" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("one transaction per review", () => {
  it("keeps the reviews before a failing one and leaves the failing one as it was", async () => {
    const list = await parseRealFile("ohchr/CHN-cycle3-2018-thematic-list.docx");
    await applyImport(relabelledReview(list, "GBR", 3, "atomic"));
    const gbrBefore = await getDb().recommendation.findMany({ where: { review: { stateUnderReviewIso3: "GBR" } }, include: { recommendingStates: true }, orderBy: { id: "asc" } });
    expect(gbrBefore).toHaveLength(346);

    // The second review (GBR) changes one text, then fails on its last row: a recommending State the database lacks.
    const gbr = relabelledReview(list, "GBR", 3, "atomic");
    gbr.recommendations[0] = { ...gbr.recommendations[0]!, text: `${gbr.recommendations[0]!.text} (fixture edit)` };
    gbr.recommendations[345] = { ...gbr.recommendations[345]!, recommendingStates: ["XXX"] };
    const events: ImportEvent[] = [];
    const both = joinDocuments([relabelledReview(list, "FRA", 3, "atomic"), gbr], "atomic-fra-gbr");
    await expect(applyImport(both, { onEvent: (event) => events.push(event) })).rejects.toThrow();

    expect(await getDb().recommendation.count({ where: { review: { stateUnderReviewIso3: "FRA" } } })).toBe(346);
    const gbrAfter = await getDb().recommendation.findMany({ where: { review: { stateUnderReviewIso3: "GBR" } }, include: { recommendingStates: true }, orderBy: { id: "asc" } });
    expect(gbrAfter).toEqual(gbrBefore);
    expect(events.at(-1)).toMatchObject({ type: "error", message: expect.stringMatching(/^GBR cycle 3: not imported/) });
    expect(events.filter((e) => e.type === "review").map((e) => e.type === "review" && `${e.stateUnderReview} ${e.phase}`)).toEqual(["FRA start", "FRA done", "GBR start"]);
  });
});
