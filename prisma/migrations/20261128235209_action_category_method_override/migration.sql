-- CreateEnum
CREATE TYPE "ActionCategoryMethod" AS ENUM ('SOURCE', 'DERIVED', 'OVERRIDE');

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "actionCategoryMethod" "ActionCategoryMethod",
ADD COLUMN     "actionCategoryRules" TEXT,
ADD COLUMN     "originalActionCategory" INTEGER;

-- CreateTable
CREATE TABLE "ActionCategoryOverride" (
    "recommendationId" INTEGER NOT NULL,
    "organizationId" TEXT NOT NULL,
    "authorUserId" TEXT NOT NULL,
    "category" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionCategoryOverride_pkey" PRIMARY KEY ("recommendationId")
);

-- CreateIndex
CREATE INDEX "ActionCategoryOverride_organizationId_idx" ON "ActionCategoryOverride"("organizationId");

-- AddForeignKey
ALTER TABLE "ActionCategoryOverride" ADD CONSTRAINT "ActionCategoryOverride_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionCategoryOverride" ADD CONSTRAINT "ActionCategoryOverride_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionCategoryOverride" ADD CONSTRAINT "ActionCategoryOverride_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Categories a source gave before methods were recorded (UPR Info rows): SOURCE, and the original kept.
-- Rows without a category are derived by the start-up seed (fillActionCategories in lib/server/action-category-fill.ts).
UPDATE "Recommendation" SET "actionCategoryMethod" = 'SOURCE', "originalActionCategory" = "actionCategory"
WHERE "actionCategory" IS NOT NULL AND "actionCategoryMethod" IS NULL;

ALTER TABLE "ActionCategoryOverride" ADD CONSTRAINT "ActionCategoryOverride_category_check" CHECK ("category" BETWEEN 1 AND 5);
