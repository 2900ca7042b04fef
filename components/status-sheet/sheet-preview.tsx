import { useFormatter, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { Link } from "@/lib/i18n/navigation";
import type { SheetChange, SheetIssue, StatusSheetPreview } from "@/lib/schemas/status-sheet";
import { RowsToFix, SheetChanges, SheetProblems } from "@/components/sheets/sheet-problems";

const NAMESPACE = "statusSheet.preview";

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
  const t = useTranslations(NAMESPACE);
  const issueText = useSheetIssueText();
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
      <RowsToFix namespace={NAMESPACE} issues={preview.errors} issueText={issueText} />
      {preview.conflicts.length > 0 ? (
        <SheetProblems
          namespace={NAMESPACE}
          heading={t("conflictsHeading")}
          problems={preview.conflicts.map((conflict) => ({ key: conflict.row, row: conflict.row, message: issueText(conflict) }))}
        />
      ) : null}
      <SheetChanges namespace={NAMESPACE} count={preview.changes.length} applicable={applicable} headings={[t("paragraph"), t("status"), t("others"), t("dateEtc")]}>
        {preview.changes.map((change) => (
          <ChangeRow key={change.row} change={change} />
        ))}
      </SheetChanges>
    </div>
  );
}
