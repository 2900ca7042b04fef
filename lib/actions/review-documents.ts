"use server";

import { z } from "zod";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import type { ReviewDocumentFormState } from "@/lib/review-calendar/form-state";
import { getViewer } from "@/lib/server/permissions";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/http-errors";
import { createReviewDocument, deleteReviewDocument } from "@/lib/server/review-calendar/documents";

const FIELDS = ["role", "symbol", "title", "date", "url", "author"] as const;

function valuesOf(formData: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((name) => [name, typeof formData.get(name) === "string" ? String(formData.get(name)) : ""]));
}

/** A refusal the administrator can act on, as a code the form words in its language; anything else goes to the error page. */
function refusal(error: unknown, formData: FormData): ReviewDocumentFormState {
  const values = valuesOf(formData);
  const attempt = Date.now();
  if (error instanceof z.ZodError) {
    const fields = [...new Set(error.issues.map((issue) => String(issue.path[0] ?? "role")))];
    return { ok: false, code: "invalid", fields, values, attempt };
  }
  if (error instanceof UnauthenticatedError) return { ok: false, code: "unauthenticated", values, attempt };
  if (error instanceof ForbiddenError) return { ok: false, code: "forbidden", values, attempt };
  if (error instanceof NotFoundError) return { ok: false, code: "not-found", values, attempt };
  if (error instanceof ConflictError) return { ok: false, code: "conflict", values, attempt };
  throw error;
}

/** Adds a document to the review (instance administrators; checked in createReviewDocument). */
export async function addReviewDocumentAction(reviewId: number, _state: ReviewDocumentFormState, formData: FormData): Promise<ReviewDocumentFormState> {
  try {
    await createReviewDocument({ kind: "user", viewer: await getViewer() }, reviewId, valuesOf(formData));
  } catch (error) {
    return refusal(error, formData);
  }
  revalidateLocalizedPath(`/reviews/${reviewId}`);
  return { ok: true, code: "added" };
}

/** Removes one of the review's documents (instance administrators; checked in deleteReviewDocument). */
export async function removeReviewDocumentAction(documentId: number, _state: ReviewDocumentFormState, formData: FormData): Promise<ReviewDocumentFormState> {
  let reviewId: number;
  try {
    reviewId = (await deleteReviewDocument({ kind: "user", viewer: await getViewer() }, documentId)).reviewId;
  } catch (error) {
    return refusal(error, formData);
  }
  revalidateLocalizedPath(`/reviews/${reviewId}`);
  return { ok: true, code: "removed" };
}
