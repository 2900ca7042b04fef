import type { Metadata } from "next";
import { Suspense } from "react";
import { ActiveFilters } from "@/components/explorer/active-filters";
import { FilterPanel } from "@/components/explorer/filter-panel";
import { Results } from "@/components/explorer/results";
import { FacetsSkeleton, ResultsSkeleton } from "@/components/explorer/skeletons";
import { parseExplorerSearch, toSearchString } from "@/lib/search-params";

export const metadata: Metadata = { title: "Recommendations" };

export default async function RecommendationsPage({ searchParams }: PageProps<"/recommendations">) {
  const { query, invalid } = parseExplorerSearch(await searchParams);
  const key = toSearchString(query);
  return (
    <>
      <h1>Recommendations</h1>
      {invalid.length > 0 ? (
        <p className="notice" role="status">
          Some values in this link were not understood and were ignored: {invalid.join(", ")}. Showing the closest valid view.
        </p>
      ) : null}
      <ActiveFilters query={query} />
      <div className="explorer">
        <Suspense key={`facets${key}`} fallback={<FacetsSkeleton />}>
          <FilterPanel query={query} />
        </Suspense>
        <Suspense key={`results${key}`} fallback={<ResultsSkeleton />}>
          <Results query={query} />
        </Suspense>
      </div>
    </>
  );
}
