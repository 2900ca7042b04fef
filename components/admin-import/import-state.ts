import type { ImportEvent, ImportPreview, ImportResult, ReviewOutcome } from "@/lib/import/plan";
import type { ImportIssue } from "@/lib/import/types";
import type { UploadRefusalCode } from "@/lib/import/upload-limits";

/**
 * What the import page knows, updated by the server's events as they arrive: one reducer, so the progress bars, the
 * live region and the tables always tell the same story.
 */

export type Failure =
  | { kind: "noFile" }
  | { kind: "tooLarge"; name: string; size: number }
  | { kind: "refused"; name: string; code: UploadRefusalCode }
  | { kind: "network"; during: "preview" | "apply" }
  | { kind: "http"; status: number; error: string | null }
  | { kind: "failed"; message: string; errors: ImportIssue[] };

/** What the live region says, as a message key of adminImport.status and its values (States as ISO3, cycles as numbers). */
export type Announcement =
  | { key: "uploading"; name: string }
  | { key: "reading" }
  | { key: "previewReady"; count: number }
  | { key: "applying" }
  | { key: "reviewStart" | "reviewDone"; index: number; of: number; stateUnderReview: string; cycle: number }
  | { key: "done"; created: number; updated: number; unchanged: number };

export type Applying = { of: number; done: number; current: { stateUnderReview: string; cycle: number } | null; outcomes: ReviewOutcome[] };

export type ImportState = {
  busy: "preview" | "apply" | null;
  fileName: string | null;
  upload: { loaded: number; total: number } | null;
  parse: { done: number; total: number } | null;
  /** The preview the administrator checks, and what "Import N recommendations" applies. */
  preview: ImportPreview | null;
  applying: Applying | null;
  result: ImportResult | null;
  failure: Failure | null;
  announcement: Announcement | null;
};

export type ImportAction =
  | { type: "reset" }
  | { type: "start"; mode: "preview" | "apply"; fileName: string }
  | { type: "upload"; loaded: number; total: number }
  | { type: "event"; event: ImportEvent }
  | { type: "fail"; failure: Failure }
  | { type: "end" };

export const INITIAL_IMPORT_STATE: ImportState = {
  busy: null,
  fileName: null,
  upload: null,
  parse: null,
  preview: null,
  applying: null,
  result: null,
  failure: null,
  announcement: null,
};

function onEvent(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case "parse":
      return { ...state, parse: { done: event.done, total: event.total }, announcement: state.announcement?.key === "reading" ? state.announcement : { key: "reading" } };
    case "preview":
      // During an apply the server checks the plan again; the page keeps showing the one the administrator approved.
      if (state.busy === "apply") return state;
      return { ...state, preview: event.preview, announcement: { key: "previewReady", count: event.preview.recommendations } };
    case "review": {
      const applying = state.applying ?? { of: event.of, done: 0, current: null, outcomes: [] };
      const where = { index: event.index + 1, of: event.of, stateUnderReview: event.stateUnderReview, cycle: event.cycle };
      if (event.phase === "start") {
        return { ...state, applying: { ...applying, of: event.of, current: { stateUnderReview: event.stateUnderReview, cycle: event.cycle } }, announcement: { key: "reviewStart", ...where } };
      }
      const outcomes = event.outcome ? [...applying.outcomes, event.outcome] : applying.outcomes;
      return { ...state, applying: { of: event.of, done: Math.max(applying.done, event.index + 1), current: null, outcomes }, announcement: { key: "reviewDone", ...where } };
    }
    case "result": {
      const totals = event.result.outcomes.reduce((sum, o) => ({ created: sum.created + o.created, updated: sum.updated + o.updated, unchanged: sum.unchanged + o.unchanged }), { created: 0, updated: 0, unchanged: 0 });
      const applying = state.applying ?? { of: event.result.outcomes.length, done: 0, current: null, outcomes: [] };
      return { ...state, result: event.result, applying: { ...applying, done: applying.of, current: null, outcomes: event.result.outcomes }, announcement: { key: "done", ...totals } };
    }
    case "error":
      return { ...state, failure: { kind: "failed", message: event.message, errors: event.errors ?? [] } };
  }
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case "reset":
      return state.busy ? state : INITIAL_IMPORT_STATE;
    case "start":
      return action.mode === "preview"
        ? { ...INITIAL_IMPORT_STATE, busy: "preview", fileName: action.fileName, announcement: { key: "uploading", name: action.fileName } }
        : { ...state, busy: "apply", upload: null, parse: null, applying: null, result: null, failure: null, announcement: { key: "applying" } };
    case "upload":
      return { ...state, upload: { loaded: action.loaded, total: action.total } };
    case "event":
      return onEvent(state, action.event);
    case "fail":
      return { ...state, failure: action.failure };
    case "end":
      return { ...state, busy: null };
  }
}

/** "Import N recommendations": the recommendations of the reviews the preview will import or replace. */
export function recommendationsToApply(preview: ImportPreview): number {
  return preview.reviews.filter((review) => review.action === "import" || review.action === "replace").reduce((sum, review) => sum + review.found, 0);
}

/** Problems that stop the whole file (anything but a refused review) leave nothing to apply. */
export function blockingIssues(preview: ImportPreview): ImportIssue[] {
  return preview.errors.filter((issue) => issue.kind !== "review");
}
