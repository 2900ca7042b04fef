import { connection } from "next/server";
import { ReviewTable } from "@/components/reviews/review-table";
import { getViewer } from "@/lib/server/permissions";
import { listReviewSummaries } from "@/lib/server/reviews";

export default async function HomePage() {
  await connection();
  const [reviews, viewer] = await Promise.all([listReviewSummaries(), getViewer()]);
  return (
    <>
      <h1>Reviews</h1>
      <p className="lede">
        Every Universal Periodic Review loaded here, with the number of recommendations loaded against the number officially
        reported, and how the State under review responded.
      </p>
      <ReviewTable reviews={reviews} statusSheetLinks={(viewer?.memberships.length ?? 0) > 0} />
    </>
  );
}
