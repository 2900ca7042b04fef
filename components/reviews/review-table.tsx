import Link from "next/link";
import type { ReviewSummary } from "@/lib/server/reviews";
import { Completeness } from "./completeness";

const ORDINAL = ["", "1st", "2nd", "3rd", "4th", "5th", "6th"];

function formatDate(iso: string | null): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

/** `statusSheetLinks`: the viewer is a member of an organisation, so each review links to its status sheet and mid-term report. */
export function ReviewTable({ reviews, statusSheetLinks = false }: { reviews: ReviewSummary[]; statusSheetLinks?: boolean }) {
  if (reviews.length === 0) {
    return (
      <div className="empty-state" role="status">
        <h2>No reviews yet</h2>
        <p>
          Import an OHCHR thematic list or a UPR Info export with <code>npm run upr -- import &lt;file&gt;</code>.
        </p>
      </div>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Reviews, recommendations loaded and responses</caption>
        <thead>
          <tr>
            <th scope="col">State under review</th>
            <th scope="col">Cycle</th>
            <th scope="col">Session</th>
            <th scope="col">Review date</th>
            <th scope="col">Report</th>
            <th scope="col">Recommendations loaded</th>
            <th scope="col" className="num">Supported</th>
            <th scope="col" className="num">Supported in part</th>
            <th scope="col" className="num">Noted</th>
            <th scope="col" className="num">Recommending States</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => (
            <tr key={review.id} data-testid={`review-${review.stateUnderReview.iso3}-${review.cycle}`}>
              <th scope="row">
                {review.stateUnderReview.name}
                {review.loaded > 0 ? (
                  <div>
                    <Link href={`/recommendations?sur=${review.stateUnderReview.iso3}&cycle=${review.cycle}`} className="muted">
                      Explore {review.loaded} recommendations
                    </Link>
                  </div>
                ) : null}
                <div>
                  <Link href={`/reviews/${review.id}`} className="muted">
                    Charts<span className="visually-hidden"> of the review of {review.stateUnderReview.name}, {ORDINAL[review.cycle] ?? review.cycle} cycle</span>
                  </Link>
                </div>
                {review.loaded > 0 && statusSheetLinks ? (
                  <div>
                    <Link href={`/status-sheet?review=${review.id}`} className="muted">
                      Status sheet<span className="visually-hidden"> of {review.stateUnderReview.name}, {ORDINAL[review.cycle] ?? review.cycle} cycle</span>
                    </Link>
                    {" · "}
                    <Link href={`/reports/mid-term?review=${review.id}`} className="muted">
                      Mid-term report<span className="visually-hidden"> of {review.stateUnderReview.name}, {ORDINAL[review.cycle] ?? review.cycle} cycle</span>
                    </Link>
                  </div>
                ) : null}
              </th>
              <td>{ORDINAL[review.cycle] ?? review.cycle} cycle</td>
              <td>{review.session ?? "—"}</td>
              <td>{formatDate(review.reviewDate)}</td>
              <td>
                {review.reportSymbol ?? "—"}
                {review.addendumSymbol ? <div className="muted">Responses: {review.addendumSymbol}</div> : null}
              </td>
              <td>
                <Completeness review={review} />
              </td>
              <td className="num">{review.loadedPositions.supported}</td>
              <td className="num">{review.loadedPositions.supportedInPart}</td>
              <td className="num">{review.loadedPositions.noted}</td>
              <td className="num">{review.recommendingStates}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
