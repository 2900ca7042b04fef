import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { ChartDashboard } from "@/components/charts/chart-dashboard";
import { FilterSummary } from "@/components/charts/filter-summary";
import { Completeness } from "@/components/reviews/completeness";
import { cycleLabel } from "@/lib/labels";
import { recommendationIdSchema } from "@/lib/schemas/route-params";
import { filtersOf, parseExplorerSearch, toSearchString } from "@/lib/search-params";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";
import { getReviewSummary, type ReviewSummary } from "@/lib/server/reviews";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A malformed or unknown review id is a page that does not exist. */
async function load(params: Props["params"]): Promise<ReviewSummary> {
  const id = recommendationIdSchema.safeParse((await params).id);
  const review = id.success ? await getReviewSummary(id.data) : null;
  if (!review) notFound();
  return review;
}

const title = (review: ReviewSummary): string =>
  `${review.stateUnderReview.name}, ${cycleLabel(review.cycle, review.reviewDate ? Number(review.reviewDate.slice(0, 4)) : null)}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Review of ${title(await load(params))}` };
}

/** The dashboard of one review; further explorer filters in the URL narrow every chart. */
export default async function ReviewPage({ params, searchParams }: Props) {
  const review = await load(params);
  const parsed = parseExplorerSearch(await searchParams);
  const { query, scope, mineUnavailable } = scopeExplorerQuery({ ...parsed.query, review: [review.id] }, await getViewer());
  const filters = filtersOf(query);
  const sur = review.stateUnderReview;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/">Reviews</Link> › <Link href={`/states/${sur.iso3}`}>{sur.name}</Link>
      </p>
      <h1>Review of {title(review)}</h1>
      <div className="review-facts">
        <Completeness review={review} />
        <p>
          {review.reportSymbol ? <>Working Group report {review.reportSymbol}. </> : null}
          {review.loaded > 0 ? (
            <>
              <Link href={`/recommendations${toSearchString(filters)}`}>Explore these {review.loaded} recommendations</Link> ·{" "}
            </>
          ) : null}
          <Link href={`/compare?sur=${sur.iso3}`}>Compare every review of {sur.name}</Link>
        </p>
      </div>
      {parsed.invalid.length > 0 ? (
        <p className="notice" role="status">
          Some values in this link were not understood and were ignored: {parsed.invalid.join(", ")}.
        </p>
      ) : null}
      {mineUnavailable ? (
        <p className="notice" role="status">
          Statuses of &ldquo;my organisation&rdquo; are for signed-in members of an organisation. Showing public assessments instead.
        </p>
      ) : null}
      <FilterSummary query={{ ...query, review: [] }} everything="every recommendation of this review that is loaded" />
      {/* Not streamed behind a Suspense boundary: without JavaScript, streamed content never replaces its fallback, and the tables must read without it. */}
      <ChartDashboard filters={filters} scope={scope} />
    </>
  );
}
