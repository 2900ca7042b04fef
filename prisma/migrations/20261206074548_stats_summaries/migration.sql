-- CreateTable
CREATE TABLE "StatsSummary" (
    "id" BIGSERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "cycle" INTEGER NOT NULL,
    "region" TEXT,
    "dimension" TEXT NOT NULL,
    "audience" TEXT NOT NULL DEFAULT '',
    "key" TEXT,
    "count" INTEGER NOT NULL,

    CONSTRAINT "StatsSummary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatsRollup" (
    "id" BIGSERIAL NOT NULL,
    "cycle" INTEGER NOT NULL,
    "region" TEXT,
    "dimension" TEXT NOT NULL,
    "audience" TEXT NOT NULL DEFAULT '',
    "key" TEXT,
    "count" INTEGER NOT NULL,

    CONSTRAINT "StatsRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatsSummaryStale" (
    "id" BIGSERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatsSummaryStale_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatsSummary_dimension_audience_reviewId_key_count_idx" ON "StatsSummary"("dimension", "audience", "reviewId", "key", "count");

-- CreateIndex
CREATE INDEX "StatsSummary_reviewId_idx" ON "StatsSummary"("reviewId");

-- CreateIndex
CREATE INDEX "StatsRollup_dimension_audience_cycle_region_key_count_idx" ON "StatsRollup"("dimension", "audience", "cycle", "region", "key", "count");

-- CreateIndex
CREATE INDEX "StatsSummaryStale_reviewId_idx" ON "StatsSummaryStale"("reviewId");


-- (Function bodies are E'' strings with \073 for their semicolons: the migration runner splits the script at every
-- semicolon, even inside dollar quotes.)
-- Statement-level triggers mark the reviews a write touches as stale, whatever wrote (the importer, the assessment
-- writes, a script, psql): the summaries are never trusted for a marked review until it is refreshed
-- (lib/server/stats/summary-refresh.ts). An UPDATE marks only when a column a count reads changed.
CREATE FUNCTION "stats_mark_recommendation"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "StatsSummaryStale" ("reviewId") SELECT DISTINCT n."reviewId" FROM new_rows n\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "StatsSummaryStale" ("reviewId") SELECT DISTINCT o."reviewId" FROM old_rows o\073
  ELSE
    INSERT INTO "StatsSummaryStale" ("reviewId")
    SELECT DISTINCT x."reviewId" FROM old_rows o JOIN new_rows n ON n."id" = o."id",
      LATERAL (VALUES (o."reviewId"), (n."reviewId")) x("reviewId")
    WHERE (o."reviewId", o."position", o."responseWording", o."actionCategories", o."recommendingRegions")
      IS DISTINCT FROM (n."reviewId", n."position", n."responseWording", n."actionCategories", n."recommendingRegions")\073
  END IF\073
  RETURN NULL\073
END ';

-- RecommendationState, RecommendationTheme and Assessment rows: the review of their recommendation. A row deleted by
-- the cascade of its recommendation's delete finds no recommendation, whose own trigger has marked the review.
CREATE FUNCTION "stats_mark_recommendation_child"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "StatsSummaryStale" ("reviewId")
    SELECT DISTINCT r."reviewId" FROM "Recommendation" r WHERE r."id" IN (SELECT n."recommendationId" FROM new_rows n)\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "StatsSummaryStale" ("reviewId")
    SELECT DISTINCT r."reviewId" FROM "Recommendation" r WHERE r."id" IN (SELECT o."recommendationId" FROM old_rows o)\073
  ELSE
    INSERT INTO "StatsSummaryStale" ("reviewId")
    SELECT DISTINCT r."reviewId" FROM "Recommendation" r WHERE r."id" IN (
      SELECT o."recommendationId" FROM old_rows o UNION SELECT n."recommendationId" FROM new_rows n)\073
  END IF\073
  RETURN NULL\073
END ';

CREATE FUNCTION "stats_mark_assessment_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "StatsSummaryStale" ("reviewId")
  SELECT DISTINCT r."reviewId" FROM "Recommendation" r WHERE r."id" IN (
    SELECT x."recommendationId" FROM old_rows o JOIN new_rows n ON n."id" = o."id",
      LATERAL (VALUES (o."recommendationId"), (n."recommendationId")) x("recommendationId")
    WHERE (o."recommendationId", o."organizationId", o."version", o."status", o."visibility", o."withdrawnAt")
      IS DISTINCT FROM (n."recommendationId", n."organizationId", n."version", n."status", n."visibility", n."withdrawnAt"))\073
  RETURN NULL\073
END ';

-- A theme's slug (the key) or scheme (affected persons are not counted) changing: the reviews of its recommendations.
CREATE FUNCTION "stats_mark_theme_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "StatsSummaryStale" ("reviewId")
  SELECT DISTINCT r."reviewId" FROM "RecommendationTheme" rt JOIN "Recommendation" r ON r."id" = rt."recommendationId"
  WHERE rt."themeId" IN (SELECT n."id" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE (o."slug", o."scheme") IS DISTINCT FROM (n."slug", n."scheme"))\073
  RETURN NULL\073
END ';

-- TRUNCATE (the benchmark's loader): every review with summaries or recommendations.
CREATE FUNCTION "stats_mark_all"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "StatsSummaryStale" ("reviewId") SELECT "id" FROM "Review" UNION SELECT DISTINCT "reviewId" FROM "StatsSummary"\073
  RETURN NULL\073
END ';

CREATE TRIGGER "stats_recommendation_insert" AFTER INSERT ON "Recommendation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation"();
CREATE TRIGGER "stats_recommendation_update" AFTER UPDATE ON "Recommendation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation"();
CREATE TRIGGER "stats_recommendation_delete" AFTER DELETE ON "Recommendation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation"();

CREATE TRIGGER "stats_recommendation_state_insert" AFTER INSERT ON "RecommendationState" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation_child"();
CREATE TRIGGER "stats_recommendation_state_update" AFTER UPDATE ON "RecommendationState" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation_child"();
CREATE TRIGGER "stats_recommendation_state_delete" AFTER DELETE ON "RecommendationState" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation_child"();

CREATE TRIGGER "stats_recommendation_theme_insert" AFTER INSERT ON "RecommendationTheme" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation_child"();
CREATE TRIGGER "stats_recommendation_theme_update" AFTER UPDATE ON "RecommendationTheme" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation_child"();
CREATE TRIGGER "stats_recommendation_theme_delete" AFTER DELETE ON "RecommendationTheme" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation_child"();

CREATE TRIGGER "stats_assessment_insert" AFTER INSERT ON "Assessment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation_child"();
CREATE TRIGGER "stats_assessment_update" AFTER UPDATE ON "Assessment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_assessment_update"();
CREATE TRIGGER "stats_assessment_delete" AFTER DELETE ON "Assessment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_recommendation_child"();

CREATE TRIGGER "stats_theme_update" AFTER UPDATE ON "Theme" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_theme_update"();

CREATE TRIGGER "stats_recommendation_truncate" AFTER TRUNCATE ON "Recommendation" FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_all"();
CREATE TRIGGER "stats_recommendation_state_truncate" AFTER TRUNCATE ON "RecommendationState" FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_all"();
CREATE TRIGGER "stats_recommendation_theme_truncate" AFTER TRUNCATE ON "RecommendationTheme" FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_all"();
CREATE TRIGGER "stats_assessment_truncate" AFTER TRUNCATE ON "Assessment" FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_all"();

-- A review moving to another cycle or State under review, or a State to another regional group: the StatsRollup
-- bucket of the review changes.
CREATE FUNCTION "stats_mark_review_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "StatsSummaryStale" ("reviewId")
  SELECT n."id" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
  WHERE (o."cycle", o."stateUnderReviewIso3") IS DISTINCT FROM (n."cycle", n."stateUnderReviewIso3")\073
  RETURN NULL\073
END';

CREATE FUNCTION "stats_mark_country_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "StatsSummaryStale" ("reviewId")
  SELECT v."id" FROM "Review" v WHERE v."stateUnderReviewIso3" IN (SELECT n."iso3" FROM old_rows o JOIN new_rows n ON n."iso3" = o."iso3"
    WHERE o."regionalGroup" IS DISTINCT FROM n."regionalGroup")\073
  RETURN NULL\073
END';

CREATE TRIGGER "stats_review_update" AFTER UPDATE ON "Review" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_review_update"();
CREATE TRIGGER "stats_country_update" AFTER UPDATE ON "Country" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_mark_country_update"();

-- The reviews loaded before this migration have no summaries yet: the first refresh fills them.
INSERT INTO "StatsSummaryStale" ("reviewId") SELECT "id" FROM "Review";
