-- Trigram similarity (similarity(), word_similarity()) for suggesting recurring recommendations across cycles.
-- pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it. The embedded server loads it
-- in lib/database/embedded.ts. No trigram index on the text: suggestions compare one text with the few hundred
-- recommendations of the same State under review, found through the reviewId index, so an index would cost every
-- import and serve no query.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "RecommendationLinkStatus" AS ENUM ('CONFIRMED', 'REJECTED');

-- CreateTable
CREATE TABLE "RecommendationLink" (
    "earlierId" INTEGER NOT NULL,
    "laterId" INTEGER NOT NULL,
    "status" "RecommendationLinkStatus" NOT NULL,
    "decidedByUserId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "similarity" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RecommendationLink_pkey" PRIMARY KEY ("earlierId","laterId")
);

-- CreateIndex
CREATE INDEX "RecommendationLink_laterId_status_idx" ON "RecommendationLink"("laterId", "status");

-- CreateIndex
CREATE INDEX "RecommendationLink_earlierId_status_idx" ON "RecommendationLink"("earlierId", "status");

-- AddForeignKey
ALTER TABLE "RecommendationLink" ADD CONSTRAINT "RecommendationLink_earlierId_fkey" FOREIGN KEY ("earlierId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationLink" ADD CONSTRAINT "RecommendationLink_laterId_fkey" FOREIGN KEY ("laterId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationLink" ADD CONSTRAINT "RecommendationLink_decidedByUserId_fkey" FOREIGN KEY ("decidedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationLink" ADD CONSTRAINT "RecommendationLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A recommendation is not its own counterpart.
ALTER TABLE "RecommendationLink" ADD CONSTRAINT "RecommendationLink_distinct_check" CHECK ("earlierId" <> "laterId");
