import { getLocale, getTranslations } from "next-intl/server";
import { withoutValueHref } from "@/lib/explorer-links";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { FILTER_KEYS, type FilterKey, type RecommendationQuery } from "@/lib/search-params";
import { loadCycleYears } from "@/lib/server/review-calendar";
import { filterValueTerm, type TermsTranslator } from "./term-labels";

/**
 * The filters in force, each with a link that removes it (the page goes back to 1). `statusOf` only says whose
 * statuses the status filter reads, so it is named on the status chips rather than being a chip of its own.
 */
export async function ActiveFilters({ query }: { query: RecommendationQuery }) {
  const [t, terms, locale, cycleYears] = await Promise.all([getTranslations("explorer"), getTranslations("terms"), getLocale(), loadCycleYears(query.sur)]);
  const name = (key: FilterKey): string => (key === "status" && query.statusOf === "mine" ? t("activeFilters.myStatus") : terms.has(`filter.${key}`) ? terms(`filter.${key}`) : key);
  const shown = (key: FilterKey, value: string): string =>
    key === "sur" || key === "state" ? countryName(value, locale) : filterValueTerm(terms as TermsTranslator, key, value, cycleYears);
  const chips = FILTER_KEYS.flatMap((key) => {
    // Spelling variants are on unless switched off: only "off" is a filter to show and remove.
    if (key === "statusOf" || (key === "variants" && query.variants === "on")) return [];
    const value: unknown = query[key];
    const values = Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];
    return values.map((v) => ({ key, value: v, href: withoutValueHref(query, key, v) }));
  });
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t("activeFilters.label")}>
      {chips.map((chip) => {
        const values = { name: name(chip.key), value: shown(chip.key, chip.value) };
        return (
          <li key={`${chip.key}:${chip.value}`}>
            <Link href={chip.href} aria-label={t("activeFilters.remove", values)} data-filter={chip.key} data-value={chip.value}>
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
