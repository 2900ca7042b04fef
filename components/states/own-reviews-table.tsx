import { Link } from "@/lib/i18n/navigation";
import { cycleLabel } from "@/lib/labels";
import { toSearchString, type PositionParam } from "@/lib/search-params";
import type { OwnReview, StateSummary } from "@/lib/server/states";
import { CountLink } from "./count-link";

const COLUMNS: { key: "supported" | "supportedInPart" | "noted"; label: string; position: PositionParam }[] = [
  { key: "supported", label: "Supported", position: "supported" },
  { key: "supportedInPart", label: "Supported in part", position: "supported-in-part" },
  { key: "noted", label: "Noted", position: "noted" },
];

/** "346 of 346 reported", or a plain count when the official total is not recorded. */
function Loaded({ review, href, label }: { review: OwnReview; href: string; label: string }) {
  return (
    <>
      <CountLink count={review.total} href={href} label={label} />
      {review.reportedTotal !== null ? <span className="muted"> of {review.reportedTotal} reported</span> : null}
      {review.reportedTotal !== null && review.total > 0 && review.total < review.reportedTotal ? <div className="muted">list incomplete</div> : null}
    </>
  );
}

/** The State's own reviews, with what is loaded here against the officially reported total. */
export function OwnReviewsTable({ state, reviews }: { state: StateSummary; reviews: OwnReview[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="own-reviews-table">
        <caption className="visually-hidden">Reviews of {state.name} and how it responded to the recommendations it received</caption>
        <thead>
          <tr>
            <th scope="col">Cycle</th>
            <th scope="col">Session</th>
            <th scope="col">Report</th>
            <th scope="col" className="num">Recommendations loaded</th>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" className="num">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => {
            const label = cycleLabel(review.cycle, review.year);
            const filter = { cycle: [review.cycle], sur: [state.iso3] };
            return (
              <tr key={review.cycle} data-testid={`own-review-${review.cycle}`}>
                <th scope="row">
                  {label}
                  <div>
                    <Link href={`/reviews/${review.id}`} className="muted">
                      Charts<span className="visually-hidden"> of the review of {state.name}, {label}</span>
                    </Link>
                  </div>
                </th>
                <td>{review.session ?? "—"}</td>
                <td>{review.reportSymbol ?? "—"}</td>
                <td className="num">
                  <Loaded review={review} href={`/recommendations${toSearchString(filter)}`} label={`All ${review.total} recommendations to ${state.name}, ${label}`} />
                </td>
                {review.total === 0 ? (
                  <td colSpan={COLUMNS.length} className="muted">
                    Not loaded yet.
                    {review.reportedWordings.length > 0
                      ? ` Officially reported: ${review.reportedWordings.map((w) => `${w.count} ${w.wording}`).join(", ")}.`
                      : ""}
                  </td>
                ) : (
                  COLUMNS.map((column) => (
                    <td key={column.key} className="num">
                      <CountLink
                        count={review[column.key]}
                        href={`/recommendations${toSearchString({ ...filter, position: [column.position] })}`}
                        label={`${review[column.key]} ${column.label.toLowerCase()}: recommendations to ${state.name}, ${label}`}
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
