import "server-only";
import { effectiveActionCategories, partActionCategories } from "@/lib/action-category";
import type { ParsedRecommendation, ThemeRef } from "@/lib/import/types";
import { themeKey } from "@/lib/themes";

/**
 * How a parsed record becomes a Recommendation row, and how it compares with the row already stored under its
 * source key: only a row that differs is written, so importing the same file again writes nothing.
 */

/** The columns an import sets, as the database holds them (enums as their names). */
export type RowFields = {
  paragraph: string | null;
  ordinal: number;
  text: string;
  textLanguage: string;
  position: string | null;
  responseWording: string | null;
  unknownRecommendingStates: number;
  positionSource: string | null;
  actionCategory: number | null;
  actionCategorySource: string | null;
  actionCategoryMethod: string | null;
  actionCategoryRules: string | null;
  originalActionCategory: number | null;
  /** The original category of each State's part of the paragraph, in printed order. */
  partActionCategories: number[];
};

/** A stored row as the writer reads it back: its columns, its recommending States in order, its theme links. */
export type StoredRow = RowFields & {
  id: number;
  sourceKey: string;
  reviewId: number;
  sourceDocumentId: number;
  responseWordingSource: string | null;
  states: string[];
  themeIds: number[];
  themePrimary: boolean[];
};

export type ThemeLink = { themeId: number; primary: boolean };

const FIELD_NAMES = [
  "paragraph", "ordinal", "text", "textLanguage", "position", "responseWording", "unknownRecommendingStates", "positionSource",
  "actionCategory", "actionCategorySource", "actionCategoryMethod", "actionCategoryRules", "originalActionCategory",
] as const satisfies readonly Exclude<keyof RowFields, "partActionCategories">[];

export function themeRefKey(theme: ThemeRef): string {
  return `${theme.scheme}:${themeKey(theme)}`;
}

/**
 * The row a record asks for, `current` being the stored row of its source key. Two things an import never undoes:
 * an organisation's action-category override (the file updates the original category, the override stays in effect)
 * and a response wording set from the State's addendum by a response-wording sheet (`responseWordingSource`).
 */
export function fieldsOf(rec: ParsedRecommendation, ordinal: number, current: StoredRow | undefined): RowFields {
  const fields: RowFields = {
    paragraph: rec.paragraph,
    ordinal,
    text: rec.text,
    textLanguage: rec.textLanguage,
    position: rec.position,
    responseWording: rec.responseWording,
    unknownRecommendingStates: rec.unknownRecommendingStates,
    positionSource: rec.positionSource,
    actionCategory: rec.actionCategory,
    actionCategorySource: rec.actionCategorySource,
    actionCategoryMethod: rec.actionCategoryMethod,
    actionCategoryRules: rec.actionCategoryRules,
    originalActionCategory: rec.actionCategory,
    partActionCategories: partActionCategories(rec.text, { category: rec.actionCategory, derived: rec.actionCategoryMethod === "DERIVED" }),
  };
  if (current?.actionCategoryMethod === "OVERRIDE") {
    fields.actionCategory = current.actionCategory;
    fields.actionCategoryMethod = "OVERRIDE";
  }
  if (current?.responseWordingSource) fields.responseWording = current.responseWording;
  return fields;
}

/**
 * Whether the stored row already says what the record says. The source document is not compared: a row a newer
 * file repeats word for word keeps the document it was read from, so a corrected file rewrites only what it corrects.
 */
export function sameFields(fields: RowFields, current: StoredRow, reviewId: number): boolean {
  return (
    current.reviewId === reviewId &&
    FIELD_NAMES.every((name) => fields[name] === current[name]) &&
    sameNumbers(fields.partActionCategories, current.partActionCategories)
  );
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Every category the `action` filter finds a row under, as refreshRecommendationSearchIndex computes it. */
export function actionCategoriesOf(fields: RowFields): number[] {
  return effectiveActionCategories({ category: fields.actionCategory, method: fields.actionCategoryMethod }, fields.partActionCategories);
}

/** The record's theme links, one per theme (primary when it is the heading it is filed under), by theme id. */
export function themeLinks(rec: ParsedRecommendation, themeIds: ReadonlyMap<string, number>): ThemeLink[] {
  const primaryKey = rec.matrixTheme ? themeRefKey(rec.matrixTheme) : null;
  const byId = new Map<number, boolean>();
  for (const theme of rec.themes) {
    const key = themeRefKey(theme);
    const id = themeIds.get(key);
    if (id !== undefined) byId.set(id, (byId.get(id) ?? false) || key === primaryKey);
  }
  return [...byId].map(([themeId, primary]) => ({ themeId, primary })).sort((a, b) => a.themeId - b.themeId);
}

export function sameStates(current: StoredRow, rec: ParsedRecommendation): boolean {
  return current.states.length === rec.recommendingStates.length && current.states.every((iso3, i) => iso3 === rec.recommendingStates[i]);
}

export function sameThemes(current: StoredRow, links: readonly ThemeLink[]): boolean {
  return current.themeIds.length === links.length && links.every((link, i) => current.themeIds[i] === link.themeId && current.themePrimary[i] === link.primary);
}

/** The RegionalGroup enum in declaration order: the order `array_agg(... ORDER BY "regionalGroup")` gives. */
const REGION_ORDER = ["AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "GRULAC", "WEOG"];

/**
 * The regional groups of the recommending States, distinct and in enum order: the search array the explorer's region
 * filter reads, exactly as refreshRecommendationSearchIndex computes it, so a new row is written once, complete.
 */
export function regionsOf(states: readonly string[], regionOf: ReadonlyMap<string, string | null>): string[] {
  const regions = new Set<string>();
  for (const iso3 of states) {
    const region = regionOf.get(iso3);
    if (region) regions.add(region);
  }
  return REGION_ORDER.filter((region) => regions.has(region));
}
