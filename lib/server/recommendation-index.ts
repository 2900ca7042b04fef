import "server-only";
import type { Db } from "./db";
import { Prisma } from "./generated/prisma/client";

type Executor = Pick<Db, "$executeRaw">;

/**
 * Recomputes the search arrays of recommendations (`recommendingRegions`, `themeIds`, `actionCategories`) from what
 * stays the source of truth: the join tables, and the effective and per-part action categories. One statement, so
 * every writer (the importer, an override set or cleared, the start-up fill, the benchmark's bulk copies, a change of
 * a country's regional group) keeps them equal the same way. Rows whose arrays are already right are not written.
 *
 * `actionCategories` is the SQL twin of effectiveActionCategories (lib/action-category/parts.ts): the effective
 * category and the parts' original ones, distinct and ascending, or an override alone.
 */
export async function refreshRecommendationSearchIndex(db: Executor, scope: { sourceDocumentId?: number; ids?: number[] } = {}): Promise<number> {
  const where =
    scope.ids !== undefined
      ? Prisma.sql`r."id" = ANY(${scope.ids})`
      : scope.sourceDocumentId !== undefined
        ? Prisma.sql`r."sourceDocumentId" = ${scope.sourceDocumentId}`
        : Prisma.sql`TRUE`;
  return db.$executeRaw`
    WITH computed AS (
      SELECT r."id",
        COALESCE((SELECT array_agg(DISTINCT c."regionalGroup" ORDER BY c."regionalGroup")
          FROM "RecommendationState" rs JOIN "Country" c ON c."iso3" = rs."countryIso3"
          WHERE rs."recommendationId" = r."id" AND c."regionalGroup" IS NOT NULL), '{}') AS regions,
        COALESCE((SELECT array_agg(rt."themeId" ORDER BY rt."themeId")
          FROM "RecommendationTheme" rt WHERE rt."recommendationId" = r."id"), '{}') AS themes,
        COALESCE((SELECT array_agg(DISTINCT a ORDER BY a)
          FROM unnest(CASE WHEN r."actionCategoryMethod" = 'OVERRIDE' THEN ARRAY[r."actionCategory"]
            ELSE r."partActionCategories" || r."actionCategory" END) a
          WHERE a IS NOT NULL), '{}') AS categories
      FROM "Recommendation" r WHERE ${where}
    )
    UPDATE "Recommendation" r SET "recommendingRegions" = computed.regions, "themeIds" = computed.themes, "actionCategories" = computed.categories
    FROM computed
    WHERE r."id" = computed."id"
      AND (r."recommendingRegions" IS DISTINCT FROM computed.regions OR r."themeIds" IS DISTINCT FROM computed.themes
        OR r."actionCategories" IS DISTINCT FROM computed.categories)`;
}
