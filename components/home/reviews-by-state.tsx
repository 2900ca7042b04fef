import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Fragment } from "react";
import { cycleTerm, type TermsTranslator } from "@/lib/cycles/label";
import { countryName } from "@/lib/i18n/countries";
import { getPathname } from "@/lib/i18n/navigation";
import { rowLabel } from "@/lib/i18n/row-labels";
import type { StateReviews } from "@/lib/server/home/overview";

/**
 * The reviews grouped by State under review, one compact row per State: its page, each of its reviews (the review's
 * charts) and its recommendations in the explorer. At 195 States and 800 reviews this stays one short table.
 * Its hundreds of links are plain anchors (a page load each), not client-side links: a client component per link
 * would be serialised and rendered on every request and cost more than the rest of the page.
 */
export function ReviewsByState({ states }: { states: StateReviews[] }) {
  const t = useTranslations("home.byState");
  const terms = useTranslations("terms") as TermsTranslator;
  const locale = useLocale();
  const format = useFormatter();
  const collator = new Intl.Collator(locale === "zh" ? "zh-Hans-u-co-pinyin" : "en", { sensitivity: "base" });
  const path = (href: string): string => getPathname({ href, locale });
  // Asked once, not per row: the table repeats them hundreds of times.
  const separator = t("separator");
  const explore = t("explore");
  const reviewOf = rowLabel(t.raw("reviewOf") as string, (values) => t("reviewOf", values));
  const exploreOf = rowLabel(t.raw("exploreOf") as string, (values) => t("exploreOf", values));
  const cycles = new Map<string, string>();
  const cycleOf = (cycle: number, year: number | null = null): string => {
    const key = `${cycle}:${year}`;
    let term = cycles.get(key);
    if (term === undefined) cycles.set(key, (term = cycleTerm(terms, cycle, year)));
    return term;
  };
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
                  <a href={path(`/states/${state.iso3}`)}>{state.name}</a>
                </th>
                <td>
                  {state.reviews.map((review, index) => (
                    <Fragment key={review.id}>
                      {index > 0 ? separator : null}
                      <a href={path(`/reviews/${review.id}`)}>
                        {review.year === null ? cycleOf(review.cycle) : String(review.year)}
                        <span className="visually-hidden">{reviewOf({ state: state.name, cycle: cycleOf(review.cycle, review.year) })}</span>
                      </a>
                    </Fragment>
                  ))}
                </td>
                <td>
                  <a href={path(`/recommendations?sur=${state.iso3}`)}>
                    {explore}
                    <span className="visually-hidden">{exploreOf({ state: state.name })}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
