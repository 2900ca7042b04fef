import type { RecommendationItem } from "@/lib/schemas/recommendation-api";
import type { RecommendationRow } from "@/lib/server/recommendations";
import type { CsvWords } from "./recommendation-words";

/**
 * The columns of GET /api/recommendations.csv, one definition each: its machine key, what it holds (for the OpenAPI
 * document and the README's table), and how a row fills it. A column is added by adding a line at the end of its
 * table; existing keys are never renamed or reordered, because scripts and reports cite them.
 */

type Theme = RecommendationItem["themes"][number];

/** What a cell is computed from: the server row, its public form (the JSON API's values) and the file's words. */
export type CellInput = { row: RecommendationRow; item: RecommendationItem; words: CsvWords };

export type CsvColumnDefinition<Key extends string = string> = { key: Key; description: string; cell: (input: CellInput) => string };

function column<const Key extends string>(key: Key, description: string, cell: (input: CellInput) => string): CsvColumnDefinition<Key> {
  return { key, description, cell };
}

/** Several values in one cell: "GBR; PSE; CIV". Lists in the key and label columns are aligned value by value. */
export const LIST_SEPARATOR = "; ";
const list = <T,>(values: readonly T[], cell: (value: T) => string): string => values.map(cell).join(LIST_SEPARATOR);

const themesOf = (item: RecommendationItem): Theme[] => item.themes.filter((theme) => theme.scheme !== "affected");
const affectedOf = (item: RecommendationItem): Theme[] => item.themes.filter((theme) => theme.scheme === "affected");
const keyed = (theme: Theme): string => `${theme.id} ${theme.name}`;

/** The machine columns, the same in every language and in the same order since the export began. */
export const KEY_COLUMNS = [
  column("id", "The recommendation's id on this site (as in its URL and in the JSON API)", ({ item }) => String(item.id)),
  column("state_under_review", "The State under review, ISO 3166 alpha-3", ({ item }) => item.stateUnderReview.iso3),
  column("cycle", "The UPR cycle, 1 to 4", ({ item }) => String(item.cycle)),
  column("review_report", "The Working Group's report, e.g. A/HRC/40/6", ({ item }) => item.source.reportSymbol ?? ""),
  column("paragraph", "The paragraph as printed, e.g. 28.66; empty where the source has none", ({ item }) => item.paragraph ?? ""),
  column("text", "The recommendation exactly as published (never translated)", ({ item }) => item.text),
  column("recommending_states_iso3", "The recommending States, ISO 3166 alpha-3, in the order the document prints them", ({ item }) =>
    list(item.recommendingStates, (state) => state.iso3),
  ),
  column("recommending_states", "Their names, in English, aligned with recommending_states_iso3", ({ item }) => list(item.recommendingStates, (state) => state.name)),
  column("recommending_regions", "Their UN regional groups (african, asia-pacific, eeg, grulac, weog; none for an observer State), aligned", ({ item }) =>
    list(item.recommendingStates, (state) => state.region ?? "none"),
  ),
  column("position", "supported, supported-in-part or noted; empty where the source records none", ({ item }) => item.position ?? ""),
  column("response_wording", "The State's own words, e.g. accepted and already implemented", ({ item }) => item.responseWording ?? ""),
  column("position_source", "Where the position is recorded, e.g. A/HRC/40/6/Add.1 - Para. 2", ({ item }) => item.source.positionSource ?? ""),
  column("themes", "Themes of every scheme, each as its identifier (the theme= filter) and name: uhri:a12 Acceptance of international norms", ({ item }) =>
    list(themesOf(item), keyed),
  ),
  column("affected_persons", "Affected persons, each as its identifier and name: affected:children children", ({ item }) => list(affectedOf(item), keyed)),
  column("action_category", "UPR Info's action category, 1 (minimal) to 5 (specific action)", ({ item }) =>
    item.actionCategory === null ? "" : String(item.actionCategory),
  ),
  column("action_category_source", "Who assigned a category taken from the source, e.g. UPR Info", ({ row }) => row.actionCategorySource ?? ""),
  column("action_category_method", "How the category was set: source, derived or override", ({ item }) => item.actionCategoryMethod ?? ""),
  column("action_category_rules", "The rule version of a derived category, e.g. verb-rules/1", ({ item }) => item.actionCategoryRules ?? ""),
  column("source_document", "The file the recommendation was imported from", ({ item }) => item.source.document),
  column("text_language", "The language of text, BCP 47, e.g. en", ({ item }) => item.textLanguage),
  column("unknown_recommending_states", "How many recommending States the source prints as unknown (not in the lists above)", ({ item }) =>
    String(item.unknownRecommendingStates),
  ),
] as const;

/**
 * The columns a story cites, after the key columns: when, where to read it, and each key in words. Labels follow the
 * file's language (`headers=zh`: Chinese); a label is empty where its key is.
 */
export const CITATION_COLUMNS = [
  column("year", "The year of the review, from its date, e.g. 2018; empty where the date is not recorded", ({ row }) => row.reviewDate?.slice(0, 4) ?? ""),
  column("review_date", "The date of the review in the Working Group, YYYY-MM-DD; empty where not recorded", ({ row }) => row.reviewDate ?? ""),
  column("url", "The recommendation's page on this site, absolute and permanent, in the file's language", ({ item, words }) => words.recommendationUrl(item.id)),
  column("state_under_review_label", "The State under review's name", ({ item, words }) => words.state(item.stateUnderReview.iso3)),
  column("recommending_states_label", "The recommending States' names, aligned with recommending_states_iso3", ({ item, words }) =>
    list(item.recommendingStates, (state) => words.state(state.iso3)),
  ),
  column("recommending_regions_label", "Their regional groups' names, aligned", ({ item, words }) => list(item.recommendingStates, (state) => words.region(state.region))),
  column("position_label", "The position in words, e.g. Supported in part", ({ item, words }) => words.position(item.position)),
  column("themes_label", "The themes' names, aligned with themes: A12 Acceptance of international norms; Goal 16: …", ({ item, words }) =>
    list(themesOf(item), words.theme),
  ),
  column("affected_persons_label", "The affected persons' names, aligned with affected_persons", ({ item, words }) => list(affectedOf(item), words.affectedPersons)),
  column("action_category_label", "The action category in words, e.g. Specific action", ({ item, words }) => words.actionCategory(item.actionCategory)),
  column("action_category_method_label", "How the category was set, in words", ({ item, words }) => words.actionCategoryMethod(item.actionCategoryMethod)),
  column(
    "action_categories",
    "Every category the action filter finds it under: its own and its States' parts' in a merged paragraph (only the override's while one stands), e.g. 2; 4",
    ({ item }) => list(item.actionCategories, String),
  ),
] as const;

export const RECOMMENDATION_CSV_COLUMN_DEFINITIONS = [...KEY_COLUMNS, ...CITATION_COLUMNS] as const;

export type CsvColumn = (typeof RECOMMENDATION_CSV_COLUMN_DEFINITIONS)[number]["key"];

/** Every column key, in file order. */
export const RECOMMENDATION_CSV_COLUMNS: readonly CsvColumn[] = RECOMMENDATION_CSV_COLUMN_DEFINITIONS.map((definition) => definition.key);
