import { getLocale, getTranslations } from "next-intl/server";
import { cycleTerm } from "@/lib/cycles/label";
import { activeFilters, chipParts, type LabelSources } from "@/lib/explorer-labels/chips";
import { withoutValueHref } from "@/lib/explorer-links";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import type { RecommendationQuery } from "@/lib/search-params";
import { loadCycleYears, loadReviewYears } from "@/lib/server/review-calendar";
import { getReviewSummary } from "@/lib/server/reviews";
import { listThemeNames } from "@/lib/server/theme-names";
import type { TermsTranslator } from "./term-labels";

/** The names of the themes, affected persons and reviews among the filters. */
async function loadedNames(query: RecommendationQuery, locale: string, terms: TermsTranslator): Promise<Pick<LabelSources, "theme" | "review">> {
  const [themes, reviews, years] = await Promise.all([
    listThemeNames([...query.theme, ...query.affected]),
    Promise.all(query.review.map((id) => getReviewSummary(id))),
    query.review.length > 0 ? loadReviewYears() : null,
  ]);
  const reviewNames = new Map(
    reviews.flatMap((review) =>
      review ? [[String(review.id), `${countryName(review.stateUnderReview.iso3, locale)} · ${cycleTerm(terms, review.cycle, years?.get(review.id) ?? null)}`] as const] : [],
    ),
  );
  return { theme: (slug) => themes.get(slug), review: (id) => reviewNames.get(id) };
}

/**
 * The filters in force, each named in the page's language (never a slug or an id) with a link that removes it (the
 * page goes back to 1). The status chips say whose statuses they read.
 */
export async function ActiveFilters({ query }: { query: RecommendationQuery }) {
  const filters = activeFilters(query);
  if (filters.length === 0) return null;
  const [t, terms, locale, cycleYears] = await Promise.all([getTranslations("explorer"), getTranslations("terms") as Promise<TermsTranslator>, getLocale(), loadCycleYears(query.sur)]);
  const sources: LabelSources = {
    terms,
    country: (iso3) => countryName(iso3, locale),
    cycleYears,
    myStatus: query.statusOf === "mine" ? t("activeFilters.myStatus") : undefined,
    ...(await loadedNames(query, locale, terms)),
  };
  return (
    <ul className="chips" aria-label={t("activeFilters.label")}>
      {filters.map((filter) => {
        const values = chipParts(filter, sources);
        return (
          <li key={`${filter.key}:${filter.value}`}>
            <Link href={withoutValueHref(query, filter.key, filter.value)} aria-label={t("activeFilters.remove", values)} data-filter={filter.key} data-value={filter.value}>
              {t("activeFilters.chip", values)} <span aria-hidden="true">×</span>
            </Link>
          </li>
        );
      })}
      <li>
        <Link href="/recommendations">{t("activeFilters.clearAll")}</Link>
      </li>
    </ul>
  );
}
