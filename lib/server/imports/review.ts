import "server-only";
import type { ReviewOutcome, ReviewPlan } from "@/lib/import/plan";
import type { SourceFamily } from "@/lib/import/source-family";
import type { ParsedDocument, ParsedRecommendation, ReviewRef } from "@/lib/import/types";
import { recordAuditEvent } from "../audit";
import type { Prisma } from "../generated/prisma/client";
import { refreshRecommendationSearchIndex } from "../recommendation-index";
import { refreshSimilarityParts } from "../recurrence/similarity-parts";
import { refreshReviewSummaries } from "../stats/summary-refresh";
import { insertRecommendations, readStoredRows, updateRecommendations, upsertThemes, writeStates, writeThemes, type ChangedRow, type NewRow, type StateRow, type ThemeRow } from "./batch";
import type { ReviewGroup } from "@/lib/import/review-groups";
import { countWork, formatsOutside, loadReviews, lockOtherFamilies, STORED_FORMAT, type LoadedReview } from "./loaded";
import { planReview } from "./plan";
import { fieldsOf, regionsOf, sameFields, sameStates, sameThemes, themeLinks } from "./rows";

type Tx = Prisma.TransactionClient;

export type ImportContext = {
  doc: ParsedDocument;
  family: SourceFamily;
  replace: boolean;
  actorUserId: string | null;
  /** Country → regional group, as the Country table holds it, for the search arrays of new rows. */
  regionOf: ReadonlyMap<string, string | null>;
  /**
   * What earlier reviews of this file committed, so later ones need not ask again: the file's SourceDocument and
   * theme ids. Filled by the caller only after a review's transaction commits, never from one that rolled back.
   */
  committed: { sourceDocumentId: number | null; themeIds: Map<string, number> };
};

export type ReviewWritten = { plan: ReviewPlan; outcome: ReviewOutcome; sourceDocumentId: number | null; themeIds: ReadonlyMap<string, number> };

/** The review's row, created when new; curated facts (prisma/data/reviews.json) win, the document fills what is unknown. */
async function ensureReview(tx: Tx, ref: ReviewRef, current: LoadedReview | undefined): Promise<number> {
  if (!current) {
    const created = await tx.review.create({ data: { stateUnderReviewIso3: ref.stateUnderReview, cycle: ref.cycle, session: ref.session, reportSymbol: ref.reportSymbol, addendumSymbol: ref.addendumSymbol } });
    return created.id;
  }
  const fill = { session: current.session ?? ref.session, reportSymbol: current.reportSymbol ?? ref.reportSymbol, addendumSymbol: current.addendumSymbol ?? ref.addendumSymbol };
  if (fill.session !== current.session || fill.reportSymbol !== current.reportSymbol || fill.addendumSymbol !== current.addendumSymbol) {
    await tx.review.update({ where: { id: current.reviewId }, data: fill });
  }
  return current.reviewId;
}

/** The file's SourceDocument (by content hash), created by the first review that writes. */
async function ensureSourceDocument(tx: Tx, ctx: ImportContext): Promise<number> {
  if (ctx.committed.sourceDocumentId !== null) return ctx.committed.sourceDocumentId;
  const { doc } = ctx;
  const found = await tx.sourceDocument.findUnique({ where: { sha256: doc.sha256 }, select: { id: true } });
  if (found) return found.id;
  const created = await tx.sourceDocument.create({ data: { format: STORED_FORMAT[doc.format], fileName: doc.fileName, sha256: doc.sha256, title: doc.title } });
  return created.id;
}

type Written = { created: number; updated: number; unchanged: number; changed: number[]; sourceDocumentId: number | null; themeIds: ReadonlyMap<string, number> };

/**
 * Writes a review's records: reads the stored rows of their source keys once, compares in memory, and writes only
 * what differs, a few statements for the whole review.
 */
async function writeRecommendations(tx: Tx, ctx: ImportContext, recs: readonly ParsedRecommendation[], reviewId: number): Promise<Written> {
  const themeIds = await upsertThemes(tx, recs.flatMap((rec) => rec.themes), ctx.committed.themeIds);
  const stored = await readStoredRows(tx, recs.map((rec) => rec.sourceKey));
  const inserts: NewRow[] = [];
  const changes: ChangedRow[] = [];
  const states: StateRow[] = [];
  const themes: ThemeRow[] = [];
  const restated: number[] = [];
  const rethemed: number[] = [];
  let unchanged = 0;

  // Compare each record with its stored row.
  recs.forEach((rec, ordinal) => {
    const current = stored.get(rec.sourceKey);
    const fields = fieldsOf(rec, ordinal, current);
    const links = themeLinks(rec, themeIds);
    if (!current) {
      inserts.push({ sourceKey: rec.sourceKey, fields, states: rec.recommendingStates, links, regions: regionsOf(rec.recommendingStates, ctx.regionOf) });
      return;
    }
    const [fieldsSame, statesSame, themesSame] = [sameFields(fields, current, reviewId), sameStates(current, rec), sameThemes(current, links)];
    if (fieldsSame && statesSame && themesSame) {
      unchanged++;
      return;
    }
    changes.push({ id: current.id, fields });
    if (!statesSame) {
      restated.push(current.id);
      rec.recommendingStates.forEach((countryIso3, i) => states.push({ recommendationId: current.id, countryIso3, ordinal: i }));
    }
    if (!themesSame) {
      rethemed.push(current.id);
      links.forEach((link) => themes.push({ recommendationId: current.id, ...link }));
    }
  });

  // Write the differences: new rows (with their join rows), then changed rows and their join rows. The file is
  // recorded only when it brings something, so the same rows in a re-saved file (another hash) write nothing either.
  const written = { created: inserts.length, updated: changes.length, unchanged, changed: changes.map((change) => change.id), themeIds };
  if (inserts.length + changes.length === 0) return { ...written, sourceDocumentId: null };
  const sourceDocumentId = await ensureSourceDocument(tx, ctx);
  await insertRecommendations(tx, reviewId, sourceDocumentId, inserts);
  await updateRecommendations(tx, reviewId, sourceDocumentId, changes);
  await writeStates(tx, restated, states);
  await writeThemes(tx, rethemed, themes);
  return { ...written, sourceDocumentId };
}

/**
 * Deletes the review's recommendations from other families (their States, themes and official texts cascade) and says
 * how many rows went, official language versions included: those come back only by importing their document again.
 */
async function removeOtherFamilies(tx: Tx, reviewId: number, family: SourceFamily): Promise<{ recommendations: number; officialTexts: number }> {
  const [removed] = await tx.$queryRaw<{ recommendations: number; officialTexts: number }[]>`
    WITH gone AS (
      DELETE FROM "Recommendation" r USING "SourceDocument" s
      WHERE s."id" = r."sourceDocumentId" AND r."reviewId" = ${reviewId} AND s."format"::text = ANY(${formatsOutside(family)}::text[])
      RETURNING r."id"
    )
    SELECT (SELECT count(*)::int FROM gone) AS "recommendations",
      (SELECT count(*)::int FROM "RecommendationText" t WHERE t."recommendationId" IN (SELECT "id" FROM gone)) AS "officialTexts"`;
  return removed ?? { recommendations: 0, officialTexts: 0 };
}

/**
 * Imports one review inside the caller's transaction: all of it or nothing. The plan is decided again here, under a
 * lock on the review, so two imports of the same review (the CLI and the browser) cannot interleave and a preview
 * made minutes earlier cannot replace work added since.
 */
export async function importReview(tx: Tx, ctx: ImportContext, group: ReviewGroup): Promise<ReviewWritten> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`upr-import:${group.key}`}))`;
  const loaded = (await loadReviews(tx, [group])).get(group.key);
  const replacing = ctx.replace && loaded !== undefined && loaded.sources.some((source) => source.family !== ctx.family);
  if (replacing) await lockOtherFamilies(tx, loaded.reviewId, ctx.family);
  const work = replacing ? (await countWork(tx, [loaded.reviewId], ctx.family)).get(loaded.reviewId) : undefined;
  const plan = planReview(group, ctx.family, loaded, ctx.replace, work);
  const outcome: ReviewOutcome = { stateUnderReview: group.stateUnderReview, cycle: group.cycle, action: plan.action, created: 0, updated: 0, unchanged: 0, removed: 0 };
  if (plan.action === "skip" || plan.action === "refuse") return { plan, outcome, sourceDocumentId: null, themeIds: new Map() };

  const reviewId = await ensureReview(tx, group.ref, loaded);
  const removed = plan.action === "replace" ? await removeOtherFamilies(tx, reviewId, ctx.family) : { recommendations: 0, officialTexts: 0 };
  outcome.removed = removed.recommendations;
  const written = await writeRecommendations(tx, ctx, group.recommendations, reviewId);
  const { sourceDocumentId } = written;
  Object.assign(outcome, { created: written.created, updated: written.updated, unchanged: written.unchanged });
  // The search arrays, once for the review. New rows were written with theirs (computed as this refresh does).
  if (written.changed.length > 0) await refreshRecommendationSearchIndex(tx, { ids: written.changed });
  // The texts' comparable parts (across-cycles suggestions): the changed rows and the new ones.
  if (written.created + written.changed.length > 0) await refreshSimilarityParts(tx, { ids: written.changed, missing: { reviewId } });
  // The review's stats summaries, in this transaction: they commit with the rows they count.
  if (outcome.created + outcome.updated + outcome.removed > 0) await refreshReviewSummaries(tx, [reviewId]);

  // A re-import that changes nothing writes nothing, not even an audit event.
  if (outcome.created + outcome.updated + outcome.removed > 0) {
    const { doc } = ctx;
    await recordAuditEvent(tx, {
      actorUserId: ctx.actorUserId,
      action: plan.action === "replace" ? "import.replace" : "import",
      subjectType: "review",
      subjectId: String(reviewId),
      changes: {
        fileName: doc.fileName,
        sha256: doc.sha256,
        format: doc.format,
        sourceDocumentId,
        stateUnderReview: group.stateUnderReview,
        cycle: group.cycle,
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        ...(plan.action === "replace"
          ? { removed: outcome.removed, officialTextsRemoved: removed.officialTexts, fromFamily: plan.existingFamily, toFamily: ctx.family, replaced: plan.note }
          : {}),
      },
    });
  }
  return { plan, outcome, sourceDocumentId, themeIds: written.themeIds };
}
