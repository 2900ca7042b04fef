import { createTranslator } from "use-intl/core";
import enDetail from "@/lib/i18n/messages/en/detail.json";
import enTerms from "@/lib/i18n/messages/en/terms.json";
import zhDetail from "@/lib/i18n/messages/zh/detail.json";
import zhTerms from "@/lib/i18n/messages/zh/terms.json";
import { countryName } from "@/lib/i18n/countries";
import type { RecommendationItem } from "@/lib/schemas/recommendation-api";
import { POSITIONS, REGIONS } from "@/lib/search-params";
import type { CsvLabelLanguage } from "./options";

/**
 * The words of the export's label columns in one language, from the catalogues the pages use (`terms`, and the
 * detail page's "Goal 16: …"), and State names from lib/i18n/countries. Looked up once per file, not per row: a
 * 250,000-row export asks for the same dozen labels again and again.
 *
 * The translator comes from `use-intl/core` (what next-intl is built on), which needs no React: the export also runs
 * outside Next, in the benchmark's `tsx --conditions=react-server`, where next-intl's entry pulls in client code.
 *
 * Theme and affected-person names are the source's words (OHCHR, UPR Info), shown in English on the Chinese pages
 * too; only their framing ("目标 16：…") is translated. Recommendation texts are never translated.
 */
export type CsvWords = {
  language: CsvLabelLanguage;
  /** The recommendation's page, absolute: `https://upr.example.org/zh/recommendations/7`. */
  recommendationUrl: (id: number) => string;
  state: (iso3: string) => string;
  region: (region: string | null) => string;
  position: (position: string | null) => string;
  actionCategory: (category: number | null) => string;
  actionCategoryMethod: (method: string | null) => string;
  theme: (theme: RecommendationItem["themes"][number]) => string;
  affectedPersons: (theme: RecommendationItem["themes"][number]) => string;
};

const CATALOGUES = { en: { terms: enTerms, detail: enDetail }, zh: { terms: zhTerms, detail: zhDetail } } as const;

const ACTION_CATEGORIES = [1, 2, 3, 4, 5] as const;
const ACTION_CATEGORY_METHODS = ["source", "derived", "override"] as const;

/** A value → label table, with "" for no value and the value itself for one the catalogue lacks. */
function lookup(entries: [string, string][]): (value: string | number | null) => string {
  const labels = new Map(entries);
  return (value) => (value === null ? "" : (labels.get(String(value)) ?? String(value)));
}

function sentenceCase(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** `origin` is the app's public address (lib/server/public-origin.ts), without a trailing slash. */
export function csvWords(language: CsvLabelLanguage, origin: string): CsvWords {
  const messages = CATALOGUES[language];
  const terms = createTranslator({ locale: language, messages, namespace: "terms" });
  const themes = createTranslator({ locale: language, messages, namespace: "detail.themes" });
  const states = new Map<string, string>();
  const goals = new Map<string, string>();

  const region = lookup([...REGIONS, "none" as const].map((value) => [value, terms(`region.${value}`)]));
  return {
    language,
    recommendationUrl: (id) => `${origin}/${language}/recommendations/${id}`,
    state: (iso3) => {
      let name = states.get(iso3);
      if (name === undefined) states.set(iso3, (name = countryName(iso3, language)));
      return name;
    },
    // The key column writes "none" for a State outside the five groups (an observer): its label says so.
    region: (value) => region(value ?? "none"),
    position: lookup(POSITIONS.map((value) => [value, terms(`position.${value}`)])),
    actionCategory: lookup(ACTION_CATEGORIES.map((value) => [String(value), terms(`actionCategory.${value}`)])),
    actionCategoryMethod: lookup(ACTION_CATEGORY_METHODS.map((value) => [value, terms(`actionCategoryMethod.${value}`)])),
    // As the detail page names them: "Goal 16: Peace, justice and strong institutions", "A12 Acceptance of …".
    theme: ({ scheme, code, name }) => {
      if (scheme === "sdg" && code) {
        const key = `${code} ${name}`;
        let goal = goals.get(key);
        if (goal === undefined) goals.set(key, (goal = themes("goal", { code, name })));
        return goal;
      }
      return code && !name.startsWith(code) ? `${code} ${name}` : name;
    },
    affectedPersons: ({ name }) => sentenceCase(name),
  };
}
