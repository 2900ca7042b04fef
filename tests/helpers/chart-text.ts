import { countryName } from "@/lib/i18n/countries";
import enCharts from "@/lib/i18n/messages/en/charts.json";
import enTerms from "@/lib/i18n/messages/en/terms.json";
import zhCharts from "@/lib/i18n/messages/zh/charts.json";
import zhTerms from "@/lib/i18n/messages/zh/terms.json";
import { createChartText, type ChartText } from "@/lib/charts/chart-text";

/** The chart words of a locale from its real catalogues, for unit tests. */
export function testChartText(locale: "en" | "zh" = "en"): ChartText {
  const messages = locale === "zh" ? { charts: zhCharts, terms: zhTerms } : { charts: enCharts, terms: enTerms };
  return createChartText(locale, messages, (iso3) => countryName(iso3, locale));
}
