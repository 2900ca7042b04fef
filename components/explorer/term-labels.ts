import { cycleTerm, type CycleYears, type TermsTranslator } from "@/lib/cycles/label";
import type { FilterKey } from "@/lib/search-params";

/**
 * The filter values the explorer and the State pages name with the `terms` catalogue: "2018 (3rd cycle)" /
 * "2018年（第三轮）" (lib/cycles/label.ts), "5 · Specific action".
 */
export type { TermsTranslator };

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

/**
 * One value of a filter as a reader names it; States and themes (named elsewhere) come back as given. `cycleYears`
 * gives a cycle its years, from the loaded reviews (lib/cycles/years.ts).
 */
export function filterValueTerm(t: TermsTranslator, key: FilterKey, value: string, cycleYears: (cycle: number) => CycleYears = () => null): string {
  const term = (group: string) => (t.has(`${group}.${value}`) ? t(`${group}.${value}`) : value);
  switch (key) {
    case "cycle":
      return cycleTerm(t, value, cycleYears(Number(value)));
    case "action":
      return actionTerm(t, value);
    case "position":
      return term("position");
    case "region":
      return term("region");
    case "recurring":
      return term("recurring");
    case "finding":
      return term("finding");
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
