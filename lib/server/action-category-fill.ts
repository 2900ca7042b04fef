import "server-only";
import { ACTION_RULES_VERSION, classifyActionCategory, partActionCategories } from "@/lib/action-category";
import { recordAuditEvent } from "./audit";
import { getDb, type Db } from "./db";
import type { Prisma } from "./generated/prisma/client";
import { refreshRecommendationSearchIndex } from "./recommendation-index";

const BATCH = 1_000;

type Tx = Prisma.TransactionClient;

export type FillOutcome = { derived: number; rederived: number; sourced: number; parts: number };

/**
 * Gives every recommendation an action category, and one per State's part, idempotently; the start-up seed runs it
 * on every start.
 * - Rows imported before categories were derived (older installs) get one derived from their text (DERIVED).
 * - Derived rows of an older rule version are derived again, their parts too; an organisation's override stays in
 *   effect.
 * - A category a source gave without a method recorded becomes SOURCE.
 * - Rows imported before parts were categorised get their parts' categories (lib/action-category/parts.ts), and
 *   the `action` filter's array follows.
 * A start that finds nothing to do writes nothing; one that does records one audit event with the counts.
 */
export async function fillActionCategories(db: Db = getDb()): Promise<FillOutcome> {
  return db.$transaction(
    async (tx) => {
      const sourced = await tx.recommendation.updateMany({
        where: { actionCategory: { not: null }, actionCategoryMethod: null },
        data: { actionCategoryMethod: "SOURCE" },
      });
      // Its original is the category it holds (a separate statement: updateMany cannot copy one column to another).
      if (sourced.count > 0) await tx.$executeRaw`UPDATE "Recommendation" SET "originalActionCategory" = "actionCategory" WHERE "actionCategoryMethod" = 'SOURCE' AND "originalActionCategory" IS NULL`;

      const missing = await tx.recommendation.findMany({
        where: { OR: [{ actionCategory: null, actionCategoryMethod: null }, { actionCategoryRules: { not: ACTION_RULES_VERSION } }] },
        select: { id: true, text: true, actionCategoryMethod: true },
        orderBy: { id: "asc" },
      });
      for (let start = 0; start < missing.length; start += BATCH) {
        const batch = missing.slice(start, start + BATCH);
        const ids = batch.map((row) => row.id);
        const categories = batch.map((row) => classifyActionCategory(row.text).category);
        // The parts are emptied here and derived again below, with the paragraph's new original.
        await tx.$executeRaw`
          UPDATE "Recommendation" r SET
            "originalActionCategory" = u."category",
            "actionCategoryRules" = ${ACTION_RULES_VERSION},
            "partActionCategories" = '{}',
            "actionCategory" = CASE WHEN r."actionCategoryMethod" = 'OVERRIDE' THEN r."actionCategory" ELSE u."category" END,
            "actionCategoryMethod" = CASE WHEN r."actionCategoryMethod" = 'OVERRIDE' THEN r."actionCategoryMethod" ELSE 'DERIVED'::"ActionCategoryMethod" END
          FROM unnest(${ids}::int[], ${categories}::int[]) AS u("id", "category")
          WHERE r."id" = u."id"`;
      }
      const parts = await fillPartCategories(tx);
      const outcome = {
        derived: missing.filter((row) => row.actionCategoryMethod === null).length,
        rederived: missing.filter((row) => row.actionCategoryMethod !== null).length,
        sourced: sourced.count,
        parts,
      };
      if (outcome.derived + outcome.rederived + outcome.sourced + outcome.parts > 0) {
        await recordAuditEvent(tx, {
          actorUserId: null,
          action: "action-category.derive",
          subjectType: "recommendation",
          changes: { rules: ACTION_RULES_VERSION, ...outcome },
        });
      }
      return outcome;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

/**
 * The parts' categories of every row with an original category and none for its parts (imported before parts were
 * categorised, or just derived again), then the `action` filter's array of those rows. Returns how many rows.
 */
async function fillPartCategories(tx: Tx): Promise<number> {
  const rows = await tx.$queryRaw<{ id: number; text: string; original: number; rules: string | null }[]>`
    SELECT "id", "text", "originalActionCategory" AS "original", "actionCategoryRules" AS "rules" FROM "Recommendation"
    WHERE "originalActionCategory" IS NOT NULL AND cardinality("partActionCategories") = 0 ORDER BY "id"`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    // A rule version marks a derived original; a source's category carries none.
    const parts = batch.map((row) => `{${partActionCategories(row.text, { category: row.original, derived: row.rules !== null }).join(",")}}`);
    await tx.$executeRaw`
      UPDATE "Recommendation" r SET "partActionCategories" = u."parts"::int[]
      FROM unnest(${batch.map((row) => row.id)}::int[], ${parts}::text[]) AS u("id", "parts")
      WHERE r."id" = u."id"`;
    await refreshRecommendationSearchIndex(tx, { ids: batch.map((row) => row.id) });
  }
  return rows.length;
}
