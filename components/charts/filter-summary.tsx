import { getLocale, getTranslations } from "next-intl/server";
import { filterGroups } from "@/lib/explorer-labels/groups";
import type { RecommendationQuery } from "@/lib/search-params";
import { loadLabelSources } from "@/lib/server/filter-labels";

/** The filters the charts count, in words and grouped ("Cycle: 2013 (2nd cycle), 2018 (3rd cycle)"); `everything` when there are none. */
export async function FilterSummary({ query, everything }: { query: RecommendationQuery; everything?: string }) {
  const [t, locale] = await Promise.all([getTranslations("charts.filters"), getLocale()]);
  const sources = await loadLabelSources(query, locale, { myStatus: t("myStatus") });
  const groups = filterGroups(query, sources).map((group) => t("group", { name: group.name, values: group.values.join(t("valueSeparator")) }));
  return (
    <p className="filter-summary" data-testid="filter-summary">
      <strong>{t("counting")}</strong> {groups.length === 0 ? (everything ?? t("everything")) : groups.join(t("groupSeparator"))}
    </p>
  );
}
