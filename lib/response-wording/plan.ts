import { positionFromWording } from "@/lib/import/positions";
import type { Position } from "@/lib/import/types";
import type { WordingChange, WordingIssue } from "@/lib/schemas/response-wording";
import { normaliseWording, wordingSource, type ParsedWordingSheet } from "./csv";

/**
 * What importing a wording sheet would do, decided from the rows read and the review's recommendations. Pure, so the
 * preview, the import inside its transaction and the unit tests all run the same rules.
 */

export type WordingRecommendation = {
  id: number;
  paragraph: string | null;
  position: Position | null;
  responseWording: string | null;
  responseWordingSource: string | null;
};

export type WordingPlan = { changes: WordingChange[]; unchanged: number; errors: WordingIssue[] };

const POSITION_NAMES: Record<Position, string> = { SUPPORTED: "supported", SUPPORTED_IN_PART: "supported in part", NOTED: "noted" };

/**
 * A paragraph a spreadsheet can have turned into this one by reading it as a number ("28.10" shown as 28.1): said
 * beside a duplicate, since that is the usual cause.
 */
function mangledSibling(paragraph: string, recommendations: readonly WordingRecommendation[]): string | undefined {
  if (!/^\d+\.\d+$/.test(paragraph)) return undefined;
  return recommendations.find((r) => r.paragraph !== null && r.paragraph !== paragraph && /^\d+\.\d+$/.test(r.paragraph) && Number(r.paragraph) === Number(paragraph))?.paragraph ?? undefined;
}

/**
 * Checks every row against the review and lists the changes. A row names a recommendation by its paragraph as printed
 * ("28.10"; never matched loosely, since 28.1 and 28.10 are both paragraphs). A wording whose position (by the table in
 * lib/import/positions.ts) is not the recorded one is refused: "rejected" on a supported recommendation means the
 * sheet or the recorded position is wrong. Words the table does not know are taken as written.
 *
 * A row is unchanged when its wording is the current one and it gives no addendum paragraph, or one that names the
 * current source: a row left as the template wrote it is never attributed to the addendum by accident.
 */
export function planResponseWording(recommendations: readonly WordingRecommendation[], parsed: ParsedWordingSheet, sourceSymbol: string | null): WordingPlan {
  const errors: WordingIssue[] = [...parsed.errors];
  if (sourceSymbol === null && parsed.rows.length > 0) {
    errors.push({ code: "source.noSymbol", message: "the review has no addendum symbol: name the document the wordings are from (--source-symbol, or sourceSymbol= in the API)" });
  }
  const changes: WordingChange[] = [];
  let unchanged = 0;
  const byParagraph = new Map(recommendations.flatMap((r) => (r.paragraph ? [[r.paragraph, r] as const] : [])));
  const seen = new Map<string, number>();

  for (const row of parsed.rows) {
    const recommendation = byParagraph.get(row.paragraph);
    if (!recommendation || recommendation.paragraph === null) {
      errors.push({ row: row.row, column: "paragraph", code: "paragraph.notInReview", values: { value: row.paragraph }, message: `${row.paragraph} is not a paragraph of this review` });
      continue;
    }
    const paragraph = recommendation.paragraph;
    const earlier = seen.get(paragraph);
    if (earlier !== undefined) {
      const sibling = mangledSibling(paragraph, recommendations);
      const hint = sibling ? ` (a spreadsheet may have turned ${sibling} into ${paragraph}: format the paragraph column as text)` : "";
      errors.push({ row: row.row, column: "paragraph", code: "row.duplicateParagraph", values: { paragraph, earlier, sibling: sibling ?? "" }, message: `paragraph ${paragraph} is also on row ${earlier}${hint}` });
      continue;
    }
    seen.set(paragraph, row.row);

    const implied = positionFromWording(row.wording) ?? null;
    if (implied && recommendation.position && implied !== recommendation.position) {
      const means = POSITION_NAMES[implied];
      const recorded = POSITION_NAMES[recommendation.position];
      errors.push({
        row: row.row,
        column: "wording",
        code: "wording.contradictsPosition",
        values: { value: row.wording, implied: means, paragraph, position: recorded },
        message: `"${row.wording}" means ${means}, but paragraph ${paragraph} is recorded as ${recorded}`,
      });
      continue;
    }
    if (sourceSymbol === null) continue;

    const source = wordingSource(sourceSymbol, row.addendumParagraph);
    const sameWording = normaliseWording(recommendation.responseWording ?? "") === row.wording;
    if (sameWording && (row.addendumParagraph === null || recommendation.responseWordingSource === source)) {
      unchanged += 1;
      continue;
    }
    changes.push({
      row: row.row,
      recommendationId: recommendation.id,
      paragraph,
      position: recommendation.position,
      before: { wording: recommendation.responseWording, source: recommendation.responseWordingSource },
      after: { wording: row.wording, source },
      impliedPosition: implied,
    });
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { changes, unchanged, errors };
}
