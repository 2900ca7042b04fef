import { filtersOf, searchEntries, toSearchString, type FilterKey, type RecommendationQuery } from "@/lib/search-params";

/**
 * Filters that stick: every form and link of the explorer is built here from the parsed query, through the one
 * serialiser (searchEntries in lib/search-params.ts), so whatever is in FILTER_KEYS travels with every form and link,
 * whatever the facet counts, including keys added later.
 */

/** The keys a form has a control for: `true` for a single control (the search box), else the values it draws. */
export type DrawnControls = Partial<Record<FilterKey | "sort" | "pageSize", readonly string[] | true>>;

/**
 * The entries a GET form must carry as hidden fields so that submitting it keeps every filter in force: every entry
 * of the query except the values the form's own controls draw. A list's values without a checkbox (a chosen value
 * the counts left out, a review id, a key with no control) are carried; `page` never is, so a new choice starts at
 * page 1.
 */
export function hiddenEntries(query: RecommendationQuery, drawn: DrawnControls): [string, string][] {
  const hidden: [string, string][] = [];
  for (const [key, value] of searchEntries({ ...query, page: 1 })) {
    const control = drawn[key as keyof DrawnControls];
    if (control === true) continue;
    const current: unknown = query[key as FilterKey];
    if (control && Array.isArray(current)) {
      const rest = current.map(String).filter((item) => !control.includes(item));
      if (rest.length > 0) hidden.push([key, rest.join(",")]);
    } else hidden.push([key, value]);
  }
  return hidden;
}

/** The explorer with this query (filters, sort, page, page size). */
export function explorerHref(query: Partial<RecommendationQuery>): string {
  return `/recommendations${toSearchString(query)}`;
}

/** The explorer at page 1 with one filter value removed (a chip's link), every other filter kept. */
export function withoutValueHref(query: RecommendationQuery, key: FilterKey, value: string): string {
  const current: unknown = query[key];
  const next = Array.isArray(current) ? current.filter((item) => String(item) !== value) : undefined;
  // Relevance is the order of a search: without the search, the default order again.
  const sort = key === "q" && query.sort === "relevance" ? undefined : query.sort;
  return explorerHref({ ...query, page: 1, sort, [key]: next });
}

/** "Compare these in charts": the same filters on the compare page. */
export function compareHref(query: RecommendationQuery): string {
  return `/compare${toSearchString(filtersOf(query))}`;
}

/**
 * The CSV export of the whole filtered set: every filter and the order on screen (no page: the file holds every row),
 * with column titles in the reader's language from the Chinese interface.
 */
export function exportHref(query: RecommendationQuery, locale: string): string {
  const params = new URLSearchParams(searchEntries({ ...filtersOf(query), sort: query.sort }));
  if (locale === "zh") params.set("headers", "zh");
  const text = params.toString();
  return `/api/recommendations.csv${text ? `?${text}` : ""}`;
}
