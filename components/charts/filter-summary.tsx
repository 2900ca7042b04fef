import { getLocale, getTranslations } from "next-intl/server";
import type { TermsTranslator } from "@/lib/cycles/label";
import { filterName, filterValueName, type LabelSources } from "@/lib/explorer-labels/chips";
import { countryName } from "@/lib/i18n/countries";
import { FILTER_KEYS, type FilterKey, type RecommendationQuery } from "@/lib/search-params";
import { loadCycleYears } from "@/lib/server/review-calendar";
import { listThemeNames } from "@/lib/server/theme-names";

/** The filters the charts count, in words and grouped ("Cycle: 2013 (2nd cycle), 2018 (3rd cycle)"); `everything` when there are none. */
export async function FilterSummary({ query, everything }: { query: RecommendationQuery; everything?: string }) {
  const [t, terms, locale, cycleYears, themes] = await Promise.all([
    getTranslations("charts.filters"),
    getTranslations("terms") as Promise<TermsTranslator>,
    getLocale(),
    loadCycleYears(query.sur),
    listThemeNames([...query.theme, ...query.affected]),
  ]);
  const sources: LabelSources = {
    terms,
    country: (iso3) => countryName(iso3, locale),
    theme: (slug) => themes.get(slug),
    cycleYears,
    myStatus: query.statusOf === "mine" ? t("myStatus") : undefined,
  };
  const display = (key: FilterKey, value: string): string => filterValueName(key, value, sources);
  const name = (key: FilterKey): string => filterName(key, sources);
  // The State under review first, then the other filters, then the recommending States, as a reader would say them.
  const order: FilterKey[] = ["sur", ...FILTER_KEYS.filter((key) => key !== "sur" && key !== "state" && key !== "statusOf"), "state"];
  const groups = order.flatMap((key) => {
    if (key === "variants" && query.variants === "on") return [];
    const value: unknown = query[key];
    const values = (Array.isArray(value) ? value.map(String) : value ? [String(value)] : []).map((v) => display(key, v));
    return values.length > 0 ? [t("group", { name: name(key), values: values.join(t("valueSeparator")) })] : [];
  });
  return (
    <p className="filter-summary" data-testid="filter-summary">
      <strong>{t("counting")}</strong> {groups.length === 0 ? (everything ?? t("everything")) : groups.join(t("groupSeparator"))}
    </p>
  );
}
