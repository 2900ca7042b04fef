import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { LoadedTotals as Totals, StateReviews } from "@/lib/server/home/overview";
import type { ReviewSummary } from "@/lib/server/reviews";
import { ReviewTable } from "@/components/reviews/review-table";
import { FeaturedState } from "./featured-state";
import { LoadedTotals } from "./loaded-totals";
import { ReviewsByState } from "./reviews-by-state";
import { StateSearchForm } from "./state-search-form";

/** The State featured on the first page. */
export const FEATURED_STATE = "CHN";

/** `next`: what comes next for the featured State (its calendar), shown with its reviews. */
export type HomeData = { totals: Totals; featured: ReviewSummary[]; byState: StateReviews[]; statusSheetLinks: boolean; next?: ReactNode };

/**
 * The first page: what is loaded, a State search, the featured State's reviews, and every review grouped by State
 * under review. Its size grows with the number of States, never with the number of recommendations.
 */
export function HomeOverview({ totals, featured, byState, statusSheetLinks, next }: HomeData) {
  const t = useTranslations("home");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      {totals.reviews === 0 ? (
        <ReviewTable reviews={[]} />
      ) : (
        <>
          <LoadedTotals totals={totals} />
          <StateSearchForm />
          {featured.length > 0 ? <FeaturedState iso3={FEATURED_STATE} reviews={featured} statusSheetLinks={statusSheetLinks} /> : null}
          {featured.length > 0 ? next : null}
          <ReviewsByState states={byState} />
        </>
      )}
    </>
  );
}
