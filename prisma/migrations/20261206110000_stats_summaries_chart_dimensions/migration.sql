-- The stats summaries gain two dimensions (the theme sets behind the theme chart's "Other" bar, and the accepted
-- recommendations' status timeline). Every review is marked, so its summaries are counted again with them before any
-- reader trusts them.
INSERT INTO "StatsSummaryStale" ("reviewId") SELECT "id" FROM "Review";
