import { getLocale, getTranslations } from "next-intl/server";
import { cycleTerm, type TermsTranslator } from "@/lib/cycles/label";
import { countryName } from "@/lib/i18n/countries";
import { wordingTerm } from "@/lib/i18n/terms";
import { FILTER_KEYS, type FilterKey, type RecommendationQuery } from "@/lib/search-params";
import { loadCycleYears } from "@/lib/server/review-calendar";

/** The terms-catalogue key of a filter value that has one ("cycle.3", "region.weog"), else null (shown as given). */
function termKey(key: FilterKey, value: string): string | null {
  if (key === "position" || key === "region" || key === "recurring" || key === "status" || key === "variants") return `${key}.${value}`;
  if (key === "wording") return wordingTerm(value);
  return null;
}

/** The filters the charts count, in words and grouped ("Cycle: 2013 (2nd cycle), 2018 (3rd cycle)"); `everything` when there are none. */
export async function FilterSummary({ query, everything }: { query: RecommendationQuery; everything?: string }) {
  const [t, term, locale, cycleYears] = await Promise.all([getTranslations("charts.filters"), getTranslations("terms"), getLocale(), loadCycleYears(query.sur)]);
  const display = (key: FilterKey, value: string): string => {
    if (key === "sur" || key === "state") return countryName(value, locale);
    if (key === "cycle") return cycleTerm(term as TermsTranslator, value, cycleYears(Number(value)));
    if (key === "action") return term.has(`actionCategory.${value}`) ? term("actionCategoryNumbered", { category: value, label: term(`actionCategory.${value}`) }) : value;
    const known = termKey(key, value);
    return known && term.has(known) ? term(known) : value;
  };
  const name = (key: FilterKey): string => (key === "status" && query.statusOf === "mine" ? t("myStatus") : term.has(`filter.${key}`) ? term(`filter.${key}`) : key);
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
