import { useFormatter, useTranslations } from "next-intl";
import type { LoadedTotals as Totals } from "@/lib/server/home/overview";

/** One line saying what is loaded: States under review, reviews, recommendations, and the date of the last import. */
export function LoadedTotals({ totals }: { totals: Totals }) {
  const t = useTranslations("home.overview");
  const format = useFormatter();
  return (
    <p className="summary-line" data-testid="loaded-totals">
      {t("loaded", { states: totals.statesUnderReview, reviews: totals.reviews, recommendations: totals.recommendations })}{" "}
      {totals.lastImport
        ? t("lastImport", { date: format.dateTime(new Date(totals.lastImport), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }) })
        : t("neverImported")}
    </p>
  );
}
