import { getLocale, getTranslations } from "next-intl/server";
import { compareHref, explorerHref, exportHref } from "@/lib/explorer-links";
import { countryNames } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { getExplorerSelection } from "@/lib/server/facets/explorer-selection";
import { listFindingBodies } from "@/lib/server/finding-links";
import { listRecommendations } from "@/lib/server/recommendations";
import { loadReviewYears } from "@/lib/server/review-calendar";
import { SORTS, filtersOf, type RecommendationQuery } from "@/lib/search-params";
import { SearchNotes } from "@/components/search/search-notes";
import { Pagination } from "./pagination";
import { ResultsTable, type SortHrefs } from "./results-table";

/** The current page of the filtered set; the export link carries the same filters, and exports the whole set. */
export async function Results({ query, scope }: { query: RecommendationQuery; scope: ViewerScope }) {
  const [data, years, locale, t] = await Promise.all([
    // The total counted with the facets (the filter panel's), not again.
    listRecommendations(query, scope, undefined, { total: getExplorerSelection(filtersOf(query), scope).then((selection) => selection.total) }),
    loadReviewYears(),
    getLocale(),
    getTranslations("explorer"),
  ]);
  const pages = Math.max(1, Math.ceil(data.total / query.pageSize));
  const sortHrefs = Object.fromEntries(SORTS.map((sort) => [sort, explorerHref({ ...query, sort, page: 1 })])) as SortHrefs;
  const findingBodies = await listFindingBodies(data.items.map((row) => row.id));
  const reviewYears = Object.fromEntries(data.items.map((row) => [row.reviewId, years.get(row.reviewId) ?? null]));
  const names = countryNames(
    data.items.flatMap((row) => [row.stateUnderReview.iso3, ...row.recommendingStates.map((s) => s.iso3)]),
    locale,
  );
  return (
    <section className="results" aria-labelledby="results-heading">
      <div className="results-bar">
        <h2 id="results-heading" aria-live="polite">
          {t("results.count", { count: data.total })}
        </h2>
        <div className="results-actions">
          <Link href={compareHref(query)} data-testid="compare-link">
            {t("results.compare")}
          </Link>
          <a className="button" href={exportHref(query, locale)} download data-testid="export-csv">
            {t("results.export", { count: data.total })}
          </a>
        </div>
      </div>
      <SearchNotes query={query} scope={scope} />
      {data.total === 0 ? (
        <div className="empty-state" role="status">
          <h3>{t("results.emptyTitle")}</h3>
          <p>{t.rich("results.emptyBody", { link: (chunks) => <Link href="/recommendations">{chunks}</Link> })}</p>
        </div>
      ) : query.page > pages ? (
        <div className="empty-state" role="status">
          <h3>{t("results.noPage", { page: query.page })}</h3>
          <p>
            <Link href={explorerHref({ ...query, page: pages })}>{t("results.lastPage", { pages })}</Link>
          </p>
        </div>
      ) : (
        <>
          <ResultsTable rows={data.items} query={query} sortHrefs={sortHrefs} countryNames={names} reviewYears={reviewYears} findingBodies={findingBodies} />
          <Pagination query={query} pages={pages} />
        </>
      )}
    </section>
  );
}
