import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { chooseSheet, reviewLabel, SheetChooser } from "@/components/status-sheet/sheet-chooser";
import { SheetImport } from "@/components/status-sheet/sheet-import";
import { CAN_WRITE } from "@/lib/auth/roles";
import { getViewer } from "@/lib/server/permissions";
import { listReviewSummaries } from "@/lib/server/reviews";

export const metadata: Metadata = { title: "Status sheet" };

/** Members download their organisation's sheet of a review, edit it in a spreadsheet, and import it back. */
export default async function StatusSheetPage({ searchParams }: PageProps<"/[locale]/status-sheet">) {
  const viewer = await getViewer();
  if (!viewer) return redirect({ href: "/sign-in", locale: await getLocale() });
  if (viewer.memberships.length === 0) {
    return (
      <>
        <h1>Status sheet</h1>
        <p className="empty-state">The status sheet is for members of an organisation, and you are not a member of any yet.</p>
      </>
    );
  }
  const reviews = (await listReviewSummaries()).filter((review) => review.loaded > 0);
  const choice = chooseSheet(reviews, viewer.memberships, await searchParams);
  const { review, membership } = choice;
  return (
    <>
      <h1>Status sheet</h1>
      <p className="lede">
        Your organisation&apos;s current assessments of one review as a spreadsheet: one row per recommendation. Edit the status,
        assessed_on, rationale, confidence or visibility, then import the file: each changed row becomes a new assessment version.
      </p>
      {choice.invalid ? (
        <p className="notice" role="status">
          That review or organisation is not available to you. Choose one below.
        </p>
      ) : null}
      {reviews.length === 0 ? (
        <p className="empty-state">No review has recommendations loaded yet.</p>
      ) : (
        <SheetChooser reviews={reviews} memberships={viewer.memberships} choice={choice} />
      )}
      {review && membership ? (
        <>
          <section aria-labelledby="download-heading">
            <h2 id="download-heading">1. Download</h2>
            <p>
              <a className="button" href={`/api/status-sheet?review=${review.id}&organization=${membership.organizationSlug}`} download>
                Download the sheet (CSV)
              </a>{" "}
              {reviewLabel(review)}, {review.loaded} rows, for {membership.organizationName}.
            </p>
            <p className="hint">
              Keep the paragraph, recommendation_id and version columns as they are: they say which recommendation a row is and which
              version you started from. Save as CSV (UTF-8).
            </p>
          </section>
          <section aria-labelledby="import-heading">
            <h2 id="import-heading">2. Import the edited sheet</h2>
            {CAN_WRITE.includes(membership.role) ? (
              <SheetImport reviewId={review.id} organizationId={membership.organizationId} organizationName={membership.organizationName} />
            ) : (
              <p className="notice">Only editors and owners of {membership.organizationName} can import a sheet; as a viewer you can download it.</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
