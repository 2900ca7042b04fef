import { useFormatter, useLocale, useTranslations } from "next-intl";
import { cycleTerm, type TermsTranslator } from "@/lib/cycles/label";
import { countryName } from "@/lib/i18n/countries";
import type { Locale } from "@/lib/i18n/routing";
import type { StateReviews } from "@/lib/server/home/overview";
import { ReviewsByStateTable, type ReviewsByStateLabels, type ReviewsByStateRow } from "./reviews-by-state-table";

/**
 * The reviews grouped by State under review, one compact row per State: its page, each of its reviews (the review's
 * charts) and its recommendations in the explorer. At 195 States and 800 reviews this stays one short table.
 *
 * The rows go to the browser as data (names, review ids and years) and the table is drawn from them: as server
 * markup, every link and its accessible label would travel twice (the HTML, and the same tree again as React's
 * payload), and serialising that was most of the page's cost.
 */
export function ReviewsByState({ states }: { states: StateReviews[] }) {
  const t = useTranslations("home.byState");
  const terms = useTranslations("terms") as TermsTranslator;
  const locale = useLocale();
  const format = useFormatter();
  const collator = new Intl.Collator(locale === "zh" ? "zh-Hans-u-co-pinyin" : "en", { sensitivity: "base" });
  const rows: ReviewsByStateRow[] = states
    .map((state) => ({ iso3: state.iso3, name: countryName(state.iso3, locale), reviews: state.reviews.map((review) => [review.id, review.cycle, review.year] as const) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  // Each cycle's name, with and without a year, once: the browser looks them up per review.
  const cycles: Record<string, string> = {};
  for (const [, cycle, year] of rows.flatMap((row) => row.reviews)) {
    cycles[`${cycle}`] ??= cycleTerm(terms, cycle);
    cycles[`${cycle}:${year}`] ??= cycleTerm(terms, cycle, year);
  }
  const labels: ReviewsByStateLabels = {
    heading: t("heading"),
    count: format.number(rows.length),
    intro: t("intro"),
    caption: t("caption"),
    state: t("state"),
    reviews: t("reviews"),
    recommendations: t("recommendations"),
    separator: t("separator"),
    explore: t("explore"),
    reviewOf: t.raw("reviewOf") as string,
    exploreOf: t.raw("exploreOf") as string,
  };
  return <ReviewsByStateTable rows={rows} labels={labels} cycles={cycles} locale={locale as Locale} />;
}
