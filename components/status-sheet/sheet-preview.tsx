import { Link } from "@/lib/i18n/navigation";
import type { ReactElement } from "react";
import { STATUS_LABELS } from "@/components/recommendations/assessment-labels";
import { formatSheetIssue, type SheetChange, type SheetField, type StatusSheetPreview } from "@/lib/schemas/status-sheet";

const FIELD_LABELS: Record<SheetField, string> = {
  status: "status",
  assessedOn: "date",
  rationale: "rationale",
  confidence: "confidence",
  visibility: "visibility",
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function ChangeRow({ change }: { change: SheetChange }): ReactElement {
  const before = change.before ? STATUS_LABELS[change.before.status] : "Not assessed";
  const others = change.fields.filter((field) => field !== "status");
  return (
    <tr>
      <td className="num">{change.row}</td>
      <td>
        <Link href={`/recommendations/${change.recommendationId}`}>{change.paragraph ?? `#${change.recommendationId}`}</Link>
      </td>
      <td>
        {before} → <strong>{STATUS_LABELS[change.after.status]}</strong>
      </td>
      <td>
        {others.length > 0 ? <div className="muted">Also changed: {others.map((f) => FIELD_LABELS[f]).join(", ")}</div> : null}
        {change.fields.includes("rationale") ? <div className="assessment-rationale">{change.after.rationale || <em>(rationale removed)</em>}</div> : null}
      </td>
      <td>
        {change.after.assessedOn} · {change.after.visibility} · {change.after.confidence}
      </td>
    </tr>
  );
}

/** What an import would do: the problems to fix first, then the changes, each row named by its spreadsheet row number. */
export function SheetPreview({ preview, fileName }: { preview: StatusSheetPreview; fileName: string }): ReactElement {
  const applicable = preview.errors.length === 0 && preview.conflicts.length === 0;
  return (
    <div className="sheet-preview">
      <h3>Preview of {fileName}</h3>
      <p>
        {count(preview.rows, "row", "rows")} read for {preview.organization.name}, {preview.review.label}: {count(preview.changes.length, "change", "changes")},{" "}
        {preview.unchanged} unchanged
        {preview.errors.length > 0 ? `, ${count(preview.errors.length, "problem", "problems")}` : ""}
        {preview.conflicts.length > 0 ? `, ${count(preview.conflicts.length, "conflict", "conflicts")}` : ""}.
      </p>
      {preview.errors.length > 0 ? (
        <div role="alert" className="sheet-problems">
          <h4>Rows to fix</h4>
          <p>Nothing can be imported until these are corrected in the file:</p>
          <ul>
            {preview.errors.map((issue, index) => (
              <li key={index}>{formatSheetIssue(issue)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.conflicts.length > 0 ? (
        <div role="alert" className="sheet-problems">
          <h4>Conflicts</h4>
          <ul>
            {preview.conflicts.map((conflict) => (
              <li key={conflict.row}>
                row {conflict.row}: {conflict.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.changes.length === 0 ? (
        <p className="empty-state">{applicable ? "No changes: every row matches the current assessments." : "No other row changes anything."}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{applicable ? "Changes to apply" : "Changes found (they cannot be applied until the problems are fixed)"}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">Row</th>
                <th scope="col">Paragraph</th>
                <th scope="col">Status</th>
                <th scope="col">Rationale and other changes</th>
                <th scope="col">Date · visibility · confidence</th>
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
