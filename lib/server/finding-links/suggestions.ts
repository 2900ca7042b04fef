import "server-only";
import { SUBJECT_THEME_SCHEMES } from "@/lib/recurrence";
import type { FindingSuggestion } from "@/lib/schemas/finding-link";
import { getDb, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { authorize, type Viewer } from "../permissions";

/**
 * Suggested findings for a recommendation: findings about its State under review that share a subject theme with it
 * and whose text is similar, that the organisation has not decided on yet (confirmed, or rejected: a rejected one is
 * not suggested to it again).
 *
 * The text is compared as the across-cycles suggestions compare it (lib/server/recurrence.ts): from the precomputed
 * normalised parts of the recommendation ("RecommendationSimilarityPart"), with pg_trgm. A recommendation is a sentence
 * and a finding a paragraph, so the measure is word_similarity (the best-matching stretch of the finding), not
 * similarity of the wholes; `%>` with its threshold is answered by the GIN index on the finding's State and text
 * ("Finding_state_text_trgm_idx").
 */

/** The least word similarity a suggestion needs (0..1): below it, shared words are few and suggestions noise. */
export const MIN_FINDING_SIMILARITY = 0.3;
/** At most this many suggestions at once, best first: an editor decides on them a few at a time. */
export const MAX_FINDING_SUGGESTIONS = 10;

const subjectSchemes = Prisma.join(SUBJECT_THEME_SCHEMES.map((scheme) => Prisma.sql`${scheme}::"ThemeScheme"`));

type Executor = Pick<Db, "$queryRaw">;

/** The best word similarity of a recommendation's parts within a finding's text (0..1). */
export async function wordSimilarity(db: Executor, recommendationId: number, findingId: number): Promise<number> {
  const [row] = await db.$queryRaw<{ similarity: number | null }[]>`
    SELECT max(word_similarity(p."normalised", f."text"))::float8 AS "similarity"
    FROM "RecommendationSimilarityPart" p, "Finding" f WHERE p."recommendationId" = ${recommendationId} AND f."id" = ${findingId}`;
  return Math.round((row?.similarity ?? 0) * 100) / 100;
}

/**
 * The suggestions for the organisation (its editors and owners only: they are the ones who decide on them). The
 * caller names the organisation; the permission is checked here.
 */
export async function listFindingSuggestions(viewer: Viewer | null, recommendationId: number, organizationId: string, db: Db = getDb()): Promise<FindingSuggestion[]> {
  authorize(viewer, "findingLink.decide", { organizationId });
  // One statement: `%>` reads its threshold from pg_trgm.word_similarity_threshold, set for this statement only by
  // the parts' CTE, which every comparison needs a row of.
  const rows = await db.$queryRaw<
    { findingId: number; similarity: number; sharedThemes: string[]; paragraph: string | null; text: string; symbol: string; body: string; date: Date | null }[]
  >`
    WITH target AS (
      SELECT v."stateUnderReviewIso3" AS "sur" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" WHERE r."id" = ${recommendationId}
    ),
    target_parts AS MATERIALIZED (
      SELECT "normalised" FROM "RecommendationSimilarityPart"
      WHERE "recommendationId" = ${recommendationId} AND set_config('pg_trgm.word_similarity_threshold', ${String(MIN_FINDING_SIMILARITY)}, true) IS NOT NULL
    ),
    target_themes AS (
      SELECT DISTINCT lower(t."name") AS "name" FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId"
      WHERE rt."recommendationId" = ${recommendationId} AND t."scheme" IN (${subjectSchemes})
    ),
    similar_findings AS (
      SELECT f."id", max(word_similarity(tp."normalised", f."text"))::float8 AS "similarity"
      FROM target_parts tp JOIN "Finding" f ON f."stateIso3" = (SELECT "sur" FROM target) AND f."text" %> tp."normalised"
      GROUP BY f."id"
    ),
    candidates AS (
      SELECT s."id" AS "findingId", s."similarity",
        ARRAY(SELECT DISTINCT t."name" FROM "FindingTheme" ft JOIN "Theme" t ON t."id" = ft."themeId"
          WHERE ft."findingId" = s."id" AND lower(t."name") IN (SELECT "name" FROM target_themes) ORDER BY t."name") AS "sharedThemes"
      FROM similar_findings s
      WHERE NOT EXISTS (SELECT 1 FROM "FindingLink" fl
        WHERE fl."findingId" = s."id" AND fl."recommendationId" = ${recommendationId} AND fl."organizationId" = ${organizationId})
    )
    SELECT c."findingId", c."similarity", c."sharedThemes", f."paragraph", f."text", d."symbol", d."body", d."date"
    FROM candidates c JOIN "Finding" f ON f."id" = c."findingId" JOIN "UnDocument" d ON d."id" = f."documentId"
    WHERE cardinality(c."sharedThemes") > 0
    ORDER BY c."similarity" DESC, d."date" DESC NULLS LAST, c."findingId"
    LIMIT ${MAX_FINDING_SUGGESTIONS}`;
  return rows.map((row) => ({
    findingId: row.findingId,
    similarity: Math.round(row.similarity * 100) / 100,
    sharedThemes: row.sharedThemes,
    paragraph: row.paragraph,
    text: row.text,
    document: { symbol: row.symbol, body: row.body, date: row.date ? row.date.toISOString().slice(0, 10) : null },
  }));
}
