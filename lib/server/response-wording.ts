import { safeFileName } from "@/lib/http/content-disposition";
import "server-only";
import { cycleLabel } from "@/lib/cycles/english";
import { capIssues } from "@/lib/csv-sheet/issues";
import { readSheetRecordsInSteps } from "@/lib/csv-sheet/read";
import { addendumParagraphOf, formatResponseWordingTemplate, parseResponseWordingSheet, type ParsedWordingSheet } from "@/lib/response-wording/csv";
import { planResponseWording, type WordingPlan, type WordingRecommendation } from "@/lib/response-wording/plan";
import type { ResponseWordingApplied, ResponseWordingPreview } from "@/lib/schemas/response-wording";
import type { Actor } from "./accounts";
import { recordAuditEvent, recordAuditEvents } from "./audit";
import { getDb } from "./db";
import type { Prisma } from "./generated/prisma/client";
import { ConflictError, NotFoundError } from "./http-errors";
import { authorize, type Viewer } from "./permissions";

/**
 * The response-wording sheet: the State's own words per recommendation, as printed in the review's addendum, set on a
 * review already loaded. They are official data, not an organisation's, so only instance administrators (and the
 * operator CLI) may import them; the import runs like the status sheet's: a preview, then every row checked and all
 * changes written in one transaction with an audit event each, or nothing.
 */

type Tx = Prisma.TransactionClient;

/** Which review, and the document the wordings are cited from when it is not the review's addendum. */
export type WordingTarget = { reviewId: number; sourceSymbol?: string };

type Review = { id: number; label: string; iso3: string; cycle: number; addendumSymbol: string | null };

/** The sheet could not be imported: the preview says which rows are wrong. Nothing was written. */
export class ResponseWordingRejectedError extends Error {
  readonly preview: ResponseWordingPreview;
  constructor(preview: ResponseWordingPreview) {
    super("the sheet has errors");
    this.name = "ResponseWordingRejectedError";
    this.preview = preview;
  }
}

export type WordingApplyOptions = {
  /** Called after each batch of rows is written, inside the transaction (the CLI's progress display). */
  onProgress?: (done: number, total: number) => void;
  /** The number of changes the administrator confirmed; when the sheet now makes another number, nothing is written. */
  expectedChanges?: number;
};

/** `fileName`: the ASCII name; `readableName`: the name for people. */
export type WordingTemplateFile = { review: Review; fileName: string; readableName: string; csv: string; rows: number };

/** Rows per UPDATE and per batch of audit events: progress for the CLI, short statements for the embedded database. */
const WRITE_BATCH = 100;

/** The user the audit names: null for the operator CLI; an instance administrator otherwise (401 / 403 for anyone else). */
function actorUserId(actor: Actor): string | null {
  return actor.kind === "operator" ? null : authorize(actor.viewer, "admin.responseWording", {}).user.id;
}

async function loadReview(db: Tx, reviewId: number): Promise<Review> {
  const review = await db.review.findUnique({
    where: { id: reviewId },
    select: { id: true, cycle: true, reviewDate: true, addendumSymbol: true, stateUnderReview: { select: { iso3: true, name: true } } },
  });
  if (!review) throw new NotFoundError("no such review");
  const label = `${review.stateUnderReview.name}, ${cycleLabel(review.cycle, review.reviewDate?.getUTCFullYear() ?? null)}`;
  return { id: review.id, label, iso3: review.stateUnderReview.iso3, cycle: review.cycle, addendumSymbol: review.addendumSymbol };
}

/** The review's recommendations in document order, with what the plan compares: paragraph, position, wording, source. */
function loadRecommendations(db: Tx, reviewId: number): Promise<(WordingRecommendation & { text: string })[]> {
  return db.recommendation.findMany({
    where: { reviewId },
    orderBy: [{ ordinal: "asc" }, { id: "asc" }],
    select: { id: true, paragraph: true, position: true, responseWording: true, responseWordingSource: true, text: true },
  });
}

const POSITION_WORDS = { SUPPORTED: "supported", SUPPORTED_IN_PART: "supported in part", NOTED: "noted" } as const;

/**
 * The template of a review: one row per recommendation with a paragraph, in document order, with its current wording
 * (and the addendum paragraph its source names), then the recorded position and the text to find one's way. Only
 * `paragraph`, `wording` and `addendum_paragraph` are read back, so a template imported as it is changes nothing.
 */
export async function exportResponseWordingTemplate(actor: Actor, reviewId: number, now = new Date()): Promise<WordingTemplateFile> {
  actorUserId(actor);
  const db = getDb();
  const review = await loadReview(db, reviewId);
  const recommendations = (await loadRecommendations(db, reviewId)).filter((r) => r.paragraph !== null);
  const csv = formatResponseWordingTemplate(
    recommendations.map((r) => ({
      paragraph: r.paragraph ?? "",
      wording: r.responseWording ?? "",
      addendum_paragraph: addendumParagraphOf(r.responseWordingSource, review.addendumSymbol),
      position: r.position ? POSITION_WORDS[r.position] : "",
      recommendation: r.text,
    })),
  );
  const fileName = `upr-wording-${review.iso3.toLowerCase()}-cycle-${review.cycle}-${now.toISOString().slice(0, 10)}.csv`;
  const readableName = `${safeFileName(`Response wording – ${review.label} – ${now.toISOString().slice(0, 10)}`)}.csv`;
  return { review, fileName, readableName, csv, rows: recommendations.length };
}

function sourceSymbolOf(review: Review, target: WordingTarget): string | null {
  return target.sourceSymbol?.trim() || review.addendumSymbol;
}

function toPreview(review: Review, sourceSymbol: string | null, parsed: ParsedWordingSheet, plan: WordingPlan): ResponseWordingPreview {
  return {
    review: { id: review.id, label: review.label, addendumSymbol: review.addendumSymbol },
    sourceSymbol,
    rows: parsed.rows.length + new Set(parsed.errors.flatMap((e) => (e.row === undefined ? [] : [e.row]))).size,
    changes: plan.changes,
    unchanged: plan.unchanged,
    errors: capIssues(plan.errors),
  };
}

async function previewParsed(review: Review, target: WordingTarget, parsed: ParsedWordingSheet): Promise<ResponseWordingPreview> {
  const sourceSymbol = sourceSymbolOf(review, target);
  return toPreview(review, sourceSymbol, parsed, planResponseWording(await loadRecommendations(getDb(), review.id), parsed, sourceSymbol));
}

/** Throws unless the viewer may import wordings (401, 403), or the review does not exist (404): checked before reading a body. */
export async function assertCanImportResponseWording(viewer: Viewer | null, reviewId: number): Promise<void> {
  authorize(viewer, "admin.responseWording", {});
  await loadReview(getDb(), reviewId);
}

/** What importing the sheet would change, row by row, without writing anything. */
export async function previewResponseWording(actor: Actor, target: WordingTarget, text: string): Promise<ResponseWordingPreview> {
  actorUserId(actor);
  return previewParsed(await loadReview(getDb(), target.reviewId), target, parseResponseWordingSheet(await readSheetRecordsInSteps(text)));
}

/**
 * Imports the sheet: each changed row sets the recommendation's wording and its source, with an audit event from/to,
 * plus one `response-wording.import` event, all in ONE transaction. Any row error, found before or inside the
 * transaction, writes nothing; so does a crash half-way (PostgreSQL rolls the transaction back). The review's
 * recommendations are locked first, so two imports of the same review run one after the other and the second is
 * decided against the first.
 */
export async function applyResponseWording(actor: Actor, target: WordingTarget, text: string, options: WordingApplyOptions = {}): Promise<ResponseWordingApplied> {
  const actorId = actorUserId(actor);
  const review = await loadReview(getDb(), target.reviewId);
  const parsed = parseResponseWordingSheet(await readSheetRecordsInSteps(text));
  if (parsed.errors.length > 0) throw new ResponseWordingRejectedError(await previewParsed(review, target, parsed));
  const sourceSymbol = sourceSymbolOf(review, target);

  return getDb().$transaction(
    async (tx) => {
      // Lock, then decide again against what is committed now.
      await tx.$queryRaw`SELECT 1 FROM "Recommendation" WHERE "reviewId" = ${review.id} FOR UPDATE`;
      const plan = planResponseWording(await loadRecommendations(tx, review.id), parsed, sourceSymbol);
      const preview = toPreview(review, sourceSymbol, parsed, plan);
      if (plan.errors.length > 0) throw new ResponseWordingRejectedError(preview);
      if (options.expectedChanges !== undefined && plan.changes.length !== options.expectedChanges) {
        throw new ConflictError(preview, `the sheet now makes ${plan.changes.length} changes, not the ${options.expectedChanges} previewed: preview it again`);
      }

      for (let start = 0; start < plan.changes.length; start += WRITE_BATCH) {
        const batch = plan.changes.slice(start, start + WRITE_BATCH);
        const ids = batch.map((change) => change.recommendationId);
        const wordings = batch.map((change) => change.after.wording);
        const sources = batch.map((change) => change.after.source);
        await tx.$executeRaw`
          UPDATE "Recommendation" r SET "responseWording" = u."wording", "responseWordingSource" = u."source", "updatedAt" = now()
          FROM unnest(${ids}::int[], ${wordings}::text[], ${sources}::text[]) AS u("id", "wording", "source")
          WHERE r."id" = u."id"`;
        await recordAuditEvents(
          tx,
          batch.map((change) => ({
            actorUserId: actorId,
            action: "response-wording.set",
            subjectType: "recommendation",
            subjectId: String(change.recommendationId),
            changes: {
              reviewId: review.id,
              paragraph: change.paragraph,
              responseWording: [change.before.wording, change.after.wording],
              responseWordingSource: [change.before.source, change.after.source],
            },
          })),
        );
        options.onProgress?.(start + batch.length, plan.changes.length);
      }
      if (plan.changes.length > 0) {
        await recordAuditEvent(tx, {
          actorUserId: actorId,
          action: "response-wording.import",
          subjectType: "review",
          subjectId: String(review.id),
          changes: { rows: preview.rows, changed: plan.changes.length, unchanged: plan.unchanged, sourceSymbol, recommendationIds: plan.changes.map((c) => c.recommendationId) },
        });
      }
      return { ...preview, applied: plan.changes.length };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}
