import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { Link } from "@/lib/i18n/navigation";
import type { Position } from "@/lib/import/types";
import type { ResponseWordingPreview, WordingChange, WordingIssue } from "@/lib/schemas/response-wording";
import { RowsToFix, SheetChanges } from "@/components/sheets/sheet-problems";

const NAMESPACE = "responseWording.preview";

/*
 * The `terms` keys of a position and of a wording, as lib/i18n/terms.ts makes them. Not imported from there: this
 * component runs in the browser, and that module brings the API's zod schemas along, whose capability probe
 * (`new Function`) the Content-Security-Policy reports.
 */
const POSITION_TERMS: Record<Position, string> = { SUPPORTED: "position.supported", SUPPORTED_IN_PART: "position.supported-in-part", NOTED: "position.noted" };
const positionTerm = (position: Position | null): string => (position ? POSITION_TERMS[position] : "position.none");
const wordingTerm = (wording: string): string => `wording.${wording.trim().toLowerCase().replace(/\s+/g, "-")}`;

/** The English position names the plan puts in a contradiction's values ("supported in part"), as `terms` keys. */
const POSITION_KEYS: Record<string, string> = { supported: "position.supported", "supported in part": "position.supported-in-part", noted: "position.noted" };

/**
 * A problem of the sheet in the page's language: its catalogue text (responseWording.problem.<code>) with its values;
 * the positions a contradiction names in the page's words, the cell's value as written; the English `message` when
 * the catalogue has no text for its code.
 */
export function useWordingIssueText(): (issue: Pick<WordingIssue, "code" | "values" | "message">) => string {
  const t = useTranslations("responseWording.problem");
  const terms = useTranslations("terms");
  return (issue) => {
    if (!t.has(issue.code)) return issue.message;
    const values = { ...issue.values };
    for (const name of ["implied", "position"]) {
      // A cell's value as written: `constructor` is no position (an own key only, never Object.prototype's).
      const written = String(values[name]);
      const key = Object.hasOwn(POSITION_KEYS, written) ? POSITION_KEYS[written] : undefined;
      if (key) values[name] = terms(key);
    }
    // A duplicate that a spreadsheet made by reading 28.10 as a number says so (the plan names the paragraph it was).
    if (issue.code === "row.duplicateParagraph" && values.sibling) return t("row.duplicateParagraphMangled", values);
    return t(issue.code, values);
  };
}

/** The State's words as stored (data, quoted as written), with the page's own word for them when it has one. */
function Words({ wording }: { wording: string | null }): ReactElement {
  const t = useTranslations("responseWording.preview");
  const terms = useTranslations("terms");
  if (wording === null) return <span className="muted">{t("none")}</span>;
  const key = wordingTerm(wording);
  const translated = terms.has(key) ? terms(key) : null;
  return (
    <>
      <q>{wording}</q>
      {translated && translated !== wording ? <span className="muted"> ({translated})</span> : null}
    </>
  );
}

function ChangeRow({ change }: { change: WordingChange }): ReactElement {
  const t = useTranslations("responseWording.preview");
  const terms = useTranslations("terms");
  return (
    <tr>
      <td className="num">{change.row}</td>
      <td>
        <Link href={`/recommendations/${change.recommendationId}`}>{change.paragraph}</Link>
      </td>
      <td>{terms(positionTerm(change.position))}</td>
      <td>
        <Words wording={change.before.wording} /> → <strong><Words wording={change.after.wording} /></strong>
        {change.impliedPosition === null ? <div className="muted">{t("unknownWording")}</div> : null}
        {change.before.wording === change.after.wording ? <div className="muted">{t("sourceOnly")}</div> : null}
      </td>
      <td>{change.after.source}</td>
    </tr>
  );
}

/** What an import would do: the problems to fix first, then the changes, each row named by its spreadsheet row number. */
export function WordingPreview({ preview, fileName, reviewName }: { preview: ResponseWordingPreview; fileName: string; reviewName: string }): ReactElement {
  const t = useTranslations(NAMESPACE);
  const issueText = useWordingIssueText();
  const applicable = preview.errors.length === 0;
  const unknown = preview.changes.filter((change) => change.impliedPosition === null).length;
  return (
    <div className="sheet-preview" data-testid="wording-preview">
      <h3>{t("heading", { file: fileName })}</h3>
      <p data-testid="wording-summary">
        {t("rows", { count: preview.rows, review: reviewName, changes: preview.changes.length, unchanged: preview.unchanged })}
        {preview.errors.length > 0 ? t("problems", { count: preview.errors.length }) : ""}
        {t("end")}
      </p>
      {preview.sourceSymbol ? <p>{t("source", { symbol: preview.sourceSymbol })}</p> : null}
      {unknown > 0 ? (
        <p className="notice" data-testid="wording-unknown">
          {t("unknownNote", { count: unknown })}
        </p>
      ) : null}
      <RowsToFix namespace={NAMESPACE} issues={preview.errors} issueText={issueText} testId="wording-problems" />
      <SheetChanges
        namespace={NAMESPACE}
        count={preview.changes.length}
        applicable={applicable}
        headings={[t("paragraph"), t("position"), t("wording"), t("sourceColumn")]}
        testId="wording-changes"
      >
        {preview.changes.map((change) => (
          <ChangeRow key={change.row} change={change} />
        ))}
      </SheetChanges>
    </div>
  );
}
