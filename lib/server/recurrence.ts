import "server-only";
import { z } from "zod";
import { MIN_SIMILARITY, orderPair, rankSuggestions, SUBJECT_THEME_SCHEMES } from "@/lib/recurrence";
import type { ChainStep, DecideLink, LinkDecision, LinkView, Recurrence, Suggestion } from "@/lib/schemas/recurrence";
import type { PositionParam } from "@/lib/search-params";
import { recordAuditEvent } from "./audit";
import { getDb, type Db } from "./db";
import { Prisma, type RecommendationLinkStatus } from "./generated/prisma/client";
import { NotFoundError, UnauthenticatedError } from "./http-errors";
import { writingOrganization, type Viewer } from "./permissions";
import { publicCache } from "./public-cache";
import { normalisedSql, partsSql } from "./recurrence/similarity-parts";
import { fromDbEnum, toDbEnum } from "./wire-enums";

/**
 * Recurring recommendations across cycles: suggestions (the rule is lib/recurrence.ts; here only the SQL that gathers
 * its numbers, with pg_trgm's similarity() on the precomputed parts of recurrence/similarity-parts.ts), the chain of
 * confirmed links, and editors' decisions.
 */

/** Best trigram similarity between any part of one text and any part of the other. */
function bestSimilarity(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(max(similarity(na, nb)), 0)::float8
    FROM (SELECT ${normalisedSql(Prisma.sql`pa."piece"`)} AS na FROM ${partsSql(a)} AS pa("piece", "at")) x,
      (SELECT ${normalisedSql(Prisma.sql`pb."piece"`)} AS nb FROM ${partsSql(b)} AS pb("piece", "at")) y
    WHERE na <> '' AND nb <> '')`;
}

const subjectSchemes = Prisma.join(SUBJECT_THEME_SCHEMES.map((scheme) => Prisma.sql`${scheme}::"ThemeScheme"`));

type StepRow = { id: number; cycle: number; reviewDate: Date | null; paragraph: string | null; text: string; textLanguage: string; position: string | null; responseWording: string | null; ordinal: number };

const STEP_COLUMNS = Prisma.sql`r."id", v."cycle", v."reviewDate", r."paragraph", r."text", r."textLanguage", r."position"::text AS "position", r."responseWording", r."ordinal"`;

function toStep(row: StepRow): ChainStep {
  return {
    id: row.id,
    cycle: row.cycle,
    year: row.reviewDate ? row.reviewDate.getUTCFullYear() : null,
    paragraph: row.paragraph,
    text: row.text,
    textLanguage: row.textLanguage,
    position: row.position ? (fromDbEnum(row.position).replace(/_/g, "-") as PositionParam) : null,
    responseWording: row.responseWording,
  };
}

/**
 * The recommendation and every recommendation linked to it by confirmed links, followed in both directions (2009 →
 * 2013 → 2018 → 2024), oldest cycle first. UNION (not UNION ALL) stops at recommendations already reached.
 */
export async function listRecurrenceChain(id: number, db: Db = getDb()): Promise<ChainStep[]> {
  const rows = await db.$queryRaw<StepRow[]>`
    WITH RECURSIVE chain("id") AS (
      SELECT ${id}::int
      UNION
      SELECT CASE WHEN l."earlierId" = c."id" THEN l."laterId" ELSE l."earlierId" END
      FROM "RecommendationLink" l JOIN chain c ON c."id" IN (l."earlierId", l."laterId")
      WHERE l."status" = 'CONFIRMED'
    )
    SELECT ${STEP_COLUMNS} FROM chain c JOIN "Recommendation" r ON r."id" = c."id" JOIN "Review" v ON v."id" = r."reviewId"
    ORDER BY v."cycle", r."ordinal", r."id"`;
  return rows.map(toStep);
}

export type CandidateRow = StepRow & { similarity: number; sharedStates: { iso3: string; name: string }[]; sharedThemes: string[] };

/**
 * Likely counterparts in the other reviews of the same State under review that no editor has decided on yet:
 * candidates share a recommending State or a subject theme, and their text similarity is computed here; which of
 * them are suggested, and in what order, is lib/recurrence.ts's rule.
 *
 * The search starts from the text: the State's parts similar to one of the recommendation's parts (pg_trgm's `%`
 * with the threshold at MIN_SIMILARITY, which the GIN index on State + trigrams answers), then keeps those of other
 * cycles that share a State or a theme. A candidate below MIN_SIMILARITY is never suggested, and its best pair is the
 * best pair over the threshold, so this finds exactly what comparing every part with every part would.
 */
export async function listRecurrenceSuggestions(id: number, db: Db = getDb()): Promise<Pick<Recurrence, "earlier" | "later">> {
  // One statement, no transaction: under a crowd a transaction waits for a connection of its own. `%` reads its
  // threshold from pg_trgm.similarity_threshold, set here for this statement only (is_local, in the statement's own
  // implicit transaction) by target_parts, which every `%` comparison needs a row of, so it is set before the first.
  const rows = await db.$queryRaw<(CandidateRow & { targetCycle: number })[]>`
    WITH target AS (
      SELECT r."id", v."stateUnderReviewIso3" AS "sur", v."cycle"
      FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" WHERE r."id" = ${id}
    ),
    target_parts AS MATERIALIZED (
      SELECT "stateUnderReviewIso3" AS "sur", "normalised" FROM "RecommendationSimilarityPart"
      WHERE "recommendationId" = ${id} AND set_config('pg_trgm.similarity_threshold', ${String(MIN_SIMILARITY)}, true) IS NOT NULL
    ),
    similarities AS (
      SELECT p."recommendationId" AS "id", max(similarity(p."normalised", tp."normalised"))::float8 AS "similarity"
      FROM target_parts tp JOIN "RecommendationSimilarityPart" p ON p."stateUnderReviewIso3" = tp."sur" AND p."normalised" % tp."normalised"
      GROUP BY p."recommendationId"
    ),
    target_states AS (SELECT "countryIso3" FROM "RecommendationState" WHERE "recommendationId" = ${id}),
    target_themes AS (
      SELECT DISTINCT lower(t."name") AS "name" FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId"
      WHERE rt."recommendationId" = ${id} AND t."scheme" IN (${subjectSchemes})
    ),
    candidates AS (
      SELECT ${STEP_COLUMNS}, s."similarity", t."cycle" AS "targetCycle",
        (SELECT coalesce(json_agg(json_build_object('iso3', c."iso3", 'name', c."name") ORDER BY rs."ordinal"), '[]'::json)
          FROM "RecommendationState" rs JOIN "Country" c ON c."iso3" = rs."countryIso3"
          WHERE rs."recommendationId" = r."id" AND rs."countryIso3" IN (SELECT "countryIso3" FROM target_states)) AS "sharedStates",
        ARRAY(SELECT DISTINCT th."name" FROM "RecommendationTheme" rt JOIN "Theme" th ON th."id" = rt."themeId"
          WHERE rt."recommendationId" = r."id" AND th."scheme" IN (${subjectSchemes})
            AND lower(th."name") IN (SELECT "name" FROM target_themes)) AS "sharedThemes"
      FROM similarities s
      JOIN "Recommendation" r ON r."id" = s."id"
      JOIN "Review" v ON v."id" = r."reviewId"
      JOIN target t ON v."stateUnderReviewIso3" = t."sur" AND v."cycle" <> t."cycle"
      WHERE NOT EXISTS (SELECT 1 FROM "RecommendationLink" l
        WHERE (l."earlierId" = r."id" AND l."laterId" = ${id}) OR (l."earlierId" = ${id} AND l."laterId" = r."id"))
    )
    SELECT * FROM candidates WHERE json_array_length("sharedStates") > 0 OR cardinality("sharedThemes") > 0`;
  // Every candidate carries the recommendation's own cycle; none, nothing to rank.
  const [first] = rows;
  return first ? rankedSuggestions(first.targetCycle, rows) : { earlier: [], later: [] };
}

/** The rule of lib/recurrence.ts applied to candidates with their numbers; shared with the reference test. */
export function rankedSuggestions(cycle: number, rows: readonly CandidateRow[]): Pick<Recurrence, "earlier" | "later"> {
  const facts = rows
    .filter((row) => row.similarity >= MIN_SIMILARITY)
    .map((row) => ({ ...row, sharesState: row.sharedStates.length > 0, sharesTheme: row.sharedThemes.length > 0 }));
  const ranked = rankSuggestions(cycle, facts);
  const toSuggestion = (row: (typeof ranked.earlier)[number]): Suggestion => ({
    ...toStep(row),
    similarity: Math.round(row.similarity * 100) / 100,
    score: Math.round(row.score * 100) / 100,
    sharedStates: row.sharedStates,
    sharedThemes: row.sharedThemes,
  });
  return { earlier: ranked.earlier.map(toSuggestion), later: ranked.later.map(toSuggestion) };
}

/**
 * A recommendation's suggestions are public and change only with an import or a decision on one of its own pairs:
 * readers share them for a minute (decideLink forgets both sides at once, an import forgets everything).
 */
const sharedSuggestions = publicCache<number, Pick<Recurrence, "earlier" | "later">>("recurrence-suggestions", { ttlMs: 60_000, maxEntries: 2_000 });

/**
 * The "Across cycles" section of the detail page and GET /api/recommendations/{id}/links: public data only. With
 * `shared`, the suggestions may come from the readers' shared copy (the page); the chain is always read fresh, since
 * a decision on any pair of the chain changes it.
 */
export async function getRecurrence(id: number, db: Db = getDb(), { shared = false }: { shared?: boolean } = {}): Promise<Recurrence | null> {
  const exists = await db.recommendation.findUnique({ where: { id }, select: { id: true } });
  if (!exists) return null;
  const suggestions = shared ? sharedSuggestions.get(id, () => listRecurrenceSuggestions(id, db)) : listRecurrenceSuggestions(id, db);
  const [chain, { earlier, later }] = await Promise.all([listRecurrenceChain(id, db), suggestions]);
  return { chain, earlier, later };
}

function otherIdError(message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: ["otherId"], message, input: undefined }]);
}

/**
 * Records an editor's decision on a pair: confirmed (a public link in the chain) or rejected (no longer suggested).
 * Editors and owners of any organisation may decide; a changed decision replaces the last one and both are audited.
 * The pair must be two recommendations to the same State under review in different cycles.
 */
export async function decideLink(viewer: Viewer | null, id: number, input: DecideLink): Promise<LinkView> {
  if (!viewer) throw new UnauthenticatedError();
  const organizationId = writingOrganization(viewer, "recurrence.decide", input.organizationId);
  if (input.otherId === id) throw otherIdError("must be another recommendation");
  const status = toDbEnum(input.decision) as RecommendationLinkStatus;
  const link = await getDb().$transaction(async (tx) => {
    const pair = await tx.recommendation.findMany({
      where: { id: { in: [id, input.otherId] } },
      select: { id: true, text: true, review: { select: { cycle: true, stateUnderReviewIso3: true } } },
    });
    const self = pair.find((r) => r.id === id);
    const other = pair.find((r) => r.id === input.otherId);
    if (!self) throw new NotFoundError();
    if (!other) throw otherIdError("no such recommendation");
    if (other.review.stateUnderReviewIso3 !== self.review.stateUnderReviewIso3 || other.review.cycle === self.review.cycle) {
      throw otherIdError("must be a recommendation to the same State under review in another cycle");
    }
    const { earlier, later } = orderPair({ id: self.id, cycle: self.review.cycle }, { id: other.id, cycle: other.review.cycle });
    const key = { earlierId_laterId: { earlierId: earlier.id, laterId: later.id } };
    const before = await tx.recommendationLink.findUnique({ where: key });
    if (before?.status === status) return toLinkView(before);
    const [{ similarity }] = (await tx.$queryRaw<{ similarity: number }[]>`
      SELECT ${bestSimilarity(Prisma.sql`${self.text}::text`, Prisma.sql`${other.text}::text`)} AS "similarity"`) as [{ similarity: number }];
    const decided = { status, decidedByUserId: viewer.user.id, organizationId, decidedAt: new Date(), similarity };
    const after = await tx.recommendationLink.upsert({ where: key, create: { earlierId: earlier.id, laterId: later.id, ...decided }, update: decided });
    await recordAuditEvent(tx, {
      actorUserId: viewer.user.id,
      organizationId,
      action: "recommendation-link.decide",
      subjectType: "recommendation-link",
      subjectId: `${earlier.id}-${later.id}`,
      changes: { earlierId: earlier.id, laterId: later.id, status: [before ? decisionOf(before.status) : null, input.decision] },
    });
    return toLinkView(after);
  });
  // The pair is suggested, or no longer, on both sides.
  sharedSuggestions.forget(id);
  sharedSuggestions.forget(input.otherId);
  return link;
}

function decisionOf(status: RecommendationLinkStatus): LinkDecision {
  return fromDbEnum(status) as LinkDecision;
}

function toLinkView(link: { earlierId: number; laterId: number; status: RecommendationLinkStatus; similarity: number; decidedAt: Date }): LinkView {
  return { earlierId: link.earlierId, laterId: link.laterId, decision: decisionOf(link.status), similarity: link.similarity, decidedAt: link.decidedAt.toISOString() };
}
