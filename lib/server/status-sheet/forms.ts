import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { statusSheetQuerySchema, type StatusSheetFormState } from "@/lib/schemas/status-sheet";
import { decodeSheet, MAX_SHEET_BYTES } from "@/lib/status-sheet/csv";
import { ConflictError, ForbiddenError, NotFoundError, TwoFactorRequiredError, TWO_FACTOR_REQUIRED_MESSAGE, UnauthenticatedError } from "../http-errors";
import type { Viewer } from "../permissions";
import { applyStatusSheet, previewStatusSheet, StatusSheetRejectedError, type SheetTarget } from ".";

/**
 * The status sheet page's two form steps, for a given viewer. The server actions in lib/actions/status-sheet.ts only
 * add `await getViewer()`, so tests call these with a viewer from a real session. Permissions are checked by the
 * lib/server functions they call; these turn the answers into messages for the page.
 */

const targetSchema = statusSheetQuerySchema.pick({ review: true, organization: true });

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function targetOf(formData: FormData): SheetTarget | null {
  const parsed = targetSchema.safeParse({ review: text(formData, "review"), organization: text(formData, "organization") });
  return parsed.success ? { reviewId: parsed.data.review, organization: parsed.data.organization } : null;
}

function refusal(error: unknown): StatusSheetFormState {
  if (error instanceof UnauthenticatedError) return { kind: "error", code: "unauthenticated", message: "Sign in to import a sheet." };
  if (error instanceof TwoFactorRequiredError) return { kind: "error", code: "twoFactorRequired", message: TWO_FACTOR_REQUIRED_MESSAGE };
  if (error instanceof ForbiddenError) return { kind: "error", code: "forbidden", message: "Only editors and owners of this organisation can import its sheet." };
  if (error instanceof NotFoundError) return { kind: "error", code: "noReview", message: "This review does not exist (any more)." };
  if (error instanceof z.ZodError) return { kind: "error", code: "noOrganisation", message: "Choose the organisation the sheet is for." };
  if (error instanceof ConflictError) return { kind: "error", code: "conflict", values: { reason: error.message }, message: `Nothing was imported: ${error.message}.` };
  throw error;
}

/** Step 1: read the uploaded file (field `file`) and show what importing it would change. Writes nothing. */
export async function previewStatusSheetForViewer(viewer: Viewer | null, _previous: StatusSheetFormState, formData: FormData): Promise<StatusSheetFormState> {
  if (!viewer) return refusal(new UnauthenticatedError());
  const target = targetOf(formData);
  if (!target) return { kind: "error", code: "chooseReview", message: "Choose a review first." };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { kind: "error", code: "chooseFile", message: "Choose the edited sheet (a .csv file) to upload." };
  if (file.size > MAX_SHEET_BYTES) return { kind: "error", code: "fileTooLarge", values: { file: file.name, megabytes: MAX_SHEET_BYTES / 1024 / 1024 }, message: `${file.name}: the file is larger than ${MAX_SHEET_BYTES / 1024 / 1024} MB.` };

  const decoded = decodeSheet(new Uint8Array(await file.arrayBuffer()));
  if ("error" in decoded) return { kind: "error", code: "unreadable", values: { file: file.name, reason: decoded.error.message }, issue: decoded.error, message: `${file.name}: ${decoded.error.message}.` };
  try {
    const preview = await previewStatusSheet({ kind: "user", viewer }, target, decoded.text);
    const applicable = preview.errors.length === 0 && preview.conflicts.length === 0 && preview.changes.length > 0;
    return { kind: "preview", key: randomUUID(), fileName: file.name, sheet: applicable ? decoded.text : null, preview };
  } catch (error) {
    return refusal(error);
  }
}

/** Step 2: import the previewed sheet (field `sheet`), all or nothing; `expectedChanges` is the count the editor confirmed. */
export async function applyStatusSheetForViewer(viewer: Viewer | null, _previous: StatusSheetFormState, formData: FormData): Promise<StatusSheetFormState> {
  if (!viewer) return refusal(new UnauthenticatedError());
  const target = targetOf(formData);
  const sheet = text(formData, "sheet");
  const expected = Number(text(formData, "expectedChanges"));
  if (!target || !sheet || !Number.isInteger(expected)) return { kind: "error", code: "previewFirst", message: "Upload the sheet and preview it first." };
  if (new TextEncoder().encode(sheet).byteLength > MAX_SHEET_BYTES) return { kind: "error", code: "sheetTooLarge", values: { megabytes: MAX_SHEET_BYTES / 1024 / 1024 }, message: `The sheet is larger than ${MAX_SHEET_BYTES / 1024 / 1024} MB.` };
  const fileName = text(formData, "fileName") ?? "sheet.csv";
  try {
    const result = await applyStatusSheet(viewer, target, sheet, { expectedChanges: expected });
    const versions = result.applied === 1 ? "1 new assessment version" : `${result.applied} new assessment versions`;
    return { kind: "applied", key: randomUUID(), message: `Applied ${result.applied} ${result.applied === 1 ? "change" : "changes"}: ${versions} recorded for ${result.organization.name}.`, result };
  } catch (error) {
    if (error instanceof StatusSheetRejectedError) return { kind: "preview", key: randomUUID(), fileName, sheet: null, preview: error.preview };
    return refusal(error);
  }
}
