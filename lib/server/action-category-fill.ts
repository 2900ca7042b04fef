import "server-only";
import { ACTION_RULES_VERSION, classifyActionCategory } from "@/lib/action-category";
import { recordAuditEvent } from "./audit";
import { getDb, type Db } from "./db";

const BATCH = 1_000;

export type FillOutcome = { derived: number; rederived: number; sourced: number };

/**
 * Gives every recommendation an action category, idempotently; the start-up seed runs it on every start.
 * - Rows imported before categories were derived (older installs) get one derived from their text (DERIVED).
 * - Derived rows of an older rule version are derived again; an organisation's override stays in effect.
 * - A category a source gave without a method recorded becomes SOURCE.
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
        await tx.$executeRaw`
          UPDATE "Recommendation" r SET
            "originalActionCategory" = u."category",
            "actionCategoryRules" = ${ACTION_RULES_VERSION},
            "actionCategory" = CASE WHEN r."actionCategoryMethod" = 'OVERRIDE' THEN r."actionCategory" ELSE u."category" END,
            "actionCategoryMethod" = CASE WHEN r."actionCategoryMethod" = 'OVERRIDE' THEN r."actionCategoryMethod" ELSE 'DERIVED'::"ActionCategoryMethod" END
          FROM unnest(${ids}::int[], ${categories}::int[]) AS u("id", "category")
          WHERE r."id" = u."id"`;
      }
      const outcome = {
        derived: missing.filter((row) => row.actionCategoryMethod === null).length,
        rederived: missing.filter((row) => row.actionCategoryMethod !== null).length,
        sourced: sourced.count,
      };
      if (outcome.derived + outcome.rederived + outcome.sourced > 0) {
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
