-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "actionCategories" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "partActionCategories" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateIndex
CREATE INDEX "Recommendation_actionCategories_idx" ON "Recommendation" USING GIN ("actionCategories");


-- Until the start-up fill (lib/server/action-category-fill.ts) derives each part's category, a recommendation is
-- found under its own category, as before.
UPDATE "Recommendation" SET "actionCategories" = ARRAY["actionCategory"] WHERE "actionCategory" IS NOT NULL;
