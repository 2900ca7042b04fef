import "server-only";
import { BRACKETS_PATTERN, NORMALISE_RULES, PART_SEPARATOR } from "@/lib/recurrence";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";

type Executor = Pick<Db, "$executeRaw">;

/**
 * The precomputed form of the texts that the across-cycles suggestions search: one row per comparable part of a
 * recommendation ("RecommendationSimilarityPart"), normalised as lib/recurrence.ts says, beside the State under review
 * and under one GIN index (State + trigrams). Computing them per request, with a regex chain over every text of the
 * State, was most of the detail page's time.
 */

/** The normalised text of one part, as NORMALISE_RULES says; patterns are bound parameters. */
export function normalisedSql(part: Prisma.Sql): Prisma.Sql {
  const replaced = NORMALISE_RULES.reduce<Prisma.Sql>(
    (value, [pattern, replacement]) => Prisma.sql`regexp_replace(${value}, ${pattern}, ${replacement}, 'g')`,
    Prisma.sql`(' ' || lower(${part}) || ' ')`,
  );
  return Prisma.sql`btrim(${replaced})`;
}

/** The parts of a text (OHCHR merges several recommendations into one paragraph), brackets removed, in order. */
export function partsSql(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`regexp_split_to_table(regexp_replace(${text}, ${BRACKETS_PATTERN}, ' ', 'g'), ${PART_SEPARATOR}) WITH ORDINALITY`;
}

/**
 * Recomputes the parts of the recommendations in scope: `ids` (rows whose text or review changed), and with `missing`
 * every row that has no part yet (rows just inserted; the start-up seed's safety net for rows written by other
 * means). A row whose text normalises to nothing has no part and is simply computed again. One statement pair, in the
 * caller's transaction.
 */
export async function refreshSimilarityParts(db: Executor, scope: { ids?: readonly number[]; missing?: { reviewId?: number } | "all" }): Promise<number> {
  const conditions: Prisma.Sql[] = [];
  if (scope.ids && scope.ids.length > 0) conditions.push(Prisma.sql`r."id" = ANY(${[...scope.ids]}::int[])`);
  if (scope.missing) {
    const review = scope.missing === "all" || scope.missing.reviewId === undefined ? Prisma.sql`TRUE` : Prisma.sql`r."reviewId" = ${scope.missing.reviewId}`;
    conditions.push(Prisma.sql`(${review} AND NOT EXISTS (SELECT 1 FROM "RecommendationSimilarityPart" sp WHERE sp."recommendationId" = r."id"))`);
  }
  if (conditions.length === 0) return 0;
  const where = Prisma.join(conditions, " OR ");
  if (scope.ids && scope.ids.length > 0) {
    await db.$executeRaw`DELETE FROM "RecommendationSimilarityPart" WHERE "recommendationId" = ANY(${[...scope.ids]}::int[])`;
  }
  return db.$executeRaw`
    INSERT INTO "RecommendationSimilarityPart" ("recommendationId", "part", "stateUnderReviewIso3", "normalised")
    SELECT n."id", (row_number() OVER (PARTITION BY n."id" ORDER BY n."at"))::int, n."sur", n."normalised"
    FROM (
      SELECT r."id", v."stateUnderReviewIso3" AS "sur", p."at", ${normalisedSql(Prisma.sql`p."piece"`)} AS "normalised"
      FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId", ${partsSql(Prisma.sql`r."text"`)} AS p("piece", "at")
      WHERE ${where}
    ) n
    WHERE n."normalised" <> ''`;
}
