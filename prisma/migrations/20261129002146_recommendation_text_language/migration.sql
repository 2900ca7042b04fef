-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "textLanguage" TEXT NOT NULL DEFAULT 'en';

-- CreateTable
CREATE TABLE "RecommendationText" (
    "recommendationId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceDocumentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationText_pkey" PRIMARY KEY ("recommendationId","language")
);

-- AddForeignKey
ALTER TABLE "RecommendationText" ADD CONSTRAINT "RecommendationText_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationText" ADD CONSTRAINT "RecommendationText_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "SourceDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

