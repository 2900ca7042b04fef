import { connection } from "next/server";
import { FEATURED_STATE, HomeOverview } from "@/components/home/home-overview";
import { getLoadedTotals, listReviewsByState } from "@/lib/server/home/overview";
import { getViewer } from "@/lib/server/permissions";
import { listReviewSummaries } from "@/lib/server/reviews";

export default async function HomePage() {
  await connection();
  const [totals, featured, byState, viewer] = await Promise.all([
    getLoadedTotals(),
    listReviewSummaries(undefined, { stateUnderReview: FEATURED_STATE }),
    listReviewsByState(),
    getViewer(),
  ]);
  return <HomeOverview totals={totals} featured={featured} byState={byState} statusSheetLinks={(viewer?.memberships.length ?? 0) > 0} />;
}
