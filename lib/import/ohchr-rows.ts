import type { DocxRow } from "./docx-table";
import { gridCells, type ListLayout } from "./ohchr-layout";
import { positionFromWording, responseWording } from "./positions";
import { splitRecommendingStates } from "./recommending-states";
import { ensureTheme, parseSdgCell, parseThemeCell } from "./themes";
import type { ImportIssue, Position, ThemeRef } from "./types";

/** One data row of a thematic list, read but not yet tied to a review. */
export type RowDraft = {
  paragraph: string;
  text: string;
  recommendingStates: string[];
  /** "(Unknown)" groups: States the source itself marks as unknown. */
  unknownRecommendingStates: number;
  position: Position | null;
  responseWording: string | null;
  positionSource: string | null;
  /** "A/HRC/40/6/Add.1", read from the position source. */
  addendumSymbol: string | null;
  themes: ThemeRef[];
  matrixTheme: ThemeRef | null;
};

/** "28.212 Continue ..." and the 2013 style "186.28. Continue ...". */
const NUMBERED = /^(\d+\.\d+)\.?(?:\s+|$)([\s\S]*)$/;
const SOURCE = /^Source of position\s*:?\s*([\s\S]*)$/i;

/** The document symbol at the start of a position source: "A/HRC/40/6/Add.1 - Para. 2" -> "A/HRC/40/6/Add.1". */
export function addendumSymbolOf(source: string): string | null {
  const m = /^([A-Z]+\/[A-Z0-9./]+?\/Add\.\d+)/i.exec(source.trim());
  return m?.[1] ?? null;
}

/** The Working Group report an addendum belongs to: "A/HRC/40/6/Add.1" -> "A/HRC/40/6". */
export function reportSymbolOf(addendum: string): string {
  return addendum.replace(/\/Add\.\d+$/i, "");
}

/** `unresolved`: recommending States as printed that no resolver knows, for the caller to report once per name. */
export type RowResult = { draft: RowDraft | null; errors: ImportIssue[]; unresolved: string[] };

/**
 * Reads one recommendation row. Problems become issues naming the paragraph (or the table row when there is no
 * paragraph number), and reading goes on, so one import run reports every problem of a file.
 */
export function readRecommendationRow(
  row: DocxRow,
  layout: ListLayout,
  matrixTheme: ThemeRef | null,
  rowNumber: number,
): RowResult {
  const cells = gridCells(row);
  const recParagraphs = cells[layout.recommendation]?.paragraphs ?? [];
  const sourceLine = recParagraphs.map((p) => SOURCE.exec(p)).find((m) => m !== null);
  const body = recParagraphs.filter((p) => !SOURCE.test(p));

  // Paragraph number and text as printed.
  const numbered = NUMBERED.exec(body[0] ?? "");
  if (!numbered?.[1]) {
    const start = (body[0] ?? "").slice(0, 60);
    const message = start ? `recommendation without a paragraph number: "${start}"` : "row without a recommendation";
    return { draft: null, errors: [{ location: `table row ${rowNumber}`, message }], unresolved: [] };
  }
  const paragraph = numbered[1];
  const location = `paragraph ${paragraph}`;
  const text = [numbered[2] ?? "", ...body.slice(1)].filter((t) => t.trim() !== "").join(" ").trim();
  const errors: ImportIssue[] = [];
  if (text === "") errors.push({ location, message: "recommendation text is empty" });

  // Recommending States, from the parentheses that close each sub-recommendation.
  const { states, unknown, unknownMarked } = splitRecommendingStates(text);
  if (states.length === 0 && unknown.length === 0 && unknownMarked === 0 && text !== "") {
    errors.push({ location, message: "no recommending State found (expected e.g. \"(France);\" at the end)" });
  }

  // Position, keeping the words of the cell.
  const wording = responseWording((cells[layout.position]?.paragraphs ?? []).join(" "));
  const position = wording ? (positionFromWording(wording) ?? null) : null;
  if (!wording) errors.push({ location, message: "no position (expected Supported or Noted)" });
  else if (!position) errors.push({ location, message: `unknown position "${wording}"` });

  // Themes, affected persons, SDGs and the matrix heading.
  const themeCell = parseThemeCell(cells[layout.themes]?.paragraphs ?? [], layout.coded);
  const sdgCell = layout.sdgs === null ? null : parseSdgCell(cells[layout.sdgs]?.paragraphs ?? []);
  const themes = [...themeCell.themes];
  for (const sdg of sdgCell?.themes ?? []) ensureTheme(themes, sdg);
  for (const line of [...themeCell.unrecognised, ...(sdgCell?.unrecognised ?? [])]) {
    errors.push({ location, message: `unrecognised theme "${line}"` });
  }

  const positionSource = sourceLine?.[1]?.trim() || null;
  return {
    draft: {
      paragraph,
      text,
      recommendingStates: states,
      unknownRecommendingStates: unknownMarked,
      position,
      responseWording: wording,
      positionSource,
      addendumSymbol: positionSource ? addendumSymbolOf(positionSource) : null,
      themes,
      matrixTheme: matrixTheme ? ensureTheme(themes, matrixTheme) : null,
    },
    errors,
    unresolved: unknown,
  };
}
