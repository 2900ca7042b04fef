import { useTranslations } from "next-intl";
import type { Key, ReactElement, ReactNode } from "react";

/**
 * The parts of a sheet preview both sheet pages (status sheet, response wording) show alike: the problems to fix
 * before anything is applied, and the table of changes. `namespace` is the page's preview catalogue
 * (statusSheet.preview, responseWording.preview), which has the same keys for these parts in both.
 */

/** A problem already in the page's language, and where it is: framed "row 7, status: …" when it has a row. */
export type SheetProblem = { key: Key; row?: number; column?: string; message: string };

type ProblemsProps = { namespace: string; heading: string; intro?: string; problems: readonly SheetProblem[]; testId?: string };

/** The problems as an alert: the heading, what to do, one problem a line. */
export function SheetProblems({ namespace, heading, intro, problems, testId }: ProblemsProps): ReactElement {
  const t = useTranslations(namespace);
  const framed = ({ row, column, message }: SheetProblem): string => {
    if (row === undefined) return message;
    return column ? t("atColumn", { row, column, message }) : t("at", { row, message });
  };
  return (
    <div role="alert" className="sheet-problems" data-testid={testId}>
      <h4>{heading}</h4>
      {intro ? <p>{intro}</p> : null}
      <ul>
        {problems.map((problem) => (
          <li key={problem.key}>{framed(problem)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The sheet's own problems (`rowsToFix`, `fixFirst` of the namespace), each in the page's language by `issueText`; nothing when there is none. */
export function RowsToFix<Issue extends { row?: number; column?: string }>({
  namespace,
  issues,
  issueText,
  testId,
}: {
  namespace: string;
  issues: readonly Issue[];
  issueText: (issue: Issue) => string;
  testId?: string;
}): ReactElement | null {
  const t = useTranslations(namespace);
  if (issues.length === 0) return null;
  const problems = issues.map((issue, index) => ({ key: index, row: issue.row, column: issue.column, message: issueText(issue) }));
  return <SheetProblems namespace={namespace} heading={t("rowsToFix")} intro={t("fixFirst")} problems={problems} testId={testId} />;
}

type ChangesProps = { namespace: string; count: number; applicable: boolean; headings: readonly string[]; testId?: string; children: ReactNode };

/**
 * The changes as a table (the spreadsheet row, then `headings`), captioned by whether they can be applied; a line
 * saying there is nothing (else) to change when `count` is 0.
 */
export function SheetChanges({ namespace, count, applicable, headings, testId, children }: ChangesProps): ReactElement {
  const t = useTranslations(namespace);
  if (count === 0) return <p className="empty-state">{applicable ? t("noChanges") : t("noOtherChanges")}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <caption>{applicable ? t("toApply") : t("blocked")}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("row")}
            </th>
            {headings.map((heading, index) => (
              <th key={index} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
