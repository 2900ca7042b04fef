import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { ReviewTable } from "@/components/reviews/review-table";
import { getViewer } from "@/lib/server/permissions";
import { listReviewSummaries } from "@/lib/server/reviews";

export default async function HomePage() {
  await connection();
  const [reviews, viewer, t] = await Promise.all([listReviewSummaries(), getViewer(), getTranslations("home")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <ReviewTable reviews={reviews} statusSheetLinks={(viewer?.memberships.length ?? 0) > 0} />
    </>
  );
}
