import "server-only";
import type { ReviewFacts } from "@/lib/schemas/review";
import { getDb, type Db } from "./db";
import { Prisma } from "./generated/prisma/client";

type Tx = Prisma.TransactionClient | Db;

const dayOf = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The calendar's columns from review facts: written only when the facts carry a calendar, so none is erased. */
function calendarData(calendar: ReviewFacts["calendar"]) {
  if (!calendar) return {};
  return {
    workingGroupAdoptedOn: dayOf(calendar.workingGroupAdoptedOn),
    responsesOn: dayOf(calendar.responsesOn),
    councilAdoptedOn: dayOf(calendar.councilAdoptedOn),
    midTermFrom: dayOf(calendar.midTermFrom),
    midTermUntil: dayOf(calendar.midTermUntil),
    nextReviewOn: dayOf(calendar.nextReviewOn),
    calendarSource: calendar.source,
  };
}

/** Records what is officially known about a review, so the app can show how complete a loaded list is. */
export async function upsertReviewFacts(db: Tx, facts: ReviewFacts): Promise<number> {
  const data = {
    ...calendarData(facts.calendar),
    session: facts.session,
    reviewDate: facts.reviewDate ? new Date(`${facts.reviewDate}T00:00:00Z`) : null,
    reportSymbol: facts.reportSymbol,
    addendumSymbol: facts.addendumSymbol,
    reportedTotal: facts.reported?.total ?? null,
    reportedSupported: facts.reported?.supported ?? null,
    reportedSupportedInPart: facts.reported?.supportedInPart ?? null,
    reportedNoted: facts.reported?.noted ?? null,
    reportedSource: facts.reported?.source ?? null,
  };
  const review = await db.review.upsert({
    where: { stateUnderReviewIso3_cycle: { stateUnderReviewIso3: facts.stateUnderReview, cycle: facts.cycle } },
    create: { stateUnderReviewIso3: facts.stateUnderReview, cycle: facts.cycle, ...data },
    update: data,
  });
  await db.reportedResponseCount.deleteMany({ where: { reviewId: review.id } });
  if (facts.reported?.wordings.length) {
    await db.reportedResponseCount.createMany({ data: facts.reported.wordings.map((w, ordinal) => ({ reviewId: review.id, ordinal, ...w })) });
  }
  return review.id;
}

export type PositionCounts = { supported: number; supportedInPart: number; noted: number; none: number };

export type ReviewSummary = {
  id: number;
  stateUnderReview: { iso3: string; name: string };
  cycle: number;
  session: number | null;
  reviewDate: string | null;
  reportSymbol: string | null;
  addendumSymbol: string | null;
  loaded: number;
  loadedPositions: PositionCounts;
  recommendingStates: number;
  reported: { total: number | null; supported: number | null; supportedInPart: number | null; noted: number | null; source: string | null };
  reportedWordings: { wording: string; count: number }[];
};

/**
 * Which reviews to summarise: all of them (the default), the reviews with these ids, or the reviews of one State under
 * review. The counts are then computed for those reviews alone (through the `reviewId` index), so a page that shows a
 * few reviews does not count the whole database.
 */
export type ReviewSelection = { ids?: readonly number[]; stateUnderReview?: string };

/** Every review with what is loaded against what was officially reported, newest first per State. */
export async function listReviewSummaries(db: Db = getDb(), selection: ReviewSelection = {}): Promise<ReviewSummary[]> {
  const where: Prisma.ReviewWhereInput = {
    ...(selection.ids ? { id: { in: [...selection.ids] } } : {}),
    ...(selection.stateUnderReview ? { stateUnderReviewIso3: selection.stateUnderReview } : {}),
  };
  const reviews = await db.review.findMany({
    where,
    orderBy: [{ stateUnderReviewIso3: "asc" }, { cycle: "desc" }],
    include: { stateUnderReview: { select: { iso3: true, name: true } }, reportedWordings: { orderBy: { ordinal: "asc" } } },
  });
  if (reviews.length === 0) return [];
  // Counted for the chosen reviews only; without a selection, for all (one pass each, no filter).
  const selected = selection.ids || selection.stateUnderReview ? reviews.map((review) => review.id) : null;
  const onlySelected = selected ? Prisma.sql`WHERE r."reviewId" = ANY(${selected}::int[])` : Prisma.empty;
  // The recommending States of the selected reviews' recommendations, looked up by the join table's primary key: left
  // to itself, the planner reads the whole join table to hash it.
  const statesOfSelected = selected
    ? Prisma.sql`WHERE rs."recommendationId" = ANY(ARRAY(SELECT x."id" FROM "Recommendation" x WHERE x."reviewId" = ANY(${selected}::int[])))
        AND r."reviewId" = ANY(${selected}::int[])`
    : Prisma.empty;
  const [positions, states] = await Promise.all([
    db.$queryRaw<{ reviewId: number; position: string | null; count: bigint }[]>`
      SELECT r."reviewId", r."position"::text AS "position", COUNT(*) AS count
      FROM "Recommendation" r ${onlySelected}
      GROUP BY r."reviewId", r."position"`,
    db.$queryRaw<{ reviewId: number; count: bigint }[]>`
      SELECT r."reviewId", COUNT(DISTINCT rs."countryIso3") AS count
      FROM "RecommendationState" rs JOIN "Recommendation" r ON r.id = rs."recommendationId"
      ${statesOfSelected}
      GROUP BY r."reviewId"`,
  ]);
  const stateCounts = new Map(states.map((row) => [row.reviewId, Number(row.count)]));
  const positionCounts = new Map<number, PositionCounts>();
  for (const row of positions) {
    const counts = positionCounts.get(row.reviewId) ?? { supported: 0, supportedInPart: 0, noted: 0, none: 0 };
    const key = row.position === "SUPPORTED" ? "supported" : row.position === "SUPPORTED_IN_PART" ? "supportedInPart" : row.position === "NOTED" ? "noted" : "none";
    counts[key] += Number(row.count);
    positionCounts.set(row.reviewId, counts);
  }
  return reviews.map((review) => {
    const counts: PositionCounts = positionCounts.get(review.id) ?? { supported: 0, supportedInPart: 0, noted: 0, none: 0 };
    return {
      id: review.id,
      stateUnderReview: review.stateUnderReview,
      cycle: review.cycle,
      session: review.session,
      reviewDate: review.reviewDate ? review.reviewDate.toISOString().slice(0, 10) : null,
      reportSymbol: review.reportSymbol,
      addendumSymbol: review.addendumSymbol,
      loaded: counts.supported + counts.supportedInPart + counts.noted + counts.none,
      loadedPositions: counts,
      recommendingStates: stateCounts.get(review.id) ?? 0,
      reported: {
        total: review.reportedTotal,
        supported: review.reportedSupported,
        supportedInPart: review.reportedSupportedInPart,
        noted: review.reportedNoted,
        source: review.reportedSource,
      },
      reportedWordings: review.reportedWordings.map(({ wording, count }) => ({ wording, count })),
    };
  });
}

/** One review with its loaded and reported counts, or null; counts that review's recommendations alone. */
export async function getReviewSummary(id: number, db: Db = getDb()): Promise<ReviewSummary | null> {
  return (await listReviewSummaries(db, { ids: [id] }))[0] ?? null;
}
