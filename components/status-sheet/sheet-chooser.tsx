import { useLocale, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { countryName } from "@/lib/i18n/countries";
import { memoTranslator, slotTranslator, type PlainTranslator } from "@/lib/i18n/memo";
import type { Viewer } from "@/lib/server/permissions";
import type { ReviewChoice } from "@/lib/server/status-sheet/review-choices";
import { OrganisationSelect, ReviewSelect } from "@/components/reviews/choice-fields";
import { getPathname } from "@/lib/i18n/navigation";
import { cycleTerm, type TermsTranslator } from "@/lib/cycles/label";

export type SheetMembership = Viewer["memberships"][number];

export type SheetChoice = {
  review: ReviewChoice | null;
  membership: SheetMembership | null;
  /** A review or organisation in the link that is not available to this viewer. */
  invalid: boolean;
};

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "China, 2018 (3rd cycle)" / "中国，2018年（第三轮）", from the `terms` and `statusSheet` catalogues. */
export function reviewLabel(review: ReviewChoice, locale: string, terms: TermsTranslator, sheet: Translate): string {
  const year = review.reviewDate ? Number(review.reviewDate.slice(0, 4)) : null;
  const state = locale === "en" ? review.stateUnderReview.name : countryName(review.stateUnderReview.iso3, locale);
  return sheet("reviewLabel", { state, cycle: cycleTerm(terms, review.cycle, year) });
}

/** reviewLabel for a component, in the page's language. */
export function useReviewLabel(): (review: ReviewChoice) => string {
  const locale = useLocale();
  // A list of hundreds of reviews: the few cycle labels formatted once, and the label once per cycle, the State's name
  // put in as it is.
  const terms = memoTranslator(useTranslations("terms") as TermsTranslator);
  const sheet = slotTranslator(useTranslations("statusSheet") as PlainTranslator);
  return (review) => reviewLabel(review, locale, terms, (key, values = {}) => sheet(key, values, ["state"]));
}

/** The review and organisation named in the URL, among those with recommendations and the viewer's memberships. */
export function chooseSheet(reviews: ReviewChoice[], memberships: SheetMembership[], params: Record<string, string | string[] | undefined>): SheetChoice {
  const reviewParam = typeof params.review === "string" ? params.review : undefined;
  const organizationParam = typeof params.organization === "string" ? params.organization : undefined;
  const review = reviews.find((r) => String(r.id) === reviewParam) ?? null;
  const named = memberships.find((m) => m.organizationSlug === organizationParam || m.organizationId === organizationParam) ?? null;
  const membership = named ?? (memberships.length === 1 ? memberships[0]! : null);
  const invalid = (reviewParam !== undefined && !review) || (organizationParam !== undefined && !named);
  return { review, membership, invalid };
}

type Props = { reviews: ReviewChoice[]; memberships: SheetMembership[]; choice: SheetChoice };

/** A plain GET form: the choice goes into the URL, so it works without JavaScript and a link can carry it. */
export function SheetChooser({ reviews, memberships, choice }: Props): ReactElement {
  const locale = useLocale();
  const t = useTranslations("statusSheet.chooser");
  return (
    <form method="get" action={getPathname({ href: "/status-sheet", locale })} className="sheet-chooser" aria-label={t("label")}>
      <ReviewSelect reviews={reviews} defaultValue={choice.review?.id ?? ""} />
      <OrganisationSelect memberships={memberships} defaultValue={choice.membership?.organizationSlug ?? ""} />
      <button type="submit">{t("submit")}</button>
    </form>
  );
}
