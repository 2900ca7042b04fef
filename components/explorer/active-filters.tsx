import { getLocale, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { FILTER_KEYS, toSearchString, type FilterKey, type RecommendationQuery } from "@/lib/search-params";
import { filterValueTerm, type TermsTranslator } from "./term-labels";

/**
 * The filters in force, each with a link that removes it (the page goes back to 1). `statusOf` only says whose
 * statuses the status filter reads, so it is named on the status chips rather than being a chip of its own.
 */
export async function ActiveFilters({ query }: { query: RecommendationQuery }) {
  const [t, terms, locale] = await Promise.all([getTranslations("explorer"), getTranslations("terms"), getLocale()]);
  const name = (key: FilterKey): string => (key === "status" && query.statusOf === "mine" ? t("activeFilters.myStatus") : terms(`filter.${key}`));
  const shown = (key: FilterKey, value: string): string =>
    key === "sur" || key === "state" ? countryName(value, locale) : filterValueTerm(terms as TermsTranslator, key, value);
  const chips = FILTER_KEYS.flatMap((key) => {
    // Spelling variants are on unless switched off: only "off" is a filter to show and remove.
    if (key === "statusOf" || (key === "variants" && query.variants === "on")) return [];
    const value = query[key];
    const values = Array.isArray(value) ? value.map(String) : value ? [value] : [];
    return values.map((v) => {
      const next = { ...query, page: 1, [key]: Array.isArray(value) ? value.filter((x) => String(x) !== v) : "" };
      return { key, value: v, href: `/recommendations${toSearchString(next)}` };
    });
  });
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t("activeFilters.label")}>
      {chips.map((chip) => {
        const values = { name: name(chip.key), value: shown(chip.key, chip.value) };
        return (
          <li key={`${chip.key}:${chip.value}`}>
            <Link href={chip.href} aria-label={t("activeFilters.remove", values)}>
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
