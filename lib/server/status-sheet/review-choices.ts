import "server-only";
import { getDb, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { ReviewSummary } from "../reviews";
import { readFreshSummaries } from "../stats/summary";

/** What a member's review chooser shows of a review (the status sheet, the mid-term report). */
export type ReviewChoice = Pick<ReviewSummary, "id" | "stateUnderReview" | "cycle" | "reviewDate" | "loaded">;

type ChoiceRow = { id: number; iso3: string; name: string; cycle: number; reviewDate: string | null; loaded: number };

/** Every review and its State's name, with its loaded count from `counts` (rows of reviewId, count): one statement. */
function choicesSql(counts: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT v."id", v."stateUnderReviewIso3" AS "iso3", c."name", v."cycle", to_char(v."reviewDate", 'YYYY-MM-DD') AS "reviewDate", n."loaded"
    FROM (${counts}) n JOIN "Review" v ON v."id" = n."reviewId" JOIN "Country" c ON c."iso3" = v."stateUnderReviewIso3"
    WHERE n."loaded" > 0`;
}

/** Each review's total from the stats summaries (one row per review, a few hundred rows). */
const SUMMARISED = Prisma.sql`SELECT s."reviewId", sum(s."count")::int AS "loaded" FROM "StatsSummary" s WHERE s."dimension" = 'total' AND s."audience" = '' GROUP BY 1`;

/** The same counted over the recommendations, when the summaries cannot be trusted right now. */
const COUNTED = Prisma.sql`SELECT r."reviewId", count(*)::int AS "loaded" FROM "Recommendation" r GROUP BY 1`;

/**
 * The reviews that have recommendations loaded, with how many, ordered by State under review (ISO3) then newest cycle
 * first: what `listReviewSummaries()` filtered to `loaded > 0` gives these fields, without counting every
 * recommendation and recommending State of the database on each request. The counts are the stats summaries' totals
 * when they are fresh, else counted.
 */
export async function listReviewChoices(db: Db = getDb()): Promise<ReviewChoice[]> {
  const rows = (await readFreshSummaries<ChoiceRow>(choicesSql(SUMMARISED), db)) ?? (await db.$queryRaw<ChoiceRow[]>(choicesSql(COUNTED)));
  return rows
    .map(({ id, iso3, name, cycle, reviewDate, loaded }) => ({ id, stateUnderReview: { iso3, name }, cycle, reviewDate, loaded }))
    .sort((a, b) => (a.stateUnderReview.iso3 < b.stateUnderReview.iso3 ? -1 : a.stateUnderReview.iso3 > b.stateUnderReview.iso3 ? 1 : b.cycle - a.cycle));
}
