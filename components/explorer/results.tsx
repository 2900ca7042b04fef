import { getLocale, getTranslations } from "next-intl/server";
import { countryNames } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { listRecommendations } from "@/lib/server/recommendations";
import { filtersOf, SORTS, toSearchString, type RecommendationQuery } from "@/lib/search-params";
import { SearchNotes } from "@/components/search/search-notes";
import { Pagination } from "./pagination";
import { ResultsTable, type SortHrefs } from "./results-table";

/** The export's column titles: stable keys by default, the reader's language from the Chinese interface. */
function exportHref(query: RecommendationQuery, locale: string): string {
  const search = toSearchString(filtersOf(query));
  const headers = locale === "zh" ? `${search ? "&" : "?"}headers=zh` : "";
  return `/api/recommendations.csv${search}${headers}`;
}

/** The current page of the filtered set; the export link carries the same filters, and exports the whole set. */
export async function Results({ query, scope }: { query: RecommendationQuery; scope: ViewerScope }) {
  const [data, locale, t] = await Promise.all([listRecommendations(query, scope), getLocale(), getTranslations("explorer")]);
  const pages = Math.max(1, Math.ceil(data.total / query.pageSize));
  const sortHrefs = Object.fromEntries(SORTS.map((sort) => [sort, `/recommendations${toSearchString({ ...query, sort, page: 1 })}`])) as SortHrefs;
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
          <Link href={`/compare${toSearchString(filtersOf(query))}`} data-testid="compare-link">
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
            <Link href={`/recommendations${toSearchString({ ...query, page: pages })}`}>{t("results.lastPage", { pages })}</Link>
          </p>
        </div>
      ) : (
        <>
          <ResultsTable rows={data.items} query={query} sortHrefs={sortHrefs} countryNames={names} />
          <Pagination query={query} pages={pages} />
        </>
      )}
    </section>
  );
}
