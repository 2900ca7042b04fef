import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ActionCategoryDefinitions } from "@/components/action-category/action-category-definitions";
import { buildCharts } from "@/lib/charts/build-charts";
import { createChartText } from "@/lib/charts/chart-text";
import { MAX_UNITS, OTHER_UNIT, type Per } from "@/lib/charts/units";
import { countryName } from "@/lib/i18n/countries";
import type { RecommendationFilters } from "@/lib/search-params";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { loadChartInputs } from "@/lib/server/stats/review-charts";
import { ChartFigure } from "./chart-figure";
import { UnitChooser } from "./unit-chooser";
import { ClientMessages } from "@/components/i18n/client-messages";

/**
 * Every chart for the reviews the filters select, in the reader's language, one series per unit: `per` as chosen, or
 * (null) per review for a few reviews and per cycle for many, said in a notice. `chooser` shows the unit form.
 */
export async function ChartDashboard({ filters, scope, per = "review", chooser = false }: { filters: RecommendationFilters; scope: ViewerScope; per?: Per | null; chooser?: boolean }) {
  const [inputs, t, tc, locale, messages] = await Promise.all([loadChartInputs(filters, scope, per), getTranslations("charts.dashboard"), getTranslations("charts.compare"), getLocale(), getMessages()]);
  if (inputs.units.length === 0) {
    return (
      <div className="empty-state" role="status">
        <h2>{t("noReviewTitle")}</h2>
        <p>{t("noReviewBody")}</p>
      </div>
    );
  }
  const text = createChartText(locale, { charts: messages.charts, terms: messages.terms }, (iso3) => countryName(iso3, locale));
  const other = inputs.units.find((u) => u.unit.key === OTHER_UNIT);
  return (
    <>
      {inputs.defaulted ? (
        <p className="notice" role="status" data-testid="per-notice">
          {tc("perDefaulted", { reviews: inputs.reviews })}
        </p>
      ) : null}
      {chooser ? <UnitChooser filters={filters} per={inputs.per} /> : null}
      {other ? (
        <p className="notice" data-testid="folded-notice">
          {tc("folded", { units: inputs.units.length - 1 + other.unit.folded, shown: MAX_UNITS - 1, folded: other.unit.folded })}
        </p>
      ) : null}
      <ClientMessages namespaces={["charts.figure"]}>
        <div className="chart-list">
          {buildCharts(inputs, filters, text).map((chart) => (
            <ChartFigure key={chart.id} chart={chart}>
              {chart.id === "action" ? <ActionCategoryDefinitions /> : null}
            </ChartFigure>
          ))}
        </div>
      </ClientMessages>
    </>
  );
}
