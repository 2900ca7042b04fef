-- The comparable parts of each recommendation's text, normalised once, for the across-cycles suggestions
-- (lib/recurrence.ts, lib/server/recurrence.ts). Computing them per request (regexes on every text of the State)
-- cost most of the detail page's time at 250,000 recommendations. The app keeps the table
-- (lib/server/recurrence/similarity-parts.ts): the importer for the rows it writes, the start-up seed for any row
-- without parts.
--
-- btree_gin lets one GIN index hold the State under review beside the trigrams, so a search for similar parts
-- reads only that State's entries. Like pg_trgm it is a trusted extension, and the embedded server loads both.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- CreateTable
CREATE TABLE "RecommendationSimilarityPart" (
    "recommendationId" INTEGER NOT NULL,
    "part" INTEGER NOT NULL,
    "stateUnderReviewIso3" TEXT NOT NULL,
    "normalised" TEXT NOT NULL,

    CONSTRAINT "RecommendationSimilarityPart_pkey" PRIMARY KEY ("recommendationId","part")
);

-- AddForeignKey
ALTER TABLE "RecommendationSimilarityPart" ADD CONSTRAINT "RecommendationSimilarityPart_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill the recommendations already loaded, as normaliseForSimilarity() (lib/recurrence.ts) splits and rewrites
-- them today. The separator is written chr(59): the migration runner splits scripts at every semicolon, even in a
-- string or a comment.
INSERT INTO "RecommendationSimilarityPart" ("recommendationId", "part", "stateUnderReviewIso3", "normalised")
SELECT n."id", (row_number() OVER (PARTITION BY n."id" ORDER BY n."at"))::int, n."sur", n."normalised"
FROM (
  SELECT r."id", v."stateUnderReviewIso3" AS "sur", p."at", btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(' ' || lower(p."piece") || ' ',
      'international covenant on civil and political rights', 'iccpr', 'g'),
      'international covenant on economic,? social and cultural rights', 'icescr', 'g'),
      'convention on the elimination of all forms of discrimination against women', 'cedaw', 'g'),
      'convention against torture and other cruel,? inhuman or degrading treatment or punishment', 'cat', 'g'),
      'capital punishment', 'death penalty', 'g'),
      '[^a-z0-9]+', ' ', 'g'),
      ' (the|of|and|to|its|a|an|in|on|for|with|as|by|at|be|that|this|all|which|further|continue|consider)(?= )', '', 'g')) AS "normalised"
  FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId",
    regexp_split_to_table(regexp_replace(r."text", '\([^)]*\)', ' ', 'g'), chr(59)) WITH ORDINALITY AS p("piece", "at")
) n
WHERE n."normalised" <> '';

-- The similar parts of one State's recommendations: "stateUnderReviewIso3" = $1 AND "normalised" % $2.
CREATE INDEX "RecommendationSimilarityPart_state_normalised_idx" ON "RecommendationSimilarityPart"
  USING gin ("stateUnderReviewIso3", "normalised" gin_trgm_ops);
