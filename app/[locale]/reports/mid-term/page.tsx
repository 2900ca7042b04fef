import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { LANGUAGE_TAGS, routing, type Locale } from "@/lib/i18n/routing";
import { loadReportPage } from "@/components/reports/mid-term-choice";
import { MidTermForm } from "@/components/reports/mid-term-form";
import { MidTermReportView } from "@/components/reports/mid-term-report-view";
import { PageLinks } from "@/components/pagination/page-links";
import { reportPage } from "@/lib/mid-term-report/pages";
import { matrixHref } from "@/lib/ohchr-matrix/layout";
import styles from "@/components/reports/mid-term-report.module.css";
import { getViewer } from "@/lib/server/permissions";
import { TwoFactorNotice } from "@/components/auth/two-factor-notice";
import { awaitingSecondFactor } from "@/lib/auth/policy";
import { listReviewChoices } from "@/lib/server/status-sheet/review-choices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

/** An organisation's mid-term report of a review, from its own assessments: on screen, printed, as .docx or CSV. */
export default async function MidTermReportPage({ searchParams }: PageProps<"/[locale]/reports/mid-term">) {
  const [viewer, requested, t] = await Promise.all([getViewer(), getLocale(), getTranslations("reports")]);
  const locale: Locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  if (!viewer) return redirect({ href: "/sign-in", locale });
  if (viewer.memberships.length === 0) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="empty-state">{t("noMembership")}</p>
      </>
    );
  }
  // The chooser's reviews, and the report with the form's counts (which follow the choice made).
  const [reviews, state] = await Promise.all([listReviewChoices(), loadReportPage(viewer, await searchParams)]);
  // The downloads speak the page's language.
  const download = `/api/reports/mid-term?${state.search}&lang=${locale}`;
  // The recommendations on screen a page at a time; the summary and the downloads are of the whole report.
  const shown = state.report ? reportPage(state.report.sections, state.page) : null;
  return (
    <>
      <h1 className="no-print">{t("title")}</h1>
      <p className="lede no-print">{t("lede")}</p>
      <TwoFactorNotice organizations={awaitingSecondFactor(viewer).map((m) => m.organizationName)} />
      {state.problem ? (
        <p className="notice no-print" role="status">
          {state.problem}
        </p>
      ) : null}
      <MidTermForm reviews={reviews} memberships={viewer.memberships} counts={state.counts} choice={state.choice} />
      {state.report && shown ? (
        <>
          <p className={`${styles.downloads} no-print`}>
            {t("downloads.label")}{" "}
            <a className="button" href={`${download}&format=docx`} download>
              {t("downloads.docx")}
            </a>
            <a className="button" href={`${download}&format=csv`} download>
              {t("downloads.csv")}
            </a>
            <a
              className="button"
              href={matrixHref({ review: state.report.review.id, organization: state.report.organization.slug, assessments: state.report.assessments, lang: locale })}
              download
              aria-describedby="matrix-hint"
            >
              {t("downloads.matrix")}
            </a>
            <a href={`${download}&format=html`} hrefLang={LANGUAGE_TAGS[locale]}>
              {t("downloads.html")}
            </a>
            <span className="muted">{shown.pages > 1 ? t("downloads.orPrintPaged") : t("downloads.orPrint")}</span>
          </p>
          <p id="matrix-hint" className="muted no-print">
            {t("downloads.matrixHint")}
          </p>
          <MidTermReportView
            report={state.report}
            lang={locale}
            shown={shown}
            pager={
              <PageLinks
                href={(n) => `/reports/mid-term?${state.search}${n > 1 ? `&page=${n}` : ""}#report-recommendations`}
                page={shown.page}
                pages={shown.pages}
                label={t("pages.label")}
                position={t("pages.position", { page: shown.page, pages: shown.pages })}
              />
            }
          />
        </>
      ) : null}
    </>
  );
}
