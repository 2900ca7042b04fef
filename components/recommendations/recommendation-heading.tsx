import { Link } from "@/lib/i18n/navigation";
import { cycleLabel } from "@/lib/labels";
import { toSearchString } from "@/lib/search-params";
import type { RecommendationDetail } from "@/lib/server/recommendation-detail";
import { PositionBadge } from "./position-badge";

function byStates(detail: RecommendationDetail): string {
  const [first, ...rest] = detail.recommendation.recommendingStates;
  if (!first) return "";
  return rest.length === 0 ? first.name : `${first.name} and ${rest.length} other${rest.length === 1 ? "" : "s"}`;
}

/** The page title, as a journalist would cite it: "China 2018 · 28.66". */
export function recommendationTitle(detail: RecommendationDetail): string {
  const { recommendation, review } = detail;
  const when = review.year ?? `cycle ${recommendation.cycle}`;
  return `${recommendation.stateUnderReview.name} ${when} · ${recommendation.paragraph ?? byStates(detail)}`;
}

/** Breadcrumb back to the review in the explorer, the heading, and the answer in one line. */
export function RecommendationHeading({ detail }: { detail: RecommendationDetail }) {
  const { recommendation, review } = detail;
  const sur = recommendation.stateUnderReview;
  const count = recommendation.recommendingStates.length;
  return (
    <header className="page-heading">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/states/${sur.iso3}`}>{sur.name}</Link>
        <span aria-hidden="true"> › </span>
        <Link href={`/recommendations${toSearchString({ cycle: [recommendation.cycle], sur: [sur.iso3] })}`} prefetch={false}>
          {cycleLabel(recommendation.cycle, review.year)}: all recommendations
        </Link>
      </nav>
      <h1>
        {recommendation.paragraph ? `Recommendation ${recommendation.paragraph}` : `Recommendation of ${byStates(detail)}`} to {sur.name}
      </h1>
      <p className="lede">
        {cycleLabel(recommendation.cycle, review.year)}
        {review.session ? `, session ${review.session}` : ""} · made by {count} State{count === 1 ? "" : "s"} · response:{" "}
        <PositionBadge position={recommendation.position} />
      </p>
    </header>
  );
}
