import { Link } from "@/lib/i18n/navigation";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { listRecommendations } from "@/lib/server/recommendations";
import { filtersOf, toSearchString, type RecommendationQuery } from "@/lib/search-params";
import { Pagination } from "./pagination";
import { ResultsTable } from "./results-table";

/** The current page of the filtered set; the export link carries the same filters, and exports the whole set. */
export async function Results({ query, scope }: { query: RecommendationQuery; scope: ViewerScope }) {
  const data = await listRecommendations(query, scope);
  const pages = Math.max(1, Math.ceil(data.total / query.pageSize));
  const exportHref = `/api/recommendations.csv${toSearchString(filtersOf(query))}`;
  return (
    <section className="results" aria-labelledby="results-heading">
      <div className="results-bar">
        <h2 id="results-heading" aria-live="polite">
          {data.total.toLocaleString("en")} recommendation{data.total === 1 ? "" : "s"}
        </h2>
        <div className="results-actions">
          <Link href={`/compare${toSearchString(filtersOf(query))}`} data-testid="compare-link">
            Compare these in charts
          </Link>
          <a className="button" href={exportHref} download data-testid="export-csv">
            Export CSV ({data.total.toLocaleString("en")} {data.total === 1 ? "row" : "rows"})
          </a>
        </div>
      </div>
      {data.total === 0 ? (
        <div className="empty-state" role="status">
          <h3>No recommendation matches these filters</h3>
          <p>
            Remove a filter above, or <Link href="/recommendations">start again</Link>.
          </p>
        </div>
      ) : query.page > pages ? (
        <div className="empty-state" role="status">
          <h3>There is no page {query.page}</h3>
          <p>
            <Link href={`/recommendations${toSearchString({ ...query, page: pages })}`}>Go to the last page ({pages})</Link>
          </p>
        </div>
      ) : (
        <>
          <ResultsTable rows={data.items} query={query} />
          <Pagination query={query} pages={pages} />
        </>
      )}
    </section>
  );
}
