-- CreateIndex
CREATE INDEX "Review_cycle_id_idx" ON "Review"("cycle" DESC, "id");

-- The explorer's counts and facets read these columns of many recommendations: from this index alone (an index-only
-- scan), not from the wide rows (texts, search vector). Prisma cannot express INCLUDE.
CREATE INDEX "Recommendation_facets_idx" ON "Recommendation" ("reviewId") INCLUDE ("id", "position", "responseWording", "recommendingRegions", "themeIds", "actionCategories");

-- The summaries gained the slice rows (position × regional groups of the recommending States, per review): every
-- review is counted again, by the readers' refresh or in the background, and counted live meanwhile.
INSERT INTO "StatsSummaryStale" ("reviewId") SELECT "id" FROM "Review";
