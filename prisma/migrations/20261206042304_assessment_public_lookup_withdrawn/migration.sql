-- DropIndex
DROP INDEX "Assessment_status_lookup_idx";

-- CreateIndex
CREATE INDEX "Assessment_status_lookup_idx" ON "Assessment"("recommendationId", "organizationId", "version", "visibility", "status", "withdrawnAt");

