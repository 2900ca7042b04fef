/**
 * Problems with a sheet an editor or administrator uploads (the status sheet, the response-wording sheet): one shape
 * for both, so the API, the CLI and the pages name a problem the same way ("row 7, status: …"). Each sheet adds its
 * own codes to the file-level ones here.
 */

/** Problems any uploaded sheet can have before its rows mean anything: stable codes, shared by every sheet. */
export const FILE_ISSUE_CODES = [
  "file.tooLarge",
  "file.notUtf8",
  "file.empty",
  "file.missing",
  "file.notCsv",
  "file.tooManyRows",
  "file.tooManyLines",
  "file.tooManyCells",
  "file.moreProblems",
  "header.duplicateColumn",
  "header.missingColumn",
] as const;

export type FileIssueCode = (typeof FILE_ISSUE_CODES)[number];

/** ICU arguments of a problem: data (a cell's value, a column key, a paragraph, a name) as written, never translated. */
export type SheetIssueValues = Record<string, string | number>;

/**
 * A problem with the file (no `row`) or with one row; `row` is the spreadsheet's row number (the header is row 1).
 * `code` lets a page word it in its language with `values` as ICU arguments; `message` is the English text the API
 * and the CLI show.
 */
export type SheetProblem<Code extends string = string> = { row?: number; column?: string; code: Code; values?: SheetIssueValues; message: string };

/** More problems than this are summed up in one line: the first ones are enough to see what is wrong. */
export const MAX_SHEET_ISSUES = 200;

/** At most MAX_SHEET_ISSUES problems, then one line that says how many more there are. */
export function capIssues<Code extends string>(errors: SheetProblem<Code>[]): SheetProblem<Code | "file.moreProblems">[] {
  if (errors.length <= MAX_SHEET_ISSUES) return errors;
  const more = errors.length - MAX_SHEET_ISSUES;
  return [...errors.slice(0, MAX_SHEET_ISSUES), { code: "file.moreProblems", values: { count: more }, message: `… and ${more} more problems` }];
}

/** `row 7, status: "half done" is not one of …`: how the CLI, the page and messages name a problem. */
export function formatSheetIssue(issue: SheetProblem): string {
  const where = issue.row === undefined ? "" : `row ${issue.row}${issue.column ? `, ${issue.column}` : ""}: `;
  return `${where}${issue.message}`;
}
