import "server-only";
import type { RegionalGroup, UnStatus } from "@/lib/countries";
import { getDb, type Db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { readFreshSummaries } from "./stats/summary";

export type PositionTally = { total: number; supported: number; supportedInPart: number; noted: number; noPosition: number };

export type StateSummary = { iso3: string; name: string; officialName: string; regionalGroup: RegionalGroup | null; unStatus: UnStatus };

/** What one State recommended to one State under review in one cycle, and how it was answered. */
export type RecommendedGroup = PositionTally & {
  stateUnderReview: { iso3: string; name: string };
  cycle: number;
  year: number | null;
};

/** One of the State's own reviews, with what is loaded against the officially reported total. */
export type OwnReview = PositionTally & {
  id: number;
  cycle: number;
  year: number | null;
  session: number | null;
  reportSymbol: string | null;
  reportedTotal: number | null;
  /** The officially reported responses in the State's own words ("290 accepted"), in the source's order. */
  reportedWordings: { wording: string; count: number }[];
};

export type StateProfile = { state: StateSummary; recommended: RecommendedGroup[]; reviews: OwnReview[] };

export type StateIndexEntry = StateSummary & { recommendations: number; statesReviewed: number };
export type StateIndex = { recommending: StateIndexEntry[]; underReview: StateSummary[] };

/** Counting of positions shared by both tallies; `r` is the recommendation. */
const TALLY = Prisma.sql`
  count(r."id")::int AS "total",
  (count(*) FILTER (WHERE r."position" = 'SUPPORTED'))::int AS "supported",
  (count(*) FILTER (WHERE r."position" = 'SUPPORTED_IN_PART'))::int AS "supportedInPart",
  (count(*) FILTER (WHERE r."position" = 'NOTED'))::int AS "noted",
  (count(r."id") FILTER (WHERE r."position" IS NULL))::int AS "noPosition"`;

const byName = new Intl.Collator("en", { sensitivity: "base" });
const yearOf = (date: Date | null): number | null => (date ? date.getUTCFullYear() : null);

const STATE_SELECT = { iso3: true, name: true, officialName: true, regionalGroup: true, unStatus: true } as const;

/**
 * A State's page: what it recommended, to whom, and how each State under review answered, by review; and its own
 * reviews when it was reviewed. Null only for a code that is not a UN Member or observer State: a State that made
 * no recommendation in the loaded data still has a page that says so.
 */
export async function getStateProfile(iso3: string, db: Db = getDb()): Promise<StateProfile | null> {
  const code = iso3.toUpperCase();
  const state = await db.country.findUnique({ where: { iso3: code }, select: STATE_SELECT });
  if (!state) return null;

  const [recommended, reviews, wordings] = await Promise.all([
    db.$queryRaw<(Omit<RecommendedGroup, "stateUnderReview" | "year"> & { surIso3: string; surName: string; reviewDate: Date | null })[]>`
       SELECT v."stateUnderReviewIso3" AS "surIso3", sc."name" AS "surName", v."cycle", v."reviewDate", ${TALLY}
       FROM "RecommendationState" rs
       JOIN "Recommendation" r ON r."id" = rs."recommendationId"
       JOIN "Review" v ON v."id" = r."reviewId"
       JOIN "Country" sc ON sc."iso3" = v."stateUnderReviewIso3"
       WHERE rs."countryIso3" = ${code}
       GROUP BY v."id", sc."name"`,
    db.$queryRaw<(Omit<OwnReview, "year" | "reportedWordings"> & { reviewDate: Date | null })[]>`
       SELECT v."id", v."cycle", v."reviewDate", v."session", v."reportSymbol", v."reportedTotal", ${TALLY}
       FROM "Review" v LEFT JOIN "Recommendation" r ON r."reviewId" = v."id"
       WHERE v."stateUnderReviewIso3" = ${code}
       GROUP BY v."id"
       ORDER BY v."cycle" DESC`,
    db.reportedResponseCount.findMany({
      where: { review: { stateUnderReviewIso3: code } },
      select: { wording: true, count: true, review: { select: { cycle: true } } },
      orderBy: { ordinal: "asc" },
    }),
  ]);

  return {
    state,
    recommended: recommended
      .map(({ surIso3, surName, reviewDate, ...tally }) => ({ ...tally, stateUnderReview: { iso3: surIso3, name: surName }, year: yearOf(reviewDate) }))
      .sort((a, b) => byName.compare(a.stateUnderReview.name, b.stateUnderReview.name) || b.cycle - a.cycle),
    reviews: reviews.map(({ reviewDate, ...review }) => ({
      ...review,
      year: yearOf(reviewDate),
      reportedWordings: wordings.filter((w) => w.review.cycle === review.cycle).map(({ wording, count }) => ({ wording, count })),
    })),
  };
}

/** Every State that made at least one recommendation in the loaded data, and every State under review. */
export async function listStateSummaries(db: Db = getDb()): Promise<StateIndex> {
  const [counted, underReview, countries] = await Promise.all([
    // From the stats summaries (one row per review and recommending State, kept on write) when they are fresh, else
    // over every recommendation. A recommendation counts once per State either way.
    readFreshSummaries<RecommendingCount>(RECOMMENDING_FROM_SUMMARIES, db).then((rows) => rows ?? db.$queryRaw<RecommendingCount[]>(RECOMMENDING_LIVE)),
    db.country.findMany({ where: { reviews: { some: {} } }, select: STATE_SELECT }),
    // Every country (a few hundred rows), in parallel with the counts rather than after them.
    db.country.findMany({ select: STATE_SELECT }).then((rows) => new Map(rows.map((country) => [country.iso3, country]))),
  ]);
  const recommending = counted.flatMap((row) => {
    const country = countries.get(row.iso3);
    return country ? [{ ...country, recommendations: row.recommendations, statesReviewed: row.statesReviewed }] : [];
  });
  return {
    recommending: recommending.sort((a, b) => byName.compare(a.name, b.name)),
    underReview: underReview.sort((a, b) => byName.compare(a.name, b.name)),
  };
}

type RecommendingCount = { iso3: string; recommendations: number; statesReviewed: number };

/** Summed per (State, State under review) first, then per State: two hash aggregates, no sort of every row. */
const RECOMMENDING_FROM_SUMMARIES = Prisma.sql`
  SELECT p."key" AS "iso3", sum(p."count")::int AS "recommendations", count(*)::int AS "statesReviewed"
  FROM (
    SELECT s."key", v."stateUnderReviewIso3", sum(s."count") AS "count"
    FROM "StatsSummary" s JOIN "Review" v ON v."id" = s."reviewId"
    WHERE s."dimension" = 'state' AND s."audience" = '' AND s."key" IS NOT NULL AND s."count" > 0
    GROUP BY 1, 2
  ) p
  GROUP BY 1`;

const RECOMMENDING_LIVE = Prisma.sql`
  SELECT rs."countryIso3" AS "iso3", count(*)::int AS "recommendations", count(DISTINCT v."stateUnderReviewIso3")::int AS "statesReviewed"
  FROM "RecommendationState" rs
  JOIN "Recommendation" r ON r."id" = rs."recommendationId"
  JOIN "Review" v ON v."id" = r."reviewId"
  GROUP BY rs."countryIso3"`;
