-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SourceFormat" ADD VALUE 'UPR_INFO_UWAZI_CSV';
ALTER TYPE "SourceFormat" ADD VALUE 'UHRI_XLSX';
ALTER TYPE "SourceFormat" ADD VALUE 'UHRI_JSON';

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "responseWordingSource" TEXT,
ADD COLUMN     "unknownRecommendingStates" INTEGER NOT NULL DEFAULT 0;

