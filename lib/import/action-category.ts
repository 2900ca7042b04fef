import { ACTION_RULES_VERSION, classifyActionCategory } from "@/lib/action-category";
import type { ParsedRecommendation } from "./types";

export type ImportedActionCategory = Pick<ParsedRecommendation, "actionCategory" | "actionCategorySource" | "actionCategoryMethod" | "actionCategoryRules">;

/**
 * The action category an imported recommendation gets: the source's own where it gives one (UPR Info's 1–5), else the
 * one derived from the text's opening verb phrase, marked DERIVED with the rule version so it can be told apart and
 * recomputed when the rules change.
 */
export function importedActionCategory(text: string, given: { category: number; source: string } | null): ImportedActionCategory {
  if (given) {
    return { actionCategory: given.category, actionCategorySource: given.source, actionCategoryMethod: "SOURCE", actionCategoryRules: null };
  }
  return { actionCategory: classifyActionCategory(text).category, actionCategorySource: null, actionCategoryMethod: "DERIVED", actionCategoryRules: ACTION_RULES_VERSION };
}
