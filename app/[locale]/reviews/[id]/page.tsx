import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { ChartDashboard } from "@/components/charts/chart-dashboard";
import { FilterSummary } from "@/components/charts/filter-summary";
import { UnknownYearsNotice } from "@/components/explorer/unknown-years-notice";
import { Completeness } from "@/components/reviews/completeness";
import { DocumentSymbol } from "@/components/un-documents/document-symbol";
import { countryName } from "@/lib/i18n/countries";
import { cycleTerm } from "@/lib/cycles/label";
import { recommendationIdSchema } from "@/lib/schemas/route-params";
import { filtersOf, parseExplorerSearch, toSearchString } from "@/lib/search-params";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";
import { resolveQueryCycles } from "@/lib/server/review-calendar";
import { getReviewSummary, type ReviewSummary } from "@/lib/server/reviews";
import { TwoFactorNotice } from "@/components/auth/two-factor-notice";
import { ReviewCalendarSection } from "@/components/review-calendar/review-calendar-section";
import { can } from "@/lib/auth/policy";
import { getReviewCalendar } from "@/lib/server/review-calendar/calendar";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A malformed or unknown review id is a page that does not exist. */
async function load(params: Props["params"]): Promise<ReviewSummary> {
  const id = recommendationIdSchema.safeParse((await params).id);
  const review = id.success ? await getReviewSummary(id.data) : null;
  if (!review) notFound();
  return review;
}

/** "China, 2024 (4th cycle)" in the reader's language. */
async function titleOf(review: ReviewSummary): Promise<string> {
  const [t, term, locale] = await Promise.all([getTranslations("charts.review"), getTranslations("terms"), getLocale()]);
  const year = review.reviewDate ? Number(review.reviewDate.slice(0, 4)) : null;
  return t("title", { state: countryName(review.stateUnderReview.iso3, locale), cycle: cycleTerm(term, review.cycle, year) });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("charts.review");
  return { title: t("metaTitle", { title: await titleOf(await load(params)) }) };
}

/** The dashboard of one review; further explorer filters in the URL narrow every chart. */
export default async function ReviewPage({ params, searchParams }: Props) {
  const review = await load(params);
  const parsed = parseExplorerSearch(await searchParams);
  const [resolved, viewer, calendar] = await Promise.all([resolveQueryCycles(parsed.query), getViewer(), getReviewCalendar(review.id)]);
  const { query, scope, mineUnavailable, awaitingSecondFactor } = scopeExplorerQuery({ ...resolved.query, review: [review.id] }, viewer);
  const filters = filtersOf(query);
  const sur = review.stateUnderReview;
  const [t, charts, locale] = await Promise.all([getTranslations("charts.review"), getTranslations("charts"), getLocale()]);
  const surName = countryName(sur.iso3, locale);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/">{t("breadcrumbReviews")}</Link> › <Link href={`/states/${sur.iso3}`}>{surName}</Link>
      </p>
      <h1>{t("heading", { title: await titleOf(review) })}</h1>
      <div className="review-facts">
        <Completeness review={review} />
        <p>
          {review.reportSymbol ? <>{t.rich("report", { symbol: () => <DocumentSymbol symbol={review.reportSymbol!} /> })} </> : null}
          {review.loaded > 0 ? (
            <>
              <Link href={`/recommendations${toSearchString(filters)}`}>{t("explore", { count: review.loaded })}</Link> ·{" "}
            </>
          ) : null}
          <Link href={`/compare?sur=${sur.iso3}`}>{t("compareAll", { state: surName })}</Link>
        </p>
      </div>
      {calendar ? <ReviewCalendarSection calendar={calendar} admin={can(viewer, "admin.reviewDocuments", {}).allowed} calendarAdmin={can(viewer, "admin.reviewCalendar", {}).allowed} /> : null}
      {parsed.invalid.length > 0 ? (
        <p className="notice" role="status">
          {charts("invalid", { values: parsed.invalid.join(", ") })}
        </p>
      ) : null}
      {mineUnavailable && awaitingSecondFactor.length === 0 ? (
        <p className="notice" role="status">
          {charts("mineUnavailable")}
        </p>
      ) : null}
      <UnknownYearsNotice years={resolved.unknownYears} sur={query.sur} />
      <TwoFactorNotice organizations={awaitingSecondFactor} />
      <FilterSummary query={{ ...query, review: [] }} everything={t("everything")} />
      {/* Not streamed behind a Suspense boundary: without JavaScript, streamed content never replaces its fallback, and the tables must read without it. */}
      <ChartDashboard filters={filters} scope={scope} />
    </>
  );
}
