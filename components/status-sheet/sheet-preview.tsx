import { useFormatter, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { Link } from "@/lib/i18n/navigation";
import type { SheetChange, SheetIssue, StatusSheetPreview } from "@/lib/schemas/status-sheet";

/**
 * A problem of the sheet in the page's language: its catalogue text (statusSheet.problem.<code>) with its values as
 * written; a date it names through the formatter; the English `message` when the catalogue has no text for its code.
 */
export function useSheetIssueText(): (issue: Pick<SheetIssue, "code" | "values" | "message">) => string {
  const t = useTranslations("statusSheet.problem");
  const format = useFormatter();
  return (issue) => {
    if (!t.has(issue.code)) return issue.message;
    const values = { ...issue.values };
    if (typeof values.savedAt === "string") values.savedAt = format.dateTime(new Date(values.savedAt), { dateStyle: "medium" });
    return t(issue.code, values);
  };
}

/** "row 7, status: …": the framing and the problem in the page's language, the cell's value and column key as written. */
function Issue({ issue }: { issue: SheetIssue }): ReactElement {
  const t = useTranslations("statusSheet.preview");
  const message = useSheetIssueText()(issue);
  if (issue.row === undefined) return <>{message}</>;
  return <>{issue.column ? t("atColumn", { row: issue.row, column: issue.column, message }) : t("at", { row: issue.row, message })}</>;
}

function ChangeRow({ change }: { change: SheetChange }): ReactElement {
  const t = useTranslations("statusSheet.preview");
  const terms = useTranslations("terms");
  const format = useFormatter();
  const before = terms(`status.${change.before?.status ?? "not_assessed"}`);
  const others = change.fields.filter((field) => field !== "status");
  return (
    <tr>
      <td className="num">{change.row}</td>
      <td>
        <Link href={`/recommendations/${change.recommendationId}`}>{change.paragraph ?? `#${change.recommendationId}`}</Link>
      </td>
      <td>
        {before} → <strong>{terms(`status.${change.after.status}`)}</strong>
      </td>
      <td>
        {others.length > 0 ? <div className="muted">{t("alsoChanged", { fields: others.map((f) => t(`field.${f}`)).join(t("listSeparator")) })}</div> : null}
        {change.fields.includes("rationale") ? <div className="assessment-rationale">{change.after.rationale || <em>{t("rationaleRemoved")}</em>}</div> : null}
      </td>
      <td>
        <time dateTime={change.after.assessedOn}>{format.dateTime(new Date(`${change.after.assessedOn}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</time> ·{" "}
        {terms(`visibility.${change.after.visibility}`)} · {terms(`confidence.${change.after.confidence}`)}
      </td>
    </tr>
  );
}

/** What an import would do: the problems to fix first, then the changes, each row named by its spreadsheet row number. */
export function SheetPreview({ preview, fileName, reviewName }: { preview: StatusSheetPreview; fileName: string; reviewName: string }): ReactElement {
  const t = useTranslations("statusSheet.preview");
  const applicable = preview.errors.length === 0 && preview.conflicts.length === 0;
  return (
    <div className="sheet-preview">
      <h3>{t("heading", { file: fileName })}</h3>
      <p>
        {t("rows", { count: preview.rows, organization: preview.organization.name, review: reviewName, changes: preview.changes.length, unchanged: preview.unchanged })}
        {preview.errors.length > 0 ? t("problems", { count: preview.errors.length }) : ""}
        {preview.conflicts.length > 0 ? t("conflicts", { count: preview.conflicts.length }) : ""}
        {t("end")}
      </p>
      {preview.errors.length > 0 ? (
        <div role="alert" className="sheet-problems">
          <h4>{t("rowsToFix")}</h4>
          <p>{t("fixFirst")}</p>
          <ul>
            {preview.errors.map((issue, index) => (
              <li key={index}>
                <Issue issue={issue} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.conflicts.length > 0 ? (
        <div role="alert" className="sheet-problems">
          <h4>{t("conflictsHeading")}</h4>
          <ul>
            {preview.conflicts.map((conflict) => (
              <li key={conflict.row}>
                <Issue issue={{ row: conflict.row, code: conflict.code, values: conflict.values, message: conflict.message }} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.changes.length === 0 ? (
        <p className="empty-state">{applicable ? t("noChanges") : t("noOtherChanges")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{applicable ? t("toApply") : t("blocked")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("row")}
                </th>
                <th scope="col">{t("paragraph")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("others")}</th>
                <th scope="col">{t("dateEtc")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((change) => (
                <ChangeRow key={change.row} change={change} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
