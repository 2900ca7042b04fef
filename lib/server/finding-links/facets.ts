import "server-only";
import { FINDING_FILTERS, type RecommendationFilters } from "@/lib/search-params";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { findingCondition, stancesOf } from "./filter-sql";

type FacetValue = { value: string; label: string; count: number };

const FROM = Prisma.sql`FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"`;

/**
 * The explorer's `finding` and `body` facets, each counted with every filter but its own (`where(own)`), as the other
 * facets are. Always counted live: the stats summaries hold nothing about findings. `finding` has a count per value
 * (the recommendations the filter would select with that value alone); `body` one per UN body with a confirmed link,
 * of the stance `finding` names, plus every chosen body (0 when none).
 */
export async function countFindingFacets(
  filters: RecommendationFilters,
  where: (own: "finding" | "body") => Prisma.Sql,
  db: Db,
): Promise<{ finding: FacetValue[]; body: FacetValue[] }> {
  const counts = Prisma.join(
    FINDING_FILTERS.map((value) => Prisma.sql`count(*) FILTER (WHERE ${findingCondition([value], filters.body)})::int AS ${Prisma.raw(`"${value}"`)}`),
  );
  const stances = stancesOf(filters.finding);
  const stance = stances ? Prisma.sql` AND fl."stance" IN (${Prisma.join(stances.map((s) => Prisma.sql`${s}::"FindingStance"`))})` : Prisma.empty;
  const [findingRows, bodyRows] = await Promise.all([
    db.$queryRaw<Record<string, number>[]>(Prisma.sql`SELECT ${counts} ${FROM} WHERE ${where("finding")}`),
    db.$queryRaw<{ value: string; count: number }[]>(Prisma.sql`SELECT d."body" AS value, count(DISTINCT r."id")::int AS count ${FROM}
      JOIN "FindingLink" fl ON fl."recommendationId" = r."id" AND fl."status" = 'CONFIRMED'${stance}
      JOIN "Finding" f ON f."id" = fl."findingId" JOIN "UnDocument" d ON d."id" = f."documentId"
      WHERE ${where("body")} GROUP BY d."body" ORDER BY 2 DESC, 1`),
  ]);
  const counted = findingRows[0] ?? {};
  const body = bodyRows.map((row) => ({ value: row.value, label: row.value, count: row.count }));
  const missing = filters.body.filter((chosen) => !body.some((row) => row.value === chosen)).map((value) => ({ value, label: value, count: 0 }));
  return {
    finding: FINDING_FILTERS.map((value) => ({ value, label: value, count: counted[value] ?? 0 })),
    body: [...missing, ...body],
  };
}
