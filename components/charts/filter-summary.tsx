import { describeFilters } from "@/components/explorer/active-filters";
import { getCountry } from "@/lib/countries";
import type { RecommendationQuery } from "@/lib/search-params";

/** The filters the charts count, in words and grouped ("Cycle: 2nd cycle, 3rd cycle"); `everything` when there are none. */
export function FilterSummary({ query, everything = "all recommendations loaded, in every review" }: { query: RecommendationQuery; everything?: string }) {
  const named = { ...query, sur: [], state: [] };
  const groups = new Map<string, string[]>();
  const add = (name: string, value: string) => groups.set(name, [...(groups.get(name) ?? []), value]);
  for (const iso3 of query.sur) add("State under review", getCountry(iso3)?.name ?? iso3);
  for (const filter of describeFilters(named)) add(filter.name, filter.value);
  for (const iso3 of query.state) add("Recommended by", getCountry(iso3)?.name ?? iso3);
  return (
    <p className="filter-summary" data-testid="filter-summary">
      <strong>Counting:</strong>{" "}
      {groups.size === 0 ? everything : [...groups].map(([name, values]) => `${name}: ${values.join(", ")}`).join(" · ")}
    </p>
  );
}
