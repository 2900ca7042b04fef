import "server-only";
import { reviewDocumentInputSchema, sortDocuments, type ReviewDocumentRole, type ReviewDocumentView } from "@/lib/review-calendar/documents";
import { isoDateOf } from "@/lib/review-calendar/timeline";
import { actorId, authorizeActor, type Actor } from "../accounts/actor";
import { recordAuditEvent } from "../audit";
import { getDb, type Db } from "../db";
import { ConflictError, NotFoundError } from "../http-errors";

/**
 * A review's documents: the rows of ReviewDocument, plus the Working Group report and the addendum, which are the
 * review's own `reportSymbol` and `addendumSymbol` and are listed from there (one place for each fact). The documents
 * are official data, so only instance administrators (and the operator CLI) add or remove them, each change audited
 * in its own transaction.
 */

type DocumentRow = { id: number; role: ReviewDocumentRole; symbol: string | null; title: string | null; date: Date | null; url: string | null; author: string | null };

function toView(row: DocumentRow): ReviewDocumentView {
  return { id: row.id, role: row.role, symbol: row.symbol, title: row.title, date: isoDateOf(row.date), url: row.url, author: row.author };
}

/** The review's own two, as documents without an id (they are changed with the review, not here). */
export function ownDocumentsOf(review: { reportSymbol: string | null; addendumSymbol: string | null }): ReviewDocumentView[] {
  const own = (role: ReviewDocumentRole, symbol: string | null): ReviewDocumentView[] =>
    symbol ? [{ id: null, role, symbol, title: null, date: null, url: null, author: null }] : [];
  return [...own("WORKING_GROUP_REPORT", review.reportSymbol), ...own("ADDENDUM", review.addendumSymbol)];
}

const DOCUMENT_SELECT = { id: true, role: true, symbol: true, title: true, date: true, url: true, author: true } as const;

/** Every document of a review in role order, or null for an unknown review. Public: the documents are public records. */
export async function listReviewDocuments(reviewId: number, db: Db = getDb()): Promise<ReviewDocumentView[] | null> {
  const review = await db.review.findUnique({
    where: { id: reviewId },
    select: { reportSymbol: true, addendumSymbol: true, documents: { select: DOCUMENT_SELECT } },
  });
  if (!review) return null;
  return sortDocuments([...ownDocumentsOf(review), ...review.documents.map(toView)]);
}

/**
 * Adds a document to a review (instance administrators; the operator). The input is checked with the form's schema
 * (a ZodError names the field); the same role and symbol twice on one review is a conflict, not a second row.
 */
export async function createReviewDocument(actor: Actor, reviewId: number, raw: unknown): Promise<ReviewDocumentView> {
  authorizeActor(actor, "admin.reviewDocuments", {});
  const input = reviewDocumentInputSchema.parse(raw);
  return getDb().$transaction(async (tx) => {
    const review = await tx.review.findUnique({ where: { id: reviewId }, select: { id: true } });
    if (!review) throw new NotFoundError(`no review with the id ${reviewId}`);
    // One row per document: the same symbol (or, for an NGO's report, the same address) under the same role.
    const same = input.symbol ? { symbol: input.symbol } : { url: input.url };
    const existing = await tx.reviewDocument.findFirst({ where: { reviewId, role: input.role, ...same }, select: { id: true } });
    if (existing) throw new ConflictError({ id: existing.id }, `review ${reviewId} already lists this document (id ${existing.id})`);
    const row = await tx.reviewDocument.create({
      data: { reviewId, role: input.role, symbol: input.symbol, title: input.title, date: input.date ? new Date(`${input.date}T00:00:00Z`) : null, url: input.url, author: input.author },
      select: DOCUMENT_SELECT,
    });
    const view = toView(row);
    await recordAuditEvent(tx, { actorUserId: actorId(actor), action: "review-document.add", subjectType: "review", subjectId: String(reviewId), changes: { document: { id: view.id, role: view.role, symbol: view.symbol, date: view.date, url: view.url, author: view.author } } });
    return view;
  });
}

/** Removes one document row (instance administrators; the operator). The review's own report and addendum are not rows. */
export async function deleteReviewDocument(actor: Actor, documentId: number): Promise<{ reviewId: number }> {
  authorizeActor(actor, "admin.reviewDocuments", {});
  return getDb().$transaction(async (tx) => {
    const row = await tx.reviewDocument.findUnique({ where: { id: documentId }, select: { ...DOCUMENT_SELECT, reviewId: true } });
    if (!row) throw new NotFoundError(`no review document with the id ${documentId}`);
    await tx.reviewDocument.delete({ where: { id: documentId } });
    const view = toView(row);
    await recordAuditEvent(tx, { actorUserId: actorId(actor), action: "review-document.remove", subjectType: "review", subjectId: String(row.reviewId), changes: { document: { id: view.id, role: view.role, symbol: view.symbol, date: view.date, url: view.url, author: view.author } } });
    return { reviewId: row.reviewId };
  });
}
