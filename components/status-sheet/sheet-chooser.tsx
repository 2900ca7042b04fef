import { useLocale } from "next-intl";
import type { ReactElement } from "react";
import { cycleLabel } from "@/lib/labels";
import type { Viewer } from "@/lib/server/permissions";
import type { ReviewSummary } from "@/lib/server/reviews";
import { getPathname } from "@/lib/i18n/navigation";

export type SheetMembership = Viewer["memberships"][number];

export type SheetChoice = {
  review: ReviewSummary | null;
  membership: SheetMembership | null;
  /** A review or organisation in the link that is not available to this viewer. */
  invalid: boolean;
};

export function reviewLabel(review: ReviewSummary): string {
  return `${review.stateUnderReview.name}, ${cycleLabel(review.cycle, review.reviewDate ? Number(review.reviewDate.slice(0, 4)) : null)}`;
}

/** The review and organisation named in the URL, among those with recommendations and the viewer's memberships. */
export function chooseSheet(reviews: ReviewSummary[], memberships: SheetMembership[], params: Record<string, string | string[] | undefined>): SheetChoice {
  const reviewParam = typeof params.review === "string" ? params.review : undefined;
  const organizationParam = typeof params.organization === "string" ? params.organization : undefined;
  const review = reviews.find((r) => String(r.id) === reviewParam) ?? null;
  const named = memberships.find((m) => m.organizationSlug === organizationParam || m.organizationId === organizationParam) ?? null;
  const membership = named ?? (memberships.length === 1 ? memberships[0]! : null);
  const invalid = (reviewParam !== undefined && !review) || (organizationParam !== undefined && !named);
  return { review, membership, invalid };
}

type Props = { reviews: ReviewSummary[]; memberships: SheetMembership[]; choice: SheetChoice };

/** A plain GET form: the choice goes into the URL, so it works without JavaScript and a link can carry it. */
export function SheetChooser({ reviews, memberships, choice }: Props): ReactElement {
  const locale = useLocale();
  return (
    <form method="get" action={getPathname({ href: "/status-sheet", locale })} className="sheet-chooser" aria-label="Choose the sheet">
      <label>
        Review{" "}
        <select name="review" defaultValue={choice.review?.id ?? ""} required>
          <option value="" disabled>
            Choose a review
          </option>
          {reviews.map((review) => (
            <option key={review.id} value={review.id}>
              {reviewLabel(review)} · {review.loaded} recommendations
            </option>
          ))}
        </select>
      </label>
      {memberships.length > 1 ? (
        <label>
          Organisation{" "}
          <select name="organization" defaultValue={choice.membership?.organizationSlug ?? ""} required>
            <option value="" disabled>
              Choose an organisation
            </option>
            {memberships.map((m) => (
              <option key={m.organizationId} value={m.organizationSlug}>
                {m.organizationName} ({m.role})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit">Choose</button>
    </form>
  );
}
