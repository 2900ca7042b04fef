import { useFormatter, useLocale, useTranslations } from "next-intl";
import { cycleTerm, type TermsTranslator } from "@/lib/cycles/label";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import type { StateReviews } from "@/lib/server/home/overview";

/**
 * The reviews grouped by State under review, one compact row per State: its page, each of its reviews (the review's
 * charts) and its recommendations in the explorer. At 195 States and 800 reviews this stays one short table.
 * Links are not prefetched: the table holds hundreds of them.
 */
export function ReviewsByState({ states }: { states: StateReviews[] }) {
  const t = useTranslations("home.byState");
  const terms = useTranslations("terms") as TermsTranslator;
  const locale = useLocale();
  const format = useFormatter();
  const collator = new Intl.Collator(locale === "zh" ? "zh-Hans-u-co-pinyin" : "en", { sensitivity: "base" });
  const rows = states.map((state) => ({ ...state, name: countryName(state.iso3, locale) })).sort((a, b) => collator.compare(a.name, b.name));
  return (
    <section aria-labelledby="by-state-heading" data-testid="reviews-by-state">
      <h2 id="by-state-heading">
        {t("heading")} <span className="muted">({format.number(rows.length)})</span>
      </h2>
      <p className="muted">{t("intro")}</p>
      <div className="table-scroll">
        <table className="data-table compact">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("state")}</th>
              <th scope="col">{t("reviews")}</th>
              <th scope="col">{t("recommendations")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((state) => (
              <tr key={state.iso3} data-testid={`by-state-${state.iso3}`}>
                <th scope="row">
                  <Link href={`/states/${state.iso3}`} prefetch={false}>
                    {state.name}
                  </Link>
                </th>
                <td>
                  {state.reviews.map((review, index) => (
                    <span key={review.id}>
                      {index > 0 ? t("separator") : null}
                      <Link href={`/reviews/${review.id}`} prefetch={false}>
                        {review.year === null ? cycleTerm(terms, review.cycle) : String(review.year)}
                        <span className="visually-hidden">{t("reviewOf", { state: state.name, cycle: cycleTerm(terms, review.cycle, review.year) })}</span>
                      </Link>
                    </span>
                  ))}
                </td>
                <td>
                  <Link href={`/recommendations?sur=${state.iso3}`} prefetch={false}>
                    {t("explore")}
                    <span className="visually-hidden">{t("exploreOf", { state: state.name })}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
