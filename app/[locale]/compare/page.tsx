import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { ChartDashboard } from "@/components/charts/chart-dashboard";
import { FilterSummary } from "@/components/charts/filter-summary";
import { filtersOf, parseExplorerSearch, toSearchString } from "@/lib/search-params";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Compare reviews" };

/** `/compare?sur=CHN&cycle=2,3`: the explorer's filters, one series per matching review, side by side. */
export default async function ComparePage({ searchParams }: PageProps<"/[locale]/compare">) {
  const parsed = parseExplorerSearch(await searchParams);
  const { query, scope, mineUnavailable } = scopeExplorerQuery(parsed.query, await getViewer());
  const filters = filtersOf(query);
  const key = toSearchString(filters);
  return (
    <>
      <h1>Compare reviews</h1>
      <p className="lede">
        Each chart counts the recommendations of the reviews below, one bar per review, so cycles can be compared side by side. Every
        number opens the recommendations behind it.
      </p>
      {parsed.invalid.length > 0 ? (
        <p className="notice" role="status">
          Some values in this link were not understood and were ignored: {parsed.invalid.join(", ")}.
        </p>
      ) : null}
      {mineUnavailable ? (
        <p className="notice" role="status">
          Statuses of &ldquo;my organisation&rdquo; are for signed-in members of an organisation. Showing public assessments instead.
        </p>
      ) : null}
      <FilterSummary query={query} />
      <p>
        <Link href={`/recommendations${key}`}>Change the filters in the explorer</Link>
      </p>
      {/* Not streamed behind a Suspense boundary: without JavaScript, streamed content never replaces its fallback, and the tables must read without it. */}
      <ChartDashboard filters={filters} scope={scope} />
    </>
  );
}
