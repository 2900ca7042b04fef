import type { FilterKey } from "@/lib/search-params";

/**
 * A translator of the `terms` namespace (from getTranslations("terms") or useTranslations("terms")), and the filter
 * values the explorer and the State pages name with it: "3rd cycle (2018)" / "第三轮（2018年）", "5 · Specific action".
 */
export type TermsTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** "3rd cycle", or "3rd cycle (2018)" when the year is known. */
export function cycleTerm(t: TermsTranslator, cycle: number | string, year: number | null = null): string {
  const name = t.has(`cycle.${cycle}`) ? t(`cycle.${cycle}`) : String(cycle);
  return year ? t("cycleWithYear", { cycle: name, year: String(year) }) : name;
}

/** "5 · Specific action" for the `action=` value 5. */
export function actionTerm(t: TermsTranslator, category: number | string): string {
  const key = `actionCategory.${category}`;
  return t.has(key) ? t("actionCategoryNumbered", { category: String(category), label: t(key) }) : String(category);
}

/** A State's own response wording ("accepted") as a term where the catalogue has it, else exactly as the State wrote it. */
export function wordingText(t: TermsTranslator, wording: string): string {
  const key = `wording.${wording.trim().toLowerCase().replace(/\s+/g, "-")}`;
  return t.has(key) ? t(key) : wording;
}

/** One value of a filter as a reader names it; States and themes (named elsewhere) come back as given. */
export function filterValueTerm(t: TermsTranslator, key: FilterKey, value: string): string {
  const term = (group: string) => (t.has(`${group}.${value}`) ? t(`${group}.${value}`) : value);
  switch (key) {
    case "cycle":
      return cycleTerm(t, value);
    case "action":
      return actionTerm(t, value);
    case "position":
      return term("position");
    case "region":
      return term("region");
    case "recurring":
      return term("recurring");
    case "variants":
      return term("variants");
    case "status":
      return term("status");
    case "wording":
      return wordingText(t, value);
    default:
      return value;
  }
}
