import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { decodeSheet, MAX_SHEET_BYTES } from "@/lib/csv-sheet/read";
import { documentSymbolSchema, responseWordingQuerySchema, type ResponseWordingPreview } from "@/lib/schemas/response-wording";
import type { ResponseWordingFormState } from "@/lib/schemas/response-wording-form";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "./http-errors";
import type { Viewer } from "./permissions";
import { applyResponseWording, assertCanImportResponseWording, previewResponseWording, ResponseWordingRejectedError, type WordingTarget } from "./response-wording";

/**
 * The response-wording page's two form steps, for a given viewer. The server actions in
 * lib/actions/response-wording.ts only add `await getViewer()`, so tests call these with a viewer from a real session.
 * Who may import (instance administrators) is checked by the lib/server functions they call; these turn the answers
 * into states the page words in its language.
 */

const MEGABYTES = MAX_SHEET_BYTES / 1024 / 1024;

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

type TargetOrError = { target: WordingTarget; sourceSymbol: string } | { error: ResponseWordingFormState };

/** The review and, when the administrator named one, the document to cite instead of the review's addendum. */
function targetOf(formData: FormData): TargetOrError {
  const review = responseWordingQuerySchema.shape.review.safeParse(text(formData, "review"));
  if (!review.success) return { error: { kind: "error", code: "chooseReview", message: "Choose a review first." } };
  const raw = text(formData, "sourceSymbol");
  if (raw === undefined) return { target: { reviewId: review.data }, sourceSymbol: "" };
  const symbol = documentSymbolSchema.safeParse(raw);
  if (!symbol.success) {
    const value = raw.trim().slice(0, 100);
    return { error: { kind: "error", code: "badSourceSymbol", values: { value }, message: `"${value}" is not a document symbol such as A/HRC/40/6/Add.1.` } };
  }
  return { target: { reviewId: review.data, sourceSymbol: symbol.data }, sourceSymbol: symbol.data };
}

function isPreview(value: unknown): value is ResponseWordingPreview {
  return typeof value === "object" && value !== null && Array.isArray((value as { changes?: unknown }).changes);
}

function refusal(error: unknown): ResponseWordingFormState {
  if (error instanceof UnauthenticatedError) return { kind: "error", code: "unauthenticated", message: "Sign in to import a wording sheet." };
  if (error instanceof ForbiddenError) return { kind: "error", code: "forbidden", message: "Only instance administrators can import the State's response wording." };
  if (error instanceof NotFoundError) return { kind: "error", code: "noReview", message: "This review does not exist (any more)." };
  if (error instanceof z.ZodError) return { kind: "error", code: "chooseReview", message: "Choose a review first." };
  if (error instanceof ConflictError) return { kind: "error", code: "conflict", values: { reason: error.message }, message: `Nothing was imported: ${error.message}.` };
  throw error;
}

/** Step 1: read the uploaded file (field `file`) and show what importing it would change. Writes nothing. */
export async function previewResponseWordingForViewer(viewer: Viewer | null, _previous: ResponseWordingFormState, formData: FormData): Promise<ResponseWordingFormState> {
  if (!viewer) return refusal(new UnauthenticatedError());
  const chosen = targetOf(formData);
  if ("error" in chosen) return chosen.error;
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { kind: "error", code: "chooseFile", message: "Choose the wording sheet (a .csv file) to upload." };
  if (file.size > MAX_SHEET_BYTES) return { kind: "error", code: "fileTooLarge", values: { file: file.name, megabytes: MEGABYTES }, message: `${file.name}: the file is larger than ${MEGABYTES} MB.` };

  try {
    // Who may import, and whether the review exists, before the file is read.
    await assertCanImportResponseWording(viewer, chosen.target.reviewId);
    const decoded = decodeSheet(new Uint8Array(await file.arrayBuffer()));
    if ("error" in decoded) return { kind: "error", code: "unreadable", values: { file: file.name, reason: decoded.error.message }, issue: decoded.error, message: `${file.name}: ${decoded.error.message}.` };
    const preview = await previewResponseWording({ kind: "user", viewer }, chosen.target, decoded.text);
    const applicable = preview.errors.length === 0 && preview.changes.length > 0;
    return { kind: "preview", key: randomUUID(), fileName: file.name, sourceSymbol: chosen.sourceSymbol, sheet: applicable ? decoded.text : null, preview };
  } catch (error) {
    return refusal(error);
  }
}

/** Step 2: import the previewed sheet (field `sheet`), all or nothing; `expectedChanges` is the count the administrator confirmed. */
export async function applyResponseWordingForViewer(viewer: Viewer | null, _previous: ResponseWordingFormState, formData: FormData): Promise<ResponseWordingFormState> {
  if (!viewer) return refusal(new UnauthenticatedError());
  const chosen = targetOf(formData);
  if ("error" in chosen) return chosen.error;
  const sheet = text(formData, "sheet");
  const expected = Number(text(formData, "expectedChanges"));
  if (!sheet || !Number.isInteger(expected)) return { kind: "error", code: "previewFirst", message: "Upload the sheet and preview it first." };
  if (new TextEncoder().encode(sheet).byteLength > MAX_SHEET_BYTES) return { kind: "error", code: "sheetTooLarge", values: { megabytes: MEGABYTES }, message: `The sheet is larger than ${MEGABYTES} MB.` };
  const fileName = text(formData, "fileName") ?? "wording.csv";
  try {
    const result = await applyResponseWording({ kind: "user", viewer }, chosen.target, sheet, { expectedChanges: expected });
    return { kind: "applied", key: randomUUID(), message: `Applied ${result.applied} ${result.applied === 1 ? "change" : "changes"} to ${result.review.label}.`, result };
  } catch (error) {
    if (error instanceof ResponseWordingRejectedError) return { kind: "preview", key: randomUUID(), fileName, sourceSymbol: chosen.sourceSymbol, sheet: null, preview: error.preview };
    // Someone imported another sheet for this review since the preview: say by how much the count moved.
    if (error instanceof ConflictError && isPreview(error.current)) {
      const now = error.current.changes.length;
      return { kind: "error", code: "changed", values: { now, expected }, message: `Nothing was imported: the sheet now makes ${now} changes, not the ${expected} previewed: preview it again.` };
    }
    return refusal(error);
  }
}
