import { useTranslations } from "next-intl";
import type { ReactElement, ReactNode } from "react";
import { AssessmentStatusBadge } from "@/components/recommendations/assessments-panel";
import { SymbolText } from "@/components/un-documents/document-symbol";
import { UN_DOCUMENT_REL } from "@/lib/un-documents/links";
import type { ReportPage } from "@/lib/mid-term-report/pages";
import { reportText, type ReportText } from "@/lib/mid-term-report/text";
import { REPORT_STATUS_ORDER, type MidTermReport, type MidTermReportLanguage, type ReportRecommendation } from "@/lib/schemas/mid-term-report";
import styles from "./mid-term-report.module.css";
import { TableScroll } from "@/components/table-scroll/table-scroll";

function Evidence({ words, recommendation }: { words: ReportText; recommendation: ReportRecommendation }) {
  const evidence = recommendation.current?.evidence ?? [];
  if (evidence.length === 0) return null;
  return (
    <>
      <p className={styles.label}>{words.t("evidence")}</p>
      <ul className="evidence-list">
        {evidence.map((item, index) => {
          // The stance in the report's words; the reference and excerpt as the organisation wrote them.
          const separator = words.labelSeparator;
          return (
            <li key={index}>
              <strong>{`${words.stance(item.stance)}${separator.trimEnd()}`}</strong>
              {separator.endsWith(" ") ? " " : null}
              {item.kind === "url" ? (
                <a href={item.reference} rel="noopener noreferrer nofollow" className={styles.url}>
                  {item.reference}
                </a>
              ) : (
                <span>{item.reference}</span>
              )}
              {item.date ? words.t("evidenceDate", { date: words.date(item.date) }) : null}
              {item.excerpt ? (
                <>
                  {" — "}
                  <q>{item.excerpt}</q>
                </>
              ) : null}
              {item.finding ? words.citedText(item.finding) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The UN findings the organisation linked, each symbol linked to where the document is read. */
function Findings({ words, recommendation }: { words: ReportText; recommendation: ReportRecommendation }) {
  const findings = recommendation.findings ?? [];
  if (findings.length === 0) return null;
  return (
    <>
      <p className={styles.label}>{words.t("findings")}</p>
      <ul className="evidence-list" data-testid="report-findings">
        {findings.map((finding) => {
          const text = words.findingText(finding);
          const at = text.indexOf(finding.symbol);
          return (
            <li key={`${finding.id}-${finding.stance}`}>
              {finding.url && at >= 0 ? (
                <>
                  {text.slice(0, at)}
                  <a href={finding.url} rel={UN_DOCUMENT_REL} referrerPolicy="no-referrer">
                    {finding.symbol}
                  </a>
                  {text.slice(at + finding.symbol.length)}
                </>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Recommendation({ words, recommendation }: { words: ReportText; recommendation: ReportRecommendation }) {
  const { t } = words;
  const current = recommendation.current;
  const label = words.paragraphLabel(recommendation);
  return (
    <article className={styles.recommendation} aria-label={label} data-testid="report-recommendation">
      <h4>{label}</h4>
      <p className="recommendation-text" lang={recommendation.textLanguage}>
        {recommendation.text}
      </p>
      <dl className={styles.facts}>
        <dt>{t("recommendingStates")}</dt>
        <dd>{words.statesText(recommendation)}</dd>
        <dt>{t("response")}</dt>
        <dd>{words.responseText(recommendation)}</dd>
        <dt>{t("status")}</dt>
        <dd>
          <AssessmentStatusBadge status={current?.status ?? "not_assessed"} />
          {current ? `${words.t("clauseSeparator")}${words.assessedText(current)}` : null}
        </dd>
        {current?.rationale ? (
          <>
            <dt>{t("rationale")}</dt>
            <dd className="assessment-rationale">{current.rationale}</dd>
          </>
        ) : null}
      </dl>
      <Evidence words={words} recommendation={recommendation} />
      <Findings words={words} recommendation={recommendation} />
    </article>
  );
}

function Summary({ words, report }: { words: ReportText; report: MidTermReport }) {
  const { t, number } = words;
  return (
    <TableScroll label={t("summaryCaption")}>
      <table className="data-table">
        <caption className="visually-hidden">{t("summaryCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("theme")}</th>
            {REPORT_STATUS_ORDER.map((status) => (
              <th scope="col" className="num" key={status}>
                {words.status(status)}
              </th>
            ))}
            <th scope="col" className="num">
              {t("total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.summary.map(({ theme, counts, total }) => (
            <tr key={theme.slug ?? ""}>
              <th scope="row">{words.themeLabel(theme)}</th>
              {REPORT_STATUS_ORDER.map((status) => (
                <td className="num" key={status}>
                  {number(counts[status])}
                </td>
              ))}
              <td className="num">{number(total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{words.totalsLabel(report)}</th>
            {REPORT_STATUS_ORDER.map((status) => (
              <td className="num" key={status}>
                {number(report.totals.counts[status])}
              </td>
            ))}
            <td className="num">{number(report.totals.total)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

/** Whose report it is and whether it holds private assessments: first on screen and on paper, as in every download. */
function Banner({ words, report }: { words: ReportText; report: MidTermReport }) {
  const banner = words.banner(report);
  return (
    <div className={banner.kind === "private" ? styles.banner : `${styles.banner} ${styles.bannerPublic}`} role="note" data-testid="report-banner" data-banner={banner.kind}>
      <p>
        <strong>{banner.title}</strong>
      </p>
      <p>{banner.text}</p>
    </div>
  );
}

/**
 * The report as the page shows and prints it, in the page's language: the banner, the review's facts, the summary table
 * (of the whole report), then theme by theme the recommendations of the page shown (`shown`), between its page links.
 */
export function MidTermReportView({ report, lang, shown, pager }: { report: MidTermReport; lang: MidTermReportLanguage; shown: ReportPage; pager: ReactNode }): ReactElement {
  const t = useTranslations("reports.pages");
  const words = reportText(lang);
  const notice = words.notice(report);
  const symbolFacts = new Set([words.t("fact.report"), words.t("fact.addendum")]);
  return (
    <section aria-labelledby="report-title" className={styles.report} data-testid="mid-term-report">
      <Banner words={words} report={report} />
      <h2 id="report-title">{words.reportTitle(report)}</h2>
      <dl className={styles.facts}>
        {words.reviewFacts(report).map(([label, value]) => (
          <div key={label} className={styles.fact}>
            <dt>{label}</dt>
            <dd>{symbolFacts.has(label) ? <SymbolText text={value} language={lang} /> : value}</dd>
          </div>
        ))}
      </dl>
      <p>{words.grouping(report)}</p>
      {notice ? (
        <p className="empty-state" role="status">
          {notice}
        </p>
      ) : null}
      <h3>{words.t("summaryHeading")}</h3>
      <Summary words={words} report={report} />
      <div id="report-recommendations">
        {shown.pages > 1 ? (
          <p className="muted" data-testid="report-shown">
            {t("shown", { from: words.number(shown.from), to: words.number(shown.to), total: words.number(shown.total), page: shown.page, pages: shown.pages })}
          </p>
        ) : null}
        {pager}
        {/* A chosen theme with no recommendation has its 0 in the summary and no heading of its own. */}
        {shown.sections.map(({ theme, continued, recommendations }) => (
          <section key={theme.slug ?? ""} aria-label={words.themeLabel(theme)} className={styles.theme}>
            <h3>{continued ? t("continued", { theme: words.themeLabel(theme) }) : words.themeLabel(theme)}</h3>
            {recommendations.map((recommendation) => (
              <Recommendation key={recommendation.id} words={words} recommendation={recommendation} />
            ))}
          </section>
        ))}
        {pager}
      </div>
    </section>
  );
}
