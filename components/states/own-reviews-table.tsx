import { useFormatter, useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { toSearchString } from "@/lib/search-params";
import type { OwnReview, StateSummary } from "@/lib/server/states";
import { wordingText, type TermsTranslator } from "@/components/explorer/term-labels";
import { cycleTerm } from "@/lib/cycles/label";
import { DocumentSymbol } from "@/components/un-documents/document-symbol";
import { CountLink } from "./count-link";
import { POSITION_COLUMNS } from "./position-columns";

/** The State's own reviews, with what is loaded here against the officially reported total. */
export function OwnReviewsTable({ state, reviews }: { state: StateSummary; reviews: OwnReview[] }) {
  const t = useTranslations("states");
  const terms = useTranslations("terms") as TermsTranslator;
  const locale = useLocale();
  const format = useFormatter();
  const name = countryName(state.iso3, locale);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="own-reviews-table">
        <caption className="visually-hidden">{t("ownReviews.caption", { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ownReviews.cycle")}</th>
            <th scope="col">{t("ownReviews.session")}</th>
            <th scope="col">{t("ownReviews.report")}</th>
            <th scope="col" className="num">{t("ownReviews.loaded")}</th>
            {POSITION_COLUMNS.map((column) => (
              <th key={column.key} scope="col" className="num">
                {terms(`position.${column.position}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => {
            const label = cycleTerm(terms, review.cycle, review.year);
            const filter = { cycle: [review.cycle], sur: [state.iso3] };
            return (
              <tr key={review.cycle} data-testid={`own-review-${review.cycle}`}>
                <th scope="row">
                  {label}
                  <div>
                    <Link href={`/reviews/${review.id}`} className="muted">
                      {t("ownReviews.charts")}
                      <span className="visually-hidden">{t("ownReviews.chartsOf", { name, review: label })}</span>
                    </Link>
                  </div>
                </th>
                <td>{review.session ?? "—"}</td>
                <td>{review.reportSymbol ? <DocumentSymbol symbol={review.reportSymbol} /> : "—"}</td>
                <td className="num">
                  <CountLink
                    count={review.total}
                    href={`/recommendations${toSearchString(filter)}`}
                    label={t("ownReviews.all", { count: review.total, name, review: label })}
                  />
                  {review.reportedTotal !== null ? <span className="muted">{t("ownReviews.ofReported", { reported: review.reportedTotal })}</span> : null}
                  {review.reportedTotal !== null && review.total > 0 && review.total < review.reportedTotal ? (
                    <div className="muted">{t("ownReviews.incomplete")}</div>
                  ) : null}
                </td>
                {review.total === 0 ? (
                  <td colSpan={POSITION_COLUMNS.length} className="muted">
                    {t("ownReviews.notLoaded")}
                    {review.reportedWordings.length > 0
                      ? t("ownReviews.officiallyReported", {
                          list: review.reportedWordings
                            .map((w) => t("ownReviews.wordingCount", { count: format.number(w.count), wording: wordingText(terms, w.wording) }))
                            .join(t("index.listSeparator")),
                        })
                      : ""}
                  </td>
                ) : (
                  POSITION_COLUMNS.map((column) => (
                    <td key={column.key} className="num">
                      <CountLink
                        count={review[column.key]}
                        href={`/recommendations${toSearchString({ ...filter, position: [column.position] })}`}
                        label={t("ownReviews.byPosition", {
                          positionCount: t(`positionCount.${column.position}`, { count: review[column.key] }),
                          name,
                          review: label,
                        })}
                      />
                    </td>
                  ))
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
