import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ActionCategoryDefinitions } from "@/components/action-category/action-category-definitions";
import { buildCharts } from "@/lib/charts/build-charts";
import { createChartText } from "@/lib/charts/chart-text";
import { countryName } from "@/lib/i18n/countries";
import type { RecommendationFilters } from "@/lib/search-params";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { loadChartInputs } from "@/lib/server/stats/review-charts";
import { ChartFigure } from "./chart-figure";

/** Every chart for the reviews the filters select: one series per review, side by side, in the reader's language. */
export async function ChartDashboard({ filters, scope }: { filters: RecommendationFilters; scope: ViewerScope }) {
  const [inputs, t, locale, messages] = await Promise.all([loadChartInputs(filters, scope), getTranslations("charts.dashboard"), getLocale(), getMessages()]);
  if (inputs.reviews.length === 0) {
    return (
      <div className="empty-state" role="status">
        <h2>{t("noReviewTitle")}</h2>
        <p>{t("noReviewBody")}</p>
      </div>
    );
  }
  const text = createChartText(locale, { charts: messages.charts, terms: messages.terms }, (iso3) => countryName(iso3, locale));
  return (
    <div className="chart-list">
      {buildCharts(inputs, filters, text).map((chart) => (
        <ChartFigure key={chart.id} chart={chart}>
          {chart.id === "action" ? <ActionCategoryDefinitions /> : null}
        </ChartFigure>
      ))}
    </div>
  );
}
