import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import type { ReviewSummary } from "@/lib/server/reviews";
import { ReviewTable } from "@/components/reviews/review-table";
import { toSearchString } from "@/lib/search-params";

/** The State the site features (China): its reviews in full, with what is loaded against what was reported. */
export function FeaturedState({ iso3, reviews, statusSheetLinks }: { iso3: string; reviews: ReviewSummary[]; statusSheetLinks: boolean }) {
  const t = useTranslations("home.featured");
  const name = countryName(iso3, useLocale());
  return (
    <section aria-labelledby="featured-heading" data-testid="featured-state">
      <h2 id="featured-heading">{t("heading", { name })}</h2>
      <p className="muted">
        {t("intro", { name })} <Link href={`/states/${iso3}`}>{t("statePage", { name })}</Link>
      </p>
      <p>
        <Link href={`/recommendations${toSearchString({ sur: [iso3], position: ["supported"], finding: ["contradicts"] })}`} data-testid="contradicted-link">
          {t("contradicted", { name })}
        </Link>
      </p>
      <ReviewTable reviews={reviews} statusSheetLinks={statusSheetLinks} />
    </section>
  );
}
