import type { ReactElement } from "react";
import { AssessmentStatusBadge } from "@/components/recommendations/assessments-panel";
import { STANCE_LABELS } from "@/components/recommendations/assessment-labels";
import { NO_RECOMMENDATIONS, NOTHING_ASSESSED, paragraphLabel, reportTitle, responseText, reviewFacts, statesText, STATUS_LABELS, themeLabel } from "@/lib/mid-term-report-text";
import { REPORT_STATUS_ORDER, type MidTermReport, type ReportRecommendation } from "@/lib/schemas/mid-term-report";
import styles from "./mid-term-report.module.css";

function Evidence({ recommendation }: { recommendation: ReportRecommendation }) {
  const evidence = recommendation.current?.evidence ?? [];
  if (evidence.length === 0) return null;
  return (
    <>
      <p className={styles.label}>Evidence</p>
      <ul className="evidence-list">
        {evidence.map((item, index) => (
          <li key={index}>
            <strong>{STANCE_LABELS[item.stance]}:</strong>{" "}
            {item.kind === "url" ? (
              <a href={item.reference} rel="noopener noreferrer nofollow" className={styles.url}>
                {item.reference}
              </a>
            ) : (
              <span>{item.reference}</span>
            )}
            {item.date ? ` (${item.date})` : null}
            {item.excerpt ? (
              <>
                {" — "}
                <q>{item.excerpt}</q>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function Recommendation({ recommendation }: { recommendation: ReportRecommendation }) {
  const current = recommendation.current;
  return (
    <article className={styles.recommendation} aria-label={paragraphLabel(recommendation)} data-testid="report-recommendation">
      <h4>{paragraphLabel(recommendation)}</h4>
      <p className="recommendation-text" lang={recommendation.textLanguage}>{recommendation.text}</p>
      <dl className={styles.facts}>
        <dt>Recommending States</dt>
        <dd>{statesText(recommendation)}</dd>
        <dt>Government response</dt>
        <dd>{responseText(recommendation)}</dd>
        <dt>Status</dt>
        <dd>
          <AssessmentStatusBadge status={current?.status ?? "not_assessed"} />
          {current ? ` assessed ${current.assessedOn}, confidence ${current.confidence}, ${current.visibility}` : null}
        </dd>
        {current?.rationale ? (
          <>
            <dt>Rationale</dt>
            <dd className="assessment-rationale">{current.rationale}</dd>
          </>
        ) : null}
      </dl>
      <Evidence recommendation={recommendation} />
    </article>
  );
}

function Summary({ report }: { report: MidTermReport }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Current statuses per theme</caption>
        <thead>
          <tr>
            <th scope="col">Theme</th>
            {REPORT_STATUS_ORDER.map((status) => (
              <th scope="col" className="num" key={status}>
                {STATUS_LABELS[status]}
              </th>
            ))}
            <th scope="col" className="num">Total</th>
          </tr>
        </thead>
        <tbody>
          {report.summary.map(({ theme, counts, total }) => (
            <tr key={theme.slug ?? ""}>
              <th scope="row">{themeLabel(theme)}</th>
              {REPORT_STATUS_ORDER.map((status) => (
                <td className="num" key={status}>{counts[status]}</td>
              ))}
              <td className="num">{total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All themes</th>
            {REPORT_STATUS_ORDER.map((status) => (
              <td className="num" key={status}>{report.totals.counts[status]}</td>
            ))}
            <td className="num">{report.totals.total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The report as the page shows and prints it: the review's facts, the summary table, then theme by theme. */
export function MidTermReportView({ report }: { report: MidTermReport }): ReactElement {
  const notice = report.totals.total === 0 ? NO_RECOMMENDATIONS : report.assessed === 0 ? NOTHING_ASSESSED : null;
  return (
    <section aria-labelledby="report-title" className={styles.report} data-testid="mid-term-report">
      <h2 id="report-title">{reportTitle(report)}</h2>
      <dl className={styles.facts}>
        {reviewFacts(report).map(([label, value]) => (
          <div key={label} className={styles.fact}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {notice ? (
        <p className="empty-state" role="status">
          {notice}
        </p>
      ) : null}
      <h3>Summary of statuses per theme</h3>
      <Summary report={report} />
      {report.sections.map(({ theme, recommendations }) => (
        <section key={theme.slug ?? ""} aria-label={themeLabel(theme)} className={styles.theme}>
          <h3>{themeLabel(theme)}</h3>
          {recommendations.map((recommendation) => (
            <Recommendation key={recommendation.id} recommendation={recommendation} />
          ))}
        </section>
      ))}
    </section>
  );
}
