import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { useReviewLabel, type SheetMembership } from "@/components/status-sheet/sheet-chooser";
import { slotTranslator, type PlainTranslator } from "@/lib/i18n/memo";
import type { ReviewChoice } from "@/lib/server/status-sheet/review-choices";

/**
 * The fields that choose a review and one of the viewer's organisations, shared by the plain GET forms of the status
 * sheet and the mid-term report (they work without JavaScript, and a link can carry the choice).
 */

export function ReviewSelect({ reviews, defaultValue }: { reviews: ReviewChoice[]; defaultValue: number | string }): ReactElement {
  const t = useTranslations("common.choice");
  const label = useReviewLabel();
  // Formatted once per count, each review's label put in as it is: the list holds every loaded review.
  const option = slotTranslator(t as PlainTranslator);
  return (
    <label>
      {t("review")}{" "}
      <select name="review" defaultValue={defaultValue} required>
        <option value="" disabled>
          {t("chooseReview")}
        </option>
        {reviews.map((review) => (
          <option key={review.id} value={review.id}>
            {option("reviewOption", { review: label(review), count: review.loaded }, ["review"])}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Nothing for a member of one organisation: the server takes that one. */
export function OrganisationSelect({ memberships, defaultValue }: { memberships: SheetMembership[]; defaultValue: string }): ReactElement | null {
  const t = useTranslations("common.choice");
  const terms = useTranslations("terms");
  if (memberships.length <= 1) return null;
  return (
    <label>
      {t("organisation")}{" "}
      <select name="organization" defaultValue={defaultValue} required>
        <option value="" disabled>
          {t("chooseOrganisation")}
        </option>
        {memberships.map((m) => (
          <option key={m.organizationId} value={m.organizationSlug}>
            {t("membership", { organization: m.organizationName, role: terms(`role.${m.role}`) })}
          </option>
        ))}
      </select>
    </label>
  );
}
