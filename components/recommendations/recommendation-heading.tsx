import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { toSearchString } from "@/lib/search-params";
import type { RecommendationDetail } from "@/lib/server/recommendation-detail";
import { cycleTerm } from "@/lib/cycles/label";
import { PositionBadge } from "./position-badge";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "France and 2 others"; States the source prints as unknown count as others, and name the recommendation when alone. */
function byStates(detail: RecommendationDetail, t: Translate, locale: string): string {
  const { recommendingStates, unknownRecommendingStates } = detail.recommendation;
  const [first, ...rest] = recommendingStates;
  const name = first ? countryName(first.iso3, locale) : t("byUnknownState");
  const others = rest.length + unknownRecommendingStates - (first ? 0 : 1);
  return others === 0 ? name : t("byStates", { first: name, others });
}

/** The page title, as a journalist would cite it: "China 2018 · 28.66" (`t` reads the detail catalogue). */
export function recommendationTitle(detail: RecommendationDetail, t: Translate, locale: string): string {
  const { recommendation, review } = detail;
  const when = review.year ?? t("titleCycle", { cycle: recommendation.cycle });
  return t("title", { sur: countryName(recommendation.stateUnderReview.iso3, locale), when, ref: recommendation.paragraph ?? byStates(detail, t, locale) });
}

/** Breadcrumb back to the review in the explorer, the heading, and the answer in one line. */
export function RecommendationHeading({ detail }: { detail: RecommendationDetail }) {
  const t = useTranslations("detail");
  const terms = useTranslations("terms");
  const locale = useLocale();
  const { recommendation, review } = detail;
  const sur = recommendation.stateUnderReview;
  const surName = countryName(sur.iso3, locale);
  const cycle = cycleTerm(terms, recommendation.cycle, review.year);
  return (
    <header className="page-heading">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href={`/states/${sur.iso3}`}>{surName}</Link>
        <span aria-hidden="true"> › </span>
        <Link href={`/recommendations${toSearchString({ cycle: [recommendation.cycle], sur: [sur.iso3] })}`} prefetch={false}>
          {t("allOfCycle", { cycle })}
        </Link>
      </nav>
      <h1>
        {recommendation.paragraph
          ? t("headingParagraph", { paragraph: recommendation.paragraph, sur: surName })
          : t("headingStates", { states: byStates(detail, t, locale), sur: surName })}
      </h1>
      <p className="lede">
        {cycle}
        {review.session ? t("ledeSession", { session: review.session }) : ""}
        {t("ledeMadeBy", { count: recommendation.recommendingStates.length + recommendation.unknownRecommendingStates })}
        <PositionBadge position={recommendation.position} />
      </p>
    </header>
  );
}
