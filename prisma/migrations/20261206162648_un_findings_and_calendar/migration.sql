-- CreateEnum
CREATE TYPE "UnMechanism" AS ENUM ('TREATY_BODY', 'SPECIAL_PROCEDURE', 'OHCHR', 'UPR');

-- CreateEnum
CREATE TYPE "FindingStance" AS ENUM ('CONTRADICTS', 'SUPPORTS', 'CONTEXT');

-- CreateEnum
CREATE TYPE "FindingLinkStatus" AS ENUM ('CONFIRMED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ReviewDocumentRole" AS ENUM ('NATIONAL_REPORT', 'UN_COMPILATION', 'STAKEHOLDER_SUMMARY', 'ADVANCE_QUESTIONS', 'WORKING_GROUP_REPORT', 'ADDENDUM', 'MID_TERM_REPORT');

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "calendarSource" TEXT,
ADD COLUMN     "councilAdoptedOn" DATE,
ADD COLUMN     "midTermFrom" DATE,
ADD COLUMN     "midTermUntil" DATE,
ADD COLUMN     "nextReviewOn" DATE,
ADD COLUMN     "responsesOn" DATE,
ADD COLUMN     "workingGroupAdoptedOn" DATE;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "findingId" INTEGER;

-- CreateTable
CREATE TABLE "UnDocument" (
    "id" SERIAL NOT NULL,
    "symbol" TEXT NOT NULL,
    "mechanism" "UnMechanism" NOT NULL,
    "body" TEXT NOT NULL,
    "title" TEXT,
    "date" DATE,
    "url" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "organizationId" TEXT,
    "createdByUserId" TEXT,
    "sourceDocumentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "paragraph" TEXT,
    "text" TEXT NOT NULL,
    "stateIso3" TEXT NOT NULL,
    "affectedPersons" TEXT[],
    "uhriId" TEXT,
    "organizationId" TEXT,
    "createdByUserId" TEXT,
    "sourceDocumentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingTheme" (
    "findingId" INTEGER NOT NULL,
    "themeId" INTEGER NOT NULL,

    CONSTRAINT "FindingTheme_pkey" PRIMARY KEY ("findingId","themeId")
);

-- CreateTable
CREATE TABLE "FindingLink" (
    "findingId" INTEGER NOT NULL,
    "recommendationId" INTEGER NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "FindingLinkStatus" NOT NULL,
    "stance" "FindingStance",
    "excerpt" TEXT,
    "similarity" DOUBLE PRECISION,
    "decidedByUserId" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingLink_pkey" PRIMARY KEY ("findingId","recommendationId","organizationId")
);

-- CreateTable
CREATE TABLE "ReviewDocument" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "role" "ReviewDocumentRole" NOT NULL,
    "symbol" TEXT,
    "title" TEXT,
    "date" DATE,
    "url" TEXT,
    "author" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnDocument_symbol_key" ON "UnDocument"("symbol");

-- CreateIndex
CREATE INDEX "UnDocument_body_idx" ON "UnDocument"("body");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_uhriId_key" ON "Finding"("uhriId");

-- CreateIndex
CREATE INDEX "Finding_documentId_idx" ON "Finding"("documentId");

-- CreateIndex
CREATE INDEX "Finding_stateIso3_idx" ON "Finding"("stateIso3");

-- CreateIndex
CREATE INDEX "FindingTheme_themeId_idx" ON "FindingTheme"("themeId");

-- CreateIndex
CREATE INDEX "FindingLink_recommendationId_status_stance_idx" ON "FindingLink"("recommendationId", "status", "stance");

-- CreateIndex
CREATE INDEX "FindingLink_organizationId_idx" ON "FindingLink"("organizationId");

-- CreateIndex
CREATE INDEX "ReviewDocument_reviewId_role_idx" ON "ReviewDocument"("reviewId", "role");

-- CreateIndex
CREATE INDEX "Evidence_findingId_idx" ON "Evidence"("findingId");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnDocument" ADD CONSTRAINT "UnDocument_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnDocument" ADD CONSTRAINT "UnDocument_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnDocument" ADD CONSTRAINT "UnDocument_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "SourceDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "UnDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_stateIso3_fkey" FOREIGN KEY ("stateIso3") REFERENCES "Country"("iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "SourceDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingTheme" ADD CONSTRAINT "FindingTheme_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingTheme" ADD CONSTRAINT "FindingTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingLink" ADD CONSTRAINT "FindingLink_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingLink" ADD CONSTRAINT "FindingLink_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingLink" ADD CONSTRAINT "FindingLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingLink" ADD CONSTRAINT "FindingLink_decidedByUserId_fkey" FOREIGN KEY ("decidedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDocument" ADD CONSTRAINT "ReviewDocument_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Findings, their documents and links, and the reviews' documents are shown on public pages: their writes empty the
-- cache of anonymous pages as every other public table does (migration data_changed_notifications).
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "UnDocument" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Finding" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FindingTheme" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FindingLink" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReviewDocument" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();

-- The suggestions for a recommendation search the findings of ITS State by trigram similarity: one GIN index on the
-- State and the text (btree_gin + pg_trgm, as for RecommendationSimilarityPart).
CREATE INDEX "Finding_state_text_trgm_idx" ON "Finding" USING gin ("stateIso3", "text" gin_trgm_ops);
