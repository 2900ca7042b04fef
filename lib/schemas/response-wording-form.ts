import type { ResponseWordingApplied, ResponseWordingPreview, WordingIssue } from "./response-wording";

/**
 * The response-wording page's import form (/admin/response-wording), as its server actions answer it. The page says
 * each state in its own language from `code` and `values` (responseWording.errors.*); `message` stays English for logs
 * and tests, as for the status sheet's form.
 */

export type ResponseWordingFormErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "noReview"
  | "conflict"
  | "changed"
  | "chooseReview"
  | "chooseFile"
  | "fileTooLarge"
  | "unreadable"
  | "badSourceSymbol"
  | "previewFirst"
  | "sheetTooLarge";

export type ResponseWordingFormState =
  | { kind: "idle" }
  /** `issue` is the file problem behind `unreadable` (not UTF-8, empty), worded by the page too. */
  | { kind: "error"; message: string; code: ResponseWordingFormErrorCode; values?: Record<string, string | number>; issue?: WordingIssue }
  /**
   * `sheet` is the file's text, sent back with "Apply" only when the preview has changes and no problems;
   * `sourceSymbol` is the document the administrator named instead of the review's addendum (empty: the addendum).
   */
  | { kind: "preview"; key: string; fileName: string; sourceSymbol: string; sheet: string | null; preview: ResponseWordingPreview }
  | { kind: "applied"; key: string; message: string; result: ResponseWordingApplied };
