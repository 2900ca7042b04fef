-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionalGroup" AS ENUM ('AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'GRULAC', 'WEOG');

-- CreateEnum
CREATE TYPE "UnStatus" AS ENUM ('MEMBER', 'OBSERVER');

-- CreateEnum
CREATE TYPE "Position" AS ENUM ('SUPPORTED', 'SUPPORTED_IN_PART', 'NOTED');

-- CreateEnum
CREATE TYPE "ThemeScheme" AS ENUM ('UHRI_CODED', 'UHRI_THEME', 'UPR_INFO_ISSUE', 'SDG', 'AFFECTED_PERSONS');

-- CreateEnum
CREATE TYPE "SourceFormat" AS ENUM ('OHCHR_THEMATIC_LIST', 'UPR_INFO_CSV');

-- CreateTable
CREATE TABLE "Country" (
    "iso3" TEXT NOT NULL,
    "iso2" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "officialName" TEXT NOT NULL,
    "regionalGroup" "RegionalGroup",
    "unStatus" "UnStatus" NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("iso3")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" SERIAL NOT NULL,
    "stateUnderReviewIso3" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "session" INTEGER,
    "reviewDate" DATE,
    "reportSymbol" TEXT,
    "addendumSymbol" TEXT,
    "reportedTotal" INTEGER,
    "reportedSupported" INTEGER,
    "reportedSupportedInPart" INTEGER,
    "reportedNoted" INTEGER,
    "reportedSource" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportedResponseCount" (
    "reviewId" INTEGER NOT NULL,
    "wording" TEXT NOT NULL,
    "position" "Position" NOT NULL,
    "count" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "ReportedResponseCount_pkey" PRIMARY KEY ("reviewId","wording")
);

-- CreateTable
CREATE TABLE "SourceDocument" (
    "id" SERIAL NOT NULL,
    "format" "SourceFormat" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "title" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "paragraph" TEXT,
    "text" TEXT NOT NULL,
    "sourceDocumentId" INTEGER NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "text")) STORED,
    "recommendingRegions" "RegionalGroup"[] DEFAULT ARRAY[]::"RegionalGroup"[],
    "themeIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "position" "Position",
    "responseWording" TEXT,
    "positionSource" TEXT,
    "actionCategory" INTEGER,
    "actionCategorySource" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationState" (
    "recommendationId" INTEGER NOT NULL,
    "countryIso3" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "RecommendationState_pkey" PRIMARY KEY ("recommendationId","countryIso3")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" SERIAL NOT NULL,
    "scheme" "ThemeScheme" NOT NULL,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "slug" TEXT NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationTheme" (
    "recommendationId" INTEGER NOT NULL,
    "themeId" INTEGER NOT NULL,
    "primary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RecommendationTheme_pkey" PRIMARY KEY ("recommendationId","themeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Country_iso2_key" ON "Country"("iso2");

-- CreateIndex
CREATE UNIQUE INDEX "Review_stateUnderReviewIso3_cycle_key" ON "Review"("stateUnderReviewIso3", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "SourceDocument_sha256_key" ON "SourceDocument"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_sourceKey_key" ON "Recommendation"("sourceKey");

-- CreateIndex
CREATE INDEX "Recommendation_reviewId_ordinal_id_idx" ON "Recommendation"("reviewId", "ordinal", "id");

-- CreateIndex
CREATE INDEX "Recommendation_recommendingRegions_idx" ON "Recommendation" USING GIN ("recommendingRegions");

-- CreateIndex
CREATE INDEX "Recommendation_themeIds_idx" ON "Recommendation" USING GIN ("themeIds");

-- CreateIndex
CREATE INDEX "Recommendation_position_idx" ON "Recommendation"("position");

-- CreateIndex
CREATE INDEX "Recommendation_actionCategory_idx" ON "Recommendation"("actionCategory");

-- CreateIndex
CREATE INDEX "RecommendationState_countryIso3_idx" ON "RecommendationState"("countryIso3");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_slug_key" ON "Theme"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_scheme_key_key" ON "Theme"("scheme", "key");

-- CreateIndex
CREATE INDEX "RecommendationTheme_themeId_idx" ON "RecommendationTheme"("themeId");

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_stateUnderReviewIso3_fkey" FOREIGN KEY ("stateUnderReviewIso3") REFERENCES "Country"("iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedResponseCount" ADD CONSTRAINT "ReportedResponseCount_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "SourceDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationState" ADD CONSTRAINT "RecommendationState_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationState" ADD CONSTRAINT "RecommendationState_countryIso3_fkey" FOREIGN KEY ("countryIso3") REFERENCES "Country"("iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationTheme" ADD CONSTRAINT "RecommendationTheme_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationTheme" ADD CONSTRAINT "RecommendationTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Full-text search (English stemming) over the recommendation text. Hand-written: Prisma cannot express
-- generated columns or GIN indexes on them, and the column is declared Unsupported("tsvector") in schema.prisma.
CREATE INDEX "Recommendation_searchVector_idx" ON "Recommendation" USING GIN ("searchVector");
