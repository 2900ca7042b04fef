import { getLocale, getTranslations } from "next-intl/server";
import { activeFilters, chipParts } from "@/lib/explorer-labels/chips";
import { withoutValueHref } from "@/lib/explorer-links";
import { Link } from "@/lib/i18n/navigation";
import type { RecommendationQuery } from "@/lib/search-params";
import { loadLabelSources } from "@/lib/server/filter-labels";

/**
 * The filters in force, each named in the page's language (never a slug or an id) with a link that removes it (the
 * page goes back to 1). The status chips say whose statuses they read.
 */
export async function ActiveFilters({ query }: { query: RecommendationQuery }) {
  const filters = activeFilters(query);
  if (filters.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("explorer"), getLocale()]);
  const sources = await loadLabelSources(query, locale, { myStatus: t("activeFilters.myStatus") });
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
