import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { chooseSheet, reviewLabel, SheetChooser } from "@/components/status-sheet/sheet-chooser";
import { SheetImport } from "@/components/status-sheet/sheet-import";
import { TwoFactorNotice } from "@/components/auth/two-factor-notice";
import { awaitingSecondFactor, can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/server/permissions";
import { listReviewChoices } from "@/lib/server/status-sheet/review-choices";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statusSheet");
  return { title: t("title") };
}

/** Members download their organisation's sheet of a review, edit it in a spreadsheet, and import it back. */
export default async function StatusSheetPage({ searchParams }: PageProps<"/[locale]/status-sheet">) {
  // The reviews with recommendations at the same time as the session (a read of the stats summaries' totals).
  const [viewer, locale, t, terms, reviews] = await Promise.all([getViewer(), getLocale(), getTranslations("statusSheet"), getTranslations("terms"), listReviewChoices()]);
  if (!viewer) return redirect({ href: "/sign-in", locale });
  if (viewer.memberships.length === 0) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="empty-state">{t("noMembership")}</p>
      </>
    );
  }
  const choice = chooseSheet(reviews, viewer.memberships, await searchParams);
  const { review, membership } = choice;
  // From the policy: whether the chosen organisation's sheet may be read now (a second factor may be missing) and imported.
  const readable = membership !== null && can(viewer, "organization.readPrivate", { organizationId: membership.organizationId }).allowed;
  const importable = membership !== null && can(viewer, "statusSheet.import", { organizationId: membership.organizationId }).allowed;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <TwoFactorNotice organizations={awaitingSecondFactor(viewer).map((m) => m.organizationName)} />
      {choice.invalid ? (
        <p className="notice" role="status">
          {t("invalid")}
        </p>
      ) : null}
      {reviews.length === 0 ? (
        <p className="empty-state">{t("noReviews")}</p>
      ) : (
        <SheetChooser reviews={reviews} memberships={viewer.memberships} choice={choice} />
      )}
      {review && membership && readable ? (
        <>
          <section aria-labelledby="download-heading">
            <h2 id="download-heading">{t("download.heading")}</h2>
            <p>
              <a className="button" href={`/api/status-sheet?review=${review.id}&organization=${membership.organizationSlug}`} download>
                {t("download.button")}
              </a>{" "}
              {t("download.what", { review: reviewLabel(review, locale, terms, t), count: review.loaded, organization: membership.organizationName })}
            </p>
            <p className="hint">{t("download.hint")}</p>
          </section>
          <section aria-labelledby="import-heading">
            <h2 id="import-heading">{t("import.heading")}</h2>
            {importable ? (
              <ClientMessages namespaces={["statusSheet", "terms"]}>
                <SheetImport reviewId={review.id} reviewName={reviewLabel(review, locale, terms, t)} organizationId={membership.organizationId} organizationName={membership.organizationName} />
              </ClientMessages>
            ) : (
              <p className="notice">{t("import.viewerOnly", { organization: membership.organizationName })}</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
