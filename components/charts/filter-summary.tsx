import { describeFilters } from "@/components/explorer/active-filters";
import type { RecommendationQuery } from "@/lib/search-params";

/** The filters the charts count, in words; "all recommendations loaded" when there are none. */
export function FilterSummary({ query, everything = "all recommendations loaded, in every review" }: { query: RecommendationQuery; everything?: string }) {
  const filters = describeFilters(query);
  return (
    <p className="filter-summary">
      <strong>Counting:</strong>{" "}
      {filters.length === 0 ? everything : filters.map((filter) => `${filter.name}: ${filter.value}`).join(" · ")}
    </p>
  );
}
