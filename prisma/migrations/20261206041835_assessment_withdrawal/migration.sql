-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "withdrawalReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnByUserId" TEXT;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_withdrawnByUserId_fkey" FOREIGN KEY ("withdrawnByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

