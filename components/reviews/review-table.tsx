import { useFormatter, useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { cycleTerm } from "@/lib/cycles/label";
import type { ReviewSummary } from "@/lib/server/reviews";
import { DocumentSymbol } from "@/components/un-documents/document-symbol";
import { Completeness } from "./completeness";

/** `statusSheetLinks`: the viewer is a member of an organisation, so each review links to its status sheet and mid-term report. */
export function ReviewTable({ reviews, statusSheetLinks = false }: { reviews: ReviewSummary[]; statusSheetLinks?: boolean }) {
  const t = useTranslations("home");
  const terms = useTranslations("terms");
  const locale = useLocale();
  const format = useFormatter();
  const formatDate = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }) : "—";
  if (reviews.length === 0) {
    return (
      <div className="empty-state" role="status">
        <h2>{t("empty.title")}</h2>
        <p>{t.rich("empty.body", { command: "npm run upr -- import <file>", code: (chunks) => <code>{chunks}</code> })}</p>
      </div>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{t("table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.stateUnderReview")}</th>
            <th scope="col">{t("table.cycle")}</th>
            <th scope="col">{t("table.session")}</th>
            <th scope="col">{t("table.reviewDate")}</th>
            <th scope="col">{t("table.report")}</th>
            <th scope="col">{t("table.loaded")}</th>
            <th scope="col" className="num">{t("table.supported")}</th>
            <th scope="col" className="num">{t("table.supportedInPart")}</th>
            <th scope="col" className="num">{t("table.noted")}</th>
            <th scope="col" className="num">{t("table.recommendingStates")}</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => {
            const state = countryName(review.stateUnderReview.iso3, locale);
            const cycle = cycleTerm(terms, review.cycle, review.reviewDate ? Number(review.reviewDate.slice(0, 4)) : null);
            return (
              <tr key={review.id} data-testid={`review-${review.stateUnderReview.iso3}-${review.cycle}`}>
                <th scope="row">
                  {state}
                  {review.loaded > 0 ? (
                    <div>
                      <Link href={`/recommendations?sur=${review.stateUnderReview.iso3}&cycle=${review.cycle}`} className="muted">
                        {t("table.explore", { count: review.loaded })}
                      </Link>
                    </div>
                  ) : null}
                  <div>
                    <Link href={`/reviews/${review.id}`} className="muted">
                      {t("table.charts")}
                      <span className="visually-hidden">{t("table.chartsOf", { state, cycle })}</span>
                    </Link>
                  </div>
                  {review.loaded > 0 && statusSheetLinks ? (
                    <div>
                      <Link href={`/status-sheet?review=${review.id}`} className="muted">
                        {t("table.statusSheet")}
                        <span className="visually-hidden">{t("table.sheetOf", { state, cycle })}</span>
                      </Link>
                      {" · "}
                      <Link href={`/reports/mid-term?review=${review.id}`} className="muted">
                        {t("table.midTermReport")}
                        <span className="visually-hidden">{t("table.sheetOf", { state, cycle })}</span>
                      </Link>
                    </div>
                  ) : null}
                </th>
                <td className="nowrap">{cycle}</td>
                <td>{review.session ?? "—"}</td>
                <td className="nowrap">{formatDate(review.reviewDate)}</td>
                <td>
                  {review.reportSymbol ? <DocumentSymbol symbol={review.reportSymbol} /> : "—"}
                  {review.addendumSymbol ? (
                    <div className="muted">{t.rich("table.responses", { symbol: () => <DocumentSymbol symbol={review.addendumSymbol!} /> })}</div>
                  ) : null}
                </td>
                <td>
                  <Completeness review={review} />
                </td>
                <td className="num">{format.number(review.loadedPositions.supported)}</td>
                <td className="num">{format.number(review.loadedPositions.supportedInPart)}</td>
                <td className="num">{format.number(review.loadedPositions.noted)}</td>
                <td className="num">{format.number(review.recommendingStates)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
