import { useLocale, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { ReviewSelect } from "@/components/reviews/choice-fields";
import { getPathname } from "@/lib/i18n/navigation";
import type { ReviewSummary } from "@/lib/server/reviews";

/** The review named in the URL, among those with recommendations; `invalid` when the link names another. */
export function chooseWordingReview(reviews: ReviewSummary[], params: Record<string, string | string[] | undefined>): { review: ReviewSummary | null; invalid: boolean } {
  const reviewParam = typeof params.review === "string" ? params.review : undefined;
  const review = reviews.find((r) => String(r.id) === reviewParam) ?? null;
  return { review, invalid: reviewParam !== undefined && !review };
}

/** A plain GET form, as the status sheet's: the choice goes into the URL, so it works without JavaScript and a link can carry it. */
export function WordingChooser({ reviews, review }: { reviews: ReviewSummary[]; review: ReviewSummary | null }): ReactElement {
  const locale = useLocale();
  const t = useTranslations("responseWording.chooser");
  return (
    <form method="get" action={getPathname({ href: "/admin/response-wording", locale })} className="sheet-chooser" aria-label={t("label")}>
      <ReviewSelect reviews={reviews} defaultValue={review?.id ?? ""} />
      <button type="submit">{t("submit")}</button>
    </form>
  );
}
