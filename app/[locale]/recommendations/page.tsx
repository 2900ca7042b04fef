import type { Metadata } from "next";
import { ActiveFilters } from "@/components/explorer/active-filters";
import { FilterPanel } from "@/components/explorer/filter-panel";
import { Results } from "@/components/explorer/results";
import { parseExplorerSearch } from "@/lib/search-params";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Recommendations" };

export default async function RecommendationsPage({ searchParams }: PageProps<"/[locale]/recommendations">) {
  const parsed = parseExplorerSearch(await searchParams);
  // The organisations whose private statuses this viewer may filter by come from the session, never from the URL.
  const { query, scope, mineUnavailable } = scopeExplorerQuery(parsed.query, await getViewer());
  return (
    <>
      <h1>Recommendations</h1>
      {parsed.invalid.length > 0 ? (
        <p className="notice" role="status">
          Some values in this link were not understood and were ignored: {parsed.invalid.join(", ")}. Showing the closest valid view.
        </p>
      ) : null}
      {mineUnavailable ? (
        <p className="notice" role="status">
          Statuses of &ldquo;my organisation&rdquo; are for signed-in members of an organisation. Showing statuses from public assessments instead.
        </p>
      ) : null}
      <ActiveFilters query={query} />
      {/* Not streamed behind Suspense boundaries: without JavaScript, streamed content never replaces its fallback. */}
      <div className="explorer">
        <FilterPanel query={query} scope={scope} />
        <Results query={query} scope={scope} />
      </div>
    </>
  );
}
