import { hiddenEntries, type DrawnControls } from "@/lib/explorer-links";
import type { RecommendationQuery } from "@/lib/search-params";

/**
 * Hidden fields for every filter in force that the form draws no control for, so submitting the form (with or
 * without JavaScript) never drops one: lib/explorer-links decides which, from the query alone.
 */
export function HiddenFilters({ query, drawn }: { query: RecommendationQuery; drawn: DrawnControls }) {
  return (
    <>
      {hiddenEntries(query, drawn).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
