/**
 * The explorer URLs of "Find a State or theme". Used by the browser too, so this file imports nothing heavier than
 * URLSearchParams (lib/search-params.ts brings zod, whose evaluation probe the site's CSP reports as a violation).
 */

/** The explorer filters a suggestion can add to. */
export type SuggestKey = "state" | "sur" | "theme" | "affected";

/** The explorer's URL with the current filters, `key` widened by `values` (any of them, as the filter form does). */
export function withFilterValues(current: URLSearchParams, key: SuggestKey, values: readonly string[]): string {
  const next = new URLSearchParams(current);
  // `?state=GBR,FRA&state=USA`: comma lists and repeated keys, as the explorer reads them (splitList).
  const chosen = current.getAll(key).flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
  const merged = new Set([...chosen, ...values]);
  next.set(key, [...merged].join(","));
  next.delete("page");
  return explorerHref(next);
}

/** The explorer's URL with the current filters and `text` as the search of the texts, on its first page. */
export function withTextSearch(current: URLSearchParams, text: string): string {
  const next = new URLSearchParams(current);
  next.set("q", text);
  next.delete("page");
  return explorerHref(next);
}

/** Commas and colons need no escaping in a query: `theme=uhri:d23,sdg:16` reads as the filter panel writes it. */
function explorerHref(params: URLSearchParams): string {
  return `/recommendations?${params.toString().replace(/%2C/gi, ",").replace(/%3A/gi, ":")}`;
}

/**
 * The filters a suggestion is made within: the explorer's own search string as the browser has it, without the page
 * (a new choice starts on the first page) and without an empty value.
 */
export function currentFilters(search: string): URLSearchParams {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  for (const key of [...new Set(params.keys())]) {
    const values = params.getAll(key).filter((value) => value.trim() !== "");
    params.delete(key);
    if (key !== "page") for (const value of values) params.append(key, value);
  }
  return params;
}
