import "server-only";
import { cache } from "react";
import type { RecommendationFilters } from "@/lib/search-params";
import type { ViewerScope } from "../recommendation-where";
import { countExplorerSelection } from ".";

/** Once per request, shared by the explorer's filter panel (the facets) and its results (the total). */
const selectionOf = cache((key: string) => {
  const { filters, scope } = JSON.parse(key) as { filters: RecommendationFilters; scope: ViewerScope };
  return countExplorerSelection(filters, scope);
});

/** The explorer's facets and total for this request's filters and viewer, counted once for both parts of the page. */
export function getExplorerSelection(filters: RecommendationFilters, scope: ViewerScope): ReturnType<typeof countExplorerSelection> {
  return selectionOf(JSON.stringify({ filters, scope }));
}
