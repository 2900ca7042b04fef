import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentInput } from "@/lib/schemas/assessment";
import type { MidTermReportInput, ReportAssessment } from "@/lib/schemas/mid-term-report";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { createAssessment } from "@/lib/server/assessments";
import { toDto, ASSESSMENT_SELECT } from "@/lib/server/assessments/dto";
import { getDb } from "@/lib/server/db";
import { getMidTermReport, reportQuery } from "@/lib/server/mid-term-report";
import { getViewerByEmail, type Viewer } from "@/lib/server/permissions";
import { reportSections } from "@/lib/mid-term-report/sections";
import { listRecommendations, type RecommendationRow } from "@/lib/server/recommendations";
import { listReviewSummaries } from "@/lib/server/reviews";
import { refreshStaleSummaries } from "@/lib/server/stats/summary-refresh";
import { listReviewChoices } from "@/lib/server/status-sheet/review-choices";
import { PASSWORD } from "../helpers/status-sheet";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The member pages' reads that scale with one review, on real PostgreSQL with the real China data, equal to the reads
 * they replace: the review chooser (from the stats summaries, or counted) equals every review summary with something
 * loaded; the mid-term report's rows equal the explorer's pages of its query, and its current assessments equal each
 * recommendation's latest version read one by one (private, public, withdrawn, with evidence), never another
 * organisation's.
 */
const OPERATOR = { kind: "operator" } as const;

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let review: number;
let otherReview: number;
let org: { id: string; slug: string };
let other: { id: string; slug: string };
let editor: Viewer;
let otherEditor: Viewer;

function input(fields: Partial<AssessmentInput> & Pick<AssessmentInput, "status" | "rationale">): AssessmentInput {
  return { assessedOn: "2026-10-01", confidence: "medium", visibility: "private", evidence: [], ...fields };
}

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  const db = getDb();
  review = (await db.review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  otherReview = (await db.review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 2 } })).id;
  org = await createOrganization(OPERATOR, "Reads Watch");
  other = await createOrganization(OPERATOR, "Reads Elsewhere");
  await addUser(OPERATOR, { email: "reads@example.org", password: PASSWORD, name: "reads name", organization: { name: "Reads Watch", role: "editor" } });
  await addUser(OPERATOR, { email: "reads-other@example.org", password: PASSWORD, name: "other name", organization: { name: "Reads Elsewhere", role: "editor" } });
  editor = (await getViewerByEmail("reads@example.org"))!;
  otherEditor = (await getViewerByEmail("reads-other@example.org"))!;

  // Every fifth recommendation of the review (noted ones among them), a few of the other review.
  const ids = (await db.recommendation.findMany({ where: { reviewId: review }, orderBy: { ordinal: "asc" }, select: { id: true } })).map((r) => r.id);
  const elsewhere = (await db.recommendation.findMany({ where: { reviewId: otherReview }, orderBy: { ordinal: "asc" }, take: 3, select: { id: true } })).map((r) => r.id);
  const picked = ids.filter((_, index) => index % 5 === 0);
  for (const [index, id] of picked.entries()) {
    // Versions: public then private; public only; private only; public with evidence, then withdrawn.
    const kind = index % 4;
    await createAssessment(editor, id, input({ status: "not_implemented", rationale: `first ${id}`, visibility: kind === 2 ? "private" : "public" }));
    if (kind === 0) await createAssessment(editor, id, input({ status: "partially_implemented", rationale: `second ${id}`, confidence: "high", assessedOn: "2026-11-15" }));
    if (kind === 3) {
      await createAssessment(
        editor,
        id,
        input({
          status: "fully_implemented",
          rationale: `evidenced ${id}`,
          visibility: "public",
          evidence: [
            { kind: "url", reference: `https://example.org/${id}`, excerpt: "an excerpt", stance: "supports", date: "2025-06-30" },
            { kind: "un-symbol", reference: "A/HRC/56/6", stance: "context" },
          ],
        }),
      );
      await db.assessment.update({
        where: { recommendationId_organizationId_version: { recommendationId: id, organizationId: org.id, version: 2 } },
        data: { withdrawnAt: new Date("2026-11-02T23:30:00Z"), withdrawnByUserId: editor.user.id, withdrawalReason: "Fixture: published by mistake" },
      });
    }
    // Another organisation's newer assessments of the same recommendations, public and private.
    if (index % 3 === 0) await createAssessment(otherEditor, id, input({ status: "regressed", rationale: `Fixture-other ${id}`, visibility: index % 2 === 0 ? "public" : "private" }));
  }
  for (const id of elsewhere) await createAssessment(editor, id, input({ status: "regressed", rationale: `Fixture-elsewhere ${id}` }));
}, 240_000);
afterAll(async () => {
  await database.drop();
});

/** The report's rows as the explorer pages them (the read the report made before: pages of 500, here of 40). */
async function pagedRows(choice: MidTermReportInput): Promise<RecommendationRow[]> {
  const query = { ...reportQuery(choice), pageSize: 40 };
  const rows: RecommendationRow[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listRecommendations({ ...query, page });
    rows.push(...result.items);
    if (rows.length >= result.total || result.items.length === 0) return rows;
  }
}

/** Each recommendation's latest version (readable in the scope), read one recommendation at a time through Prisma. */
async function latestOneByOne(recommendationIds: number[], publicOnly: boolean): Promise<Map<number, ReportAssessment>> {
  const current = new Map<number, ReportAssessment>();
  for (const recommendationId of recommendationIds) {
    const row = await getDb().assessment.findFirst({
      where: { recommendationId, organizationId: org.id, ...(publicOnly ? { visibility: "PUBLIC", withdrawnAt: null } : {}) },
      orderBy: { version: "desc" },
      select: ASSESSMENT_SELECT,
    });
    if (!row) continue;
    const dto = toDto(row);
    const { status, assessedOn, confidence, visibility, version, rationale, evidence } = dto;
    current.set(recommendationId, { status, assessedOn, confidence, visibility, withdrawnOn: row.withdrawnAt?.toISOString().slice(0, 10) ?? null, version, rationale, evidence });
  }
  return current;
}

describe("the mid-term report's reads", () => {
  const CHOICES: [string, Partial<MidTermReportInput>][] = [
    ["every recommendation, every assessment", {}],
    ["noted left out, public assessments", { noted: false, assessments: "public" }],
    ["two themes", { theme: ["uhri:d23", "uhri:a12"] }],
    ["two themes, public assessments", { theme: ["uhri:a12", "uhri:d23"], assessments: "public" }],
  ];

  it.each(CHOICES)("%s: the rows are the explorer's, the statuses each recommendation's latest in the scope", async (_name, choice) => {
    const chosen: MidTermReportInput = { review, theme: [], noted: true, organization: org.slug, ...choice };
    const report = await getMidTermReport(editor, chosen);
    const listed = report.sections.flatMap((section) => section.recommendations);
    const paged = await pagedRows(chosen);
    const publicOnly = chosen.assessments === "public";

    // The review's facts, as its summary gives them.
    const summary = (await listReviewSummaries(getDb(), { ids: [review] }))[0]!;
    const { id, stateUnderReview, cycle, session, reviewDate, reportSymbol, addendumSymbol, loaded } = summary;
    expect(report.review).toEqual({ id, stateUnderReview, cycle, session, reviewDate, reportSymbol, addendumSymbol, loaded, reportedTotal: summary.reported.total });

    // The same recommendations in the same order (by primary theme, or under each chosen theme), with the same columns.
    const byId = new Map(paged.map((row) => [row.id, row]));
    expect(new Set(listed.map((r) => r.id))).toEqual(new Set(paged.map((row) => row.id)));
    for (const recommendation of listed) {
      const row = byId.get(recommendation.id)!;
      expect(recommendation).toMatchObject({ paragraph: row.paragraph, text: row.text, textLanguage: row.textLanguage, responseWording: row.responseWording });
      expect(recommendation.recommendingStates).toEqual(row.recommendingStates.map(({ iso3, name }) => ({ iso3, name })));
    }
    // The same sections, in the same order, as the explorer's rows (with their themes) make.
    const sections = reportSections(paged, report.themes, (row) => listed.find((r) => r.id === row.id)!);
    expect(report.sections.map((s) => [s.theme, s.recommendations.map((r) => r.id)])).toEqual(sections.map((s) => [s.theme, s.recommendations.map((r) => r.id)]));

    // The statuses: each one's latest version in the scope, the organisation's own only.
    const expected = await latestOneByOne(paged.map((row) => row.id), publicOnly);
    expect(expected.size).toBeGreaterThan(5);
    for (const recommendation of listed) expect(recommendation.current, String(recommendation.id)).toEqual(expected.get(recommendation.id) ?? null);
    expect(report.assessed).toBe(expected.size);
    const reviewIds = (await getDb().recommendation.findMany({ where: { reviewId: review }, select: { id: true } })).map((r) => r.id);
    expect(report.assessedInReview).toBe((await latestOneByOne(reviewIds, publicOnly)).size);
    expect(report.privateAssessments).toBe([...expected.values()].filter((a) => a.visibility !== "public" || a.withdrawnOn !== null).length);
    expect(JSON.stringify(report)).not.toContain("Fixture-other");
    expect(JSON.stringify(report)).not.toContain("Fixture-elsewhere");
  });

  it("holds withdrawn versions, evidence in order with dates, and nothing of the other organisation", async () => {
    const report = await getMidTermReport(editor, { review, theme: [], noted: true, organization: org.slug });
    const withdrawn = report.sections.flatMap((s) => s.recommendations).filter((r) => r.current?.withdrawnOn);
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn[0]!.current).toMatchObject({ withdrawnOn: "2026-11-02", visibility: "public", version: 2 });
    expect(withdrawn[0]!.current!.evidence).toEqual([
      { kind: "url", reference: `https://example.org/${withdrawn[0]!.id}`, excerpt: "an excerpt", date: "2025-06-30", stance: "supports" },
      { kind: "un-symbol", reference: "A/HRC/56/6", excerpt: null, date: null, stance: "context" },
    ]);
    const theirs = await getMidTermReport(otherEditor, { review, theme: [], noted: true, organization: other.slug });
    expect(theirs.sections.flatMap((s) => s.recommendations).every((r) => r.current === null || r.current.rationale.startsWith("Fixture-other "))).toBe(true);
  });
});

describe("the review chooser", () => {
  async function expected() {
    return (await listReviewSummaries())
      .filter((summary) => summary.loaded > 0)
      .map(({ id, stateUnderReview, cycle, reviewDate, loaded }) => ({ id, stateUnderReview, cycle, reviewDate, loaded }));
  }

  it("lists every review with something loaded, with its count, as the review summaries do: from the summaries and counted", async () => {
    const db = getDb();
    await refreshStaleSummaries(db);
    expect(await db.statsSummaryStale.count()).toBe(0);
    const fromSummaries = await listReviewChoices();
    expect(fromSummaries.length).toBeGreaterThan(0);
    expect(fromSummaries).toEqual(await expected());

    // A review with nothing loaded is left out.
    const empty = await db.review.create({ data: { stateUnderReviewIso3: "FRA", cycle: 4 } });
    expect((await listReviewChoices()).some((choice) => choice.id === empty.id)).toBe(false);

    // A recommendation deleted (the triggers mark its review): the review's summaries are refreshed first.
    const last = await db.recommendation.findFirstOrThrow({ where: { reviewId: otherReview }, orderBy: { ordinal: "desc" }, select: { id: true } });
    await db.recommendation.delete({ where: { id: last.id } });
    expect(await db.statsSummaryStale.count()).toBeGreaterThan(0);
    const refreshed = await listReviewChoices();
    expect(refreshed).toEqual(await expected());
    expect(refreshed.find((choice) => choice.id === otherReview)!.loaded).toBe(fromSummaries.find((choice) => choice.id === otherReview)!.loaded - 1);

    // Too many reviews marked to refresh in the request: counted instead, with the same answer.
    await db.statsSummaryStale.createMany({ data: Array.from({ length: 30 }, (_, index) => ({ reviewId: 900_000 + index })) });
    const counted = await listReviewChoices();
    expect(counted).toEqual(await expected());
    expect(counted).toEqual(refreshed);
    // The background refresh those marks started clears them (and is done before the database is dropped).
    await expect.poll(() => db.statsSummaryStale.count(), { timeout: 60_000, interval: 200 }).toBe(0);
  });
});
