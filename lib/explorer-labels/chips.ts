import { filterValueTerm } from "@/components/explorer/term-labels";
import type { CycleYears, TermsTranslator } from "@/lib/cycles/label";
import { FILTER_KEYS, type FilterKey, type RecommendationQuery } from "@/lib/search-params";

/** One filter value in force, as the explorer's chips list it. */
export type ActiveFilter = { key: FilterKey; value: string };

/**
 * The filters in force, one entry per value, in FILTER_KEYS order. `statusOf` only says whose statuses the status
 * filter reads (it is named on the status chips), and spelling variants count only when switched off.
 */
export function activeFilters(query: RecommendationQuery): ActiveFilter[] {
  return FILTER_KEYS.flatMap((key) => {
    if (key === "statusOf" || (key === "variants" && query.variants === "on")) return [];
    const value: unknown = query[key];
    const values = Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];
    return values.map((v) => ({ key, value: v }));
  });
}

/**
 * Where the names of a page's filter values come from, in the page's language: the `terms` catalogue, State names,
 * and the names of the themes, affected persons and reviews the page has loaded (a slug or an id the page could not
 * name reads as itself rather than vanishing).
 */
export type LabelSources = {
  terms: TermsTranslator;
  country: (iso3: string) => string;
  theme?: (slug: string) => string | undefined;
  review?: (id: string) => string | undefined;
  cycleYears?: (cycle: number) => CycleYears;
  /** The status filter's name when it reads the viewer's own organisations' statuses. */
  myStatus?: string;
};

/** A filter's name: "Theme", "Recommended by", or the viewer's own status. */
export function filterName(key: FilterKey, sources: LabelSources): string {
  if (key === "status" && sources.myStatus) return sources.myStatus;
  return sources.terms.has(`filter.${key}`) ? sources.terms(`filter.${key}`) : key;
}

/** A filter's value as a reader names it: "China", "A12 Acceptance of international norms", "2018 (3rd cycle)". */
export function filterValueName(key: FilterKey, value: string, sources: LabelSources): string {
  switch (key) {
    case "sur":
    case "state":
      return sources.country(value);
    case "theme":
    case "affected":
      return sources.theme?.(value) ?? value;
    case "review":
      return sources.review?.(value) ?? value;
    default:
      return filterValueTerm(sources.terms, key, value, sources.cycleYears);
  }
}

/** A chip's two parts, for the `activeFilters.chip` and `activeFilters.remove` messages. */
export function chipParts(filter: ActiveFilter, sources: LabelSources): { name: string; value: string } {
  return { name: filterName(filter.key, sources), value: filterValueName(filter.key, filter.value, sources) };
}
