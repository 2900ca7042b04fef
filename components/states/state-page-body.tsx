import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { RECOMMENDED_PAGE_SIZE } from "@/lib/schemas/state-page";
import type { StateProfile } from "@/lib/server/states";
import { OwnReviewsTable } from "./own-reviews-table";
import { RecommendedTable } from "./recommended-table";
import { StateHeading } from "./state-heading";
import { TablePages } from "./table-pages";

/**
 * A State's page: heading and summary, its own reviews, and what it recommended, one page of `RECOMMENDED_PAGE_SIZE`
 * rows at a time (a State that took part in every review would otherwise list 780 rows). `page` is clamped to the last.
 */
export function StatePageBody({ profile, page }: { profile: StateProfile; page: number }) {
  const t = useTranslations("states.page");
  const locale = useLocale();
  const { state, recommended, reviews } = profile;
  const name = countryName(state.iso3, locale);
  const pages = Math.max(1, Math.ceil(recommended.length / RECOMMENDED_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pages);
  const rows = recommended.slice((shown - 1) * RECOMMENDED_PAGE_SIZE, shown * RECOMMENDED_PAGE_SIZE);
  const pager = <TablePages path={`/states/${state.iso3}`} page={shown} pageSize={RECOMMENDED_PAGE_SIZE} total={recommended.length} anchor="recommended-heading" />;
  return (
    <>
      <StateHeading profile={profile} />
      {reviews.length > 0 ? (
        <section aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">{t("reviewsHeading", { name })}</h2>
          <p className="muted">{t("reviewsIntro", { name })}</p>
          <OwnReviewsTable state={state} reviews={reviews} />
        </section>
      ) : null}
      <section aria-labelledby="recommended-heading">
        <h2 id="recommended-heading">{t("recommendedHeading", { name })}</h2>
        {recommended.length > 0 ? (
          <>
            <p className="muted">
              {t("recommendedIntro")}{" "}
              <Link href={`/recommendations?state=${state.iso3}`} prefetch={false}>
                {t("seeAll", { name })}
              </Link>
            </p>
            {pager}
            <RecommendedTable state={state} groups={rows} />
            {pager}
          </>
        ) : (
          <p className="muted">{t("noneMade", { name })}</p>
        )}
      </section>
    </>
  );
}
