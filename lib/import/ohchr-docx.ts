import { importedActionCategory } from "./action-category";
import { isZip, readDocxBody, readDocxHeaders, type DocxContent } from "./docx-table";
import { emptyDocument, progressReporter, sha256Of, validateRecommendations } from "./document";
import { findListLayout, headingText, isEmptyRow, isHeaderRow, MISSING_TABLE } from "./ohchr-layout";
import { readRecommendationRow, reportSymbolOf, type RowDraft } from "./ohchr-rows";
import { findTitle, resolveReview, type ReviewIdentity } from "./ohchr-title";
import { parseMatrixHeading } from "./themes";
import type { ImportIssue, ParseOptions, ParsedDocument, ParsedRecommendation, ThemeRef } from "./types";
import { UnresolvedNames } from "./unknown-names";

const FORMAT = "ohchr-thematic-list" as const;

/** Numeric order of paragraph numbers: 28.2 before 28.10. */
export function compareParagraphs(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/** Keeps one draft per paragraph: a repeat with the same text and position is dropped, a different one is an error. */
function dedupe(drafts: readonly RowDraft[], errors: ImportIssue[]): RowDraft[] {
  const byParagraph = new Map<string, RowDraft>();
  for (const draft of drafts) {
    const first = byParagraph.get(draft.paragraph);
    if (!first) byParagraph.set(draft.paragraph, draft);
    else if (first.text !== draft.text || first.position !== draft.position) {
      errors.push({
        location: `paragraph ${draft.paragraph}`,
        message: "the paragraph number appears twice with different text or position",
      });
    }
  }
  return [...byParagraph.values()].sort((a, b) => compareParagraphs(a.paragraph, b.paragraph));
}

/** Reads the data rows under the header, following the "Theme: ..." headings that file them. */
function readRows(body: DocxContent, options: ParseOptions, errors: ImportIssue[]): RowDraft[] | null {
  const layout = findListLayout(body.tables);
  if (!layout) return null;
  const rows = layout.table.rows.slice(layout.headerRow + 1);
  const progress = progressReporter(rows.length, options.onProgress);
  const drafts: RowDraft[] = [];
  let matrixTheme: ThemeRef | null = null;
  const unresolved = new UnresolvedNames();
  rows.forEach((row, i) => {
    progress(i + 1);
    if (isEmptyRow(row) || isHeaderRow(row)) return;
    const heading = headingText(row);
    if (heading !== null) {
      matrixTheme = parseMatrixHeading(heading, layout.coded) ?? matrixTheme;
      return;
    }
    const { draft, errors: rowErrors, unresolved: names } = readRecommendationRow(row, layout, matrixTheme, layout.headerRow + i + 2);
    errors.push(...rowErrors);
    if (!draft) return;
    for (const name of names) unresolved.add("recommending State", name, `paragraph ${draft.paragraph}`);
    drafts.push(draft);
  });
  // One issue per name no resolver knows, before the other problems.
  errors.unshift(...unresolved.issues());
  return drafts;
}

function toRecommendation(draft: RowDraft, review: ReviewIdentity): ParsedRecommendation {
  return {
    sourceKey: `ohchr:${review.stateUnderReview}:c${review.cycle}:${draft.paragraph}`,
    stateUnderReview: review.stateUnderReview,
    cycle: review.cycle,
    session: review.session,
    paragraph: draft.paragraph,
    text: draft.text,
    // The thematic lists OHCHR publishes per review are in English.
    textLanguage: "en",
    recommendingStates: draft.recommendingStates,
    unknownRecommendingStates: draft.unknownRecommendingStates,
    position: draft.position,
    responseWording: draft.responseWording,
    positionSource: draft.positionSource,
    themes: draft.themes,
    matrixTheme: draft.matrixTheme,
    ...importedActionCategory(draft.text, null),
    location: `paragraph ${draft.paragraph}`,
  };
}

/**
 * Parses an OHCHR "Thematic list of recommendations" (.docx, 2nd to 4th cycle layouts) into validated records.
 * Never throws for a bad file: every problem is an issue naming the file, the heading or the paragraph, and all
 * of them are collected so the user can fix a file in one go.
 */
export async function parseOhchrThematicList(buffer: Buffer, options: ParseOptions): Promise<ParsedDocument> {
  const { fileName } = options;
  const notDocx = [{ location: "file", message: "not a .docx file, or a damaged one (is it cut short?)" }];
  if (!isZip(buffer)) return emptyDocument(FORMAT, buffer, fileName, notDocx);

  // Open the document: body tables through mammoth, the title from the page headers.
  let body: DocxContent;
  let headers: string[];
  try {
    [body, headers] = await Promise.all([readDocxBody(buffer), readDocxHeaders(buffer)]);
  } catch {
    return emptyDocument(FORMAT, buffer, fileName, notDocx);
  }
  const errors: ImportIssue[] = [];
  const title = findTitle([...headers, ...body.paragraphs]);

  // Read the table before the review, so a wrong file is reported as such rather than as a heading problem.
  const drafts = readRows(body, options, errors);
  if (drafts === null) {
    return { ...emptyDocument(FORMAT, buffer, fileName), title, errors: [{ location: "file", message: MISSING_TABLE }] };
  }
  if (drafts.length === 0 && errors.length === 0) {
    errors.push({ location: "file", message: "the thematic list table has no recommendations" });
  }

  const { review, errors: reviewErrors } = resolveReview(title, options);
  errors.unshift(...reviewErrors);
  const unique = dedupe(drafts, errors);
  const addendumSymbol = mostCommon(unique.map((d) => d.addendumSymbol));
  const recommendations = review ? validateRecommendations(unique.map((d) => toRecommendation(d, review)), errors) : [];
  return {
    format: FORMAT,
    fileName,
    sha256: sha256Of(buffer),
    title,
    reviews: review
      ? [{ ...review, reportSymbol: addendumSymbol ? reportSymbolOf(addendumSymbol) : null, addendumSymbol }]
      : [],
    recommendations,
    errors,
  };
}
