import enTerms from "@/lib/i18n/messages/en/terms.json";
import { cycleTerm, type CycleYears, type TermsTranslator } from "./label";

/**
 * The English `terms` messages a cycle label uses ("3rd cycle", "{year} ({cycle})") with their simple `{name}`
 * arguments filled in. No ICU runtime: this runs in the operator's command line too, where next-intl's React build
 * cannot load. The unit test checks it says exactly what the pages' translator says.
 */
const englishTerms: TermsTranslator = Object.assign(
  (key: string, values: Record<string, string | number> = {}) => {
    const message = lookup(key);
    return message === undefined ? key : message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  },
  { has: (key: string) => lookup(key) !== undefined },
);

function lookup(key: string): string | undefined {
  let node: unknown = enTerms;
  for (const part of key.split(".")) node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/**
 * A cycle in English for the operator's command line and the English stats labels: the same words as the English
 * pages ("2018 (3rd cycle)"), read from the same catalogue.
 */
export function cycleLabel(cycle: number | string, years: CycleYears = null): string {
  return cycleTerm(englishTerms, cycle, years);
}
