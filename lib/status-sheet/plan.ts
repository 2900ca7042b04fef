import type { SheetChange, SheetConflict, SheetField, SheetIssue, SheetValues } from "@/lib/schemas/status-sheet";
import type { ParsedSheet, SheetRow } from "./csv";

/**
 * What importing a sheet would do, decided from the rows read and the organisation's current assessments. Pure, so the
 * preview, the import inside its transaction and the unit tests all run the same rules.
 */

export type SheetRecommendation = { id: number; paragraph: string | null };
export type SheetCurrent = SheetValues & { version: number; authorName: string; createdAt: string };
/** The review's recommendations, and per recommendation the organisation's assessments, newest version first. */
export type SheetBasis = { recommendations: SheetRecommendation[]; assessments: ReadonlyMap<number, readonly SheetCurrent[]> };
export type SheetPlan = { changes: SheetChange[]; unchanged: number; errors: SheetIssue[]; conflicts: SheetConflict[] };

/** What a recommendation without an assessment looks like in the sheet (status `not_assessed`, the rest empty). */
const NONE = { status: "not_assessed", rationale: "", confidence: "medium", visibility: "private" } as const;
const FIELDS: SheetField[] = ["status", "assessedOn", "rationale", "confidence", "visibility"];

/** "28.10" saved by a spreadsheet as the number 28.1: the same paragraph when the recommendation id confirms it. */
function sameParagraph(cell: string, paragraph: string | null): boolean {
  if (paragraph === null) return false;
  if (cell === paragraph) return true;
  return /^\d+(\.\d+)?$/.test(cell) && Number(cell) === Number(paragraph);
}

function label(recommendation: SheetRecommendation): string {
  return recommendation.paragraph ? `paragraph ${recommendation.paragraph}` : `recommendation ${recommendation.id}`;
}

/**
 * The values the new assessment would have: the sheet's, with empty cells keeping the current value. An unchanged
 * `assessed_on` on a row that changes otherwise means "assessed now", so the new version is dated `today`.
 */
function nextValues(row: SheetRow, current: SheetCurrent | undefined, today: string): { values: SheetValues; fields: SheetField[] } {
  const base = current ?? { ...NONE, assessedOn: "" };
  const proposed = {
    status: row.status,
    assessedOn: row.assessedOn ?? base.assessedOn,
    rationale: row.rationale ?? base.rationale,
    confidence: row.confidence ?? base.confidence,
    visibility: row.visibility ?? base.visibility,
  };
  const fields = FIELDS.filter((field) => proposed[field] !== base[field]);
  // A row left as exported, or naming only a date, confidence or visibility for nothing, records nothing.
  if (!current && proposed.status === NONE.status && proposed.rationale === "") return { values: { ...proposed, assessedOn: today }, fields: [] };
  if (fields.length > 0 && !fields.includes("assessedOn")) proposed.assessedOn = today;
  if (proposed.assessedOn === "") proposed.assessedOn = today;
  return { values: proposed, fields };
}

export function planStatusSheet(basis: SheetBasis, parsed: ParsedSheet, today: string): SheetPlan {
  const errors: SheetIssue[] = [...parsed.errors];
  const changes: SheetChange[] = [];
  const conflicts: SheetConflict[] = [];
  let unchanged = 0;

  const byId = new Map(basis.recommendations.map((r) => [r.id, r]));
  const byParagraph = new Map(basis.recommendations.flatMap((r) => (r.paragraph ? [[r.paragraph, r] as const] : [])));
  const seen = new Map<number, number>();

  for (const row of parsed.rows) {
    // Find the recommendation: by its id when the row has one (a spreadsheet cannot mangle it), else by paragraph.
    let recommendation: SheetRecommendation | undefined;
    if (row.recommendationId !== null) {
      recommendation = byId.get(row.recommendationId);
      if (!recommendation) {
        errors.push({ row: row.row, column: "recommendation_id", code: "recommendationId.notInReview", values: { id: String(row.recommendationId) }, message: `${row.recommendationId} is not a recommendation of this review` });
        continue;
      }
      if (row.paragraph !== null && !sameParagraph(row.paragraph, recommendation.paragraph)) {
        const actual = recommendation.paragraph ? `paragraph ${recommendation.paragraph}` : "no paragraph";
        const mismatch: Pick<SheetIssue, "code" | "values"> = recommendation.paragraph
          ? { code: "paragraph.mismatch" as const, values: { value: row.paragraph, id: String(recommendation.id), paragraph: recommendation.paragraph } }
          : { code: "paragraph.mismatchNoParagraph" as const, values: { value: row.paragraph, id: String(recommendation.id) } };
        errors.push({ row: row.row, column: "paragraph", ...mismatch, message: `${row.paragraph} does not match recommendation_id ${recommendation.id} (${actual})` });
        continue;
      }
    } else {
      recommendation = byParagraph.get(row.paragraph ?? "");
      if (!recommendation) {
        errors.push({ row: row.row, column: "paragraph", code: "paragraph.notInReview", values: { value: row.paragraph ?? "" }, message: `${row.paragraph} is not in this review` });
        continue;
      }
    }

    const earlier = seen.get(recommendation.id);
    if (earlier !== undefined) {
      const target: Pick<SheetIssue, "code" | "values"> = recommendation.paragraph
        ? { code: "row.duplicateParagraph" as const, values: { paragraph: recommendation.paragraph, earlier } }
        : { code: "row.duplicateRecommendation" as const, values: { id: String(recommendation.id), earlier } };
      errors.push({ row: row.row, column: row.recommendationId !== null ? "recommendation_id" : "paragraph", ...target, message: `${label(recommendation)} is also on row ${earlier}` });
      continue;
    }
    seen.set(recommendation.id, row.row);

    // Compare with the current assessment.
    const history = basis.assessments.get(recommendation.id) ?? [];
    const current = history[0];
    const currentVersion = current?.version ?? 0;
    if (row.version > currentVersion) {
      errors.push({ row: row.row, column: "version", code: "version.notExist", values: { value: row.version, latest: currentVersion }, message: `${row.version} does not exist (the latest version is ${currentVersion}): keep the exported value` });
      continue;
    }
    const { values, fields } = nextValues(row, current, today);
    if (fields.length === 0) {
      unchanged += 1;
      continue;
    }
    if (current && row.version < currentVersion) {
      // Someone saved since the export. A row left as exported is not this editor's change: keep theirs.
      const exported = history.find((assessment) => assessment.version === row.version);
      if (nextValues(row, exported, today).fields.length === 0) {
        unchanged += 1;
        continue;
      }
      const savedAt = current.createdAt.slice(0, 10);
      conflicts.push({
        row: row.row,
        recommendationId: recommendation.id,
        paragraph: recommendation.paragraph,
        sheetVersion: row.version,
        currentVersion,
        savedBy: current.authorName,
        savedAt: current.createdAt,
        code: recommendation.paragraph ? "conflict.savedSince" : "conflict.savedSinceRecommendation",
        values: {
          ...(recommendation.paragraph ? { paragraph: recommendation.paragraph } : { id: String(recommendation.id) }),
          savedBy: current.authorName,
          currentVersion,
          savedAt: current.createdAt,
          sheetVersion: row.version,
        },
        message: `${label(recommendation)} was saved by ${current.authorName} as version ${currentVersion} on ${savedAt}, after this sheet was exported (version ${row.version}): export the sheet again and redo this row`,
      });
      continue;
    }
    changes.push({
      row: row.row,
      recommendationId: recommendation.id,
      paragraph: recommendation.paragraph,
      before: current ? { status: current.status, assessedOn: current.assessedOn, rationale: current.rationale, confidence: current.confidence, visibility: current.visibility, version: current.version } : null,
      after: values,
      fields,
    });
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { changes, unchanged, errors, conflicts };
}
