import { connection } from "next/server";
import { FEATURED_STATE, HomeOverview } from "@/components/home/home-overview";
import { getLoadedTotals, listReviewsByState } from "@/lib/server/home/overview";
import { getViewer } from "@/lib/server/permissions";
import { listReviewSummaries } from "@/lib/server/reviews";
import { getNextEventOfState } from "@/lib/server/review-calendar/calendar";
import { NextEvent } from "@/components/review-calendar/next-event";
import { todayIso } from "@/lib/review-calendar/timeline";

export default async function HomePage() {
  await connection();
  const [totals, featured, byState, viewer, next] = await Promise.all([
    getLoadedTotals(),
    listReviewSummaries(undefined, { stateUnderReview: FEATURED_STATE }),
    listReviewsByState(),
    getViewer(),
    getNextEventOfState(FEATURED_STATE, todayIso()),
  ]);
  return <HomeOverview totals={totals} featured={featured} byState={byState} statusSheetLinks={(viewer?.memberships.length ?? 0) > 0} next={<NextEvent iso3={FEATURED_STATE} next={next} />} />;
}
