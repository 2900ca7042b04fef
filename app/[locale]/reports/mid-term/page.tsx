import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { loadReportPage } from "@/components/reports/mid-term-choice";
import { MidTermForm } from "@/components/reports/mid-term-form";
import { MidTermReportView } from "@/components/reports/mid-term-report-view";
import styles from "@/components/reports/mid-term-report.module.css";
import { listReviewThemes } from "@/lib/server/mid-term-report";
import { getViewer } from "@/lib/server/permissions";
import { listReviewSummaries } from "@/lib/server/reviews";

export const metadata: Metadata = { title: "Mid-term report" };

/** An organisation's mid-term report of a review, from its own assessments: on screen, printed, as .docx or CSV. */
export default async function MidTermReportPage({ searchParams }: PageProps<"/[locale]/reports/mid-term">) {
  const viewer = await getViewer();
  if (!viewer) return redirect({ href: "/sign-in", locale: await getLocale() });
  if (viewer.memberships.length === 0) {
    return (
      <>
        <h1>Mid-term report</h1>
        <p className="empty-state">The mid-term report is built from an organisation&apos;s assessments, and you are not a member of any organisation yet.</p>
      </>
    );
  }
  const [reviews, state] = await Promise.all([listReviewSummaries().then((all) => all.filter((review) => review.loaded > 0)), loadReportPage(viewer, await searchParams)]);
  const themeGroups = state.choice.review ? await listReviewThemes(state.choice.review) : [];
  return (
    <>
      <h1 className="no-print">Mid-term report</h1>
      <p className="lede no-print">
        Your organisation&apos;s current status of each recommendation of a review, grouped by theme, with the government&apos;s response, your
        rationale and the evidence you cited. Only your organisation&apos;s own assessments are used, private ones included.
      </p>
      {state.problem ? (
        <p className="notice no-print" role="status">
          {state.problem}
        </p>
      ) : null}
      <MidTermForm reviews={reviews} memberships={viewer.memberships} themeGroups={themeGroups} choice={state.choice} />
      {state.report ? (
        <>
          <p className={`${styles.downloads} no-print`}>
            Download:{" "}
            <a className="button" href={`/api/reports/mid-term?${state.search}&format=docx`} download>
              Word (.docx)
            </a>
            <a className="button" href={`/api/reports/mid-term?${state.search}&format=csv`} download>
              CSV
            </a>
            <a href={`/api/reports/mid-term?${state.search}&format=html`}>Printable HTML</a>
            <span className="muted">or print this page.</span>
          </p>
          <MidTermReportView report={state.report} />
        </>
      ) : null}
    </>
  );
}
