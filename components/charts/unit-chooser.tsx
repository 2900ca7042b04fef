import { getTranslations } from "next-intl/server";
import { PER_VALUES, type Per } from "@/lib/charts/units";
import { searchEntries, type RecommendationFilters } from "@/lib/search-params";

/**
 * What one bar stands for, chosen in a plain GET form (it works without JavaScript): the filters in force travel as
 * hidden fields and `per` joins them in the URL, so the exact view can be shared.
 */
export async function UnitChooser({ filters, per }: { filters: RecommendationFilters; per: Per }) {
  const t = await getTranslations("charts.compare");
  return (
    <form method="get" className="unit-chooser" data-testid="unit-chooser">
      {searchEntries(filters).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="compare-per">{t("perLabel")}</label>{" "}
      <select id="compare-per" name="per" defaultValue={per}>
        {PER_VALUES.map((value) => (
          <option key={value} value={value}>
            {t(`per.${value}`)}
          </option>
        ))}
      </select>{" "}
      <button type="submit">{t("perSubmit")}</button>
    </form>
  );
}
