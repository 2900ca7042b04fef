import { expandQuery, type AddedVariant, type Translation } from "./expand";
import { parseSearchQuery } from "./query-syntax";
import type { VariantMode } from "./modes";
import { toTsQueryText } from "./tsquery";

export { VARIANT_GROUPS, type VariantGroup } from "./variants";
export { SEARCH_GLOSSARY } from "./glossary";
export type { AddedVariant, Translation } from "./expand";
export { VARIANT_MODES, type VariantMode } from "./modes";


export type CompiledSearch = {
  /** For `to_tsquery('english', $1)`; "" when nothing is left to search, which matches no recommendation. */
  tsquery: string;
  /** The forms the query was widened with, each with its own tsquery text, for "also matched: Uighur (9)". */
  variants: (AddedVariant & { tsquery: string })[];
  translations: Translation[];
  untranslated: string[];
};

const cache = new Map<string, CompiledSearch>();
const CACHE_SIZE = 500;

/**
 * The search box's text as one tsquery: websearch syntax, `word*` prefixes, Chinese terms in English, spelling
 * variants unless `variants` is "off". Pure, and cached: the list, its count, the facets and the ranking of one
 * request all build their SQL from the same compiled query.
 */
export function compileSearch(q: string, variants: VariantMode = "on"): CompiledSearch {
  const key = `${variants}\u0000${q}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const plan = expandQuery(parseSearchQuery(q), { variants: variants === "on" });
  const compiled: CompiledSearch = {
    tsquery: toTsQueryText(plan.expr) ?? "",
    variants: plan.variants.flatMap((v) => {
      const tsquery = toTsQueryText(v.lexeme);
      return tsquery === null ? [] : [{ ...v, tsquery }];
    }),
    translations: plan.translations,
    untranslated: plan.untranslated,
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}
