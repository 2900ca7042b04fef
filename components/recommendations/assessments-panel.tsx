import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { AssessmentDto, AssessmentStatusValue, OrganizationAssessments } from "@/lib/schemas/assessment";

/** A calendar date ("2024-05-06") as the interface's language writes it; the stored day, whatever the time zone. */
export function useDay(): (day: string) => string {
  const format = useFormatter();
  return (day) => format.dateTime(new Date(`${day.slice(0, 10)}T00:00:00Z`), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

/** The status in words; the colour only repeats what the words say. */
export function AssessmentStatusBadge({ status }: { status: AssessmentStatusValue }) {
  const terms = useTranslations("terms");
  return <span className={`position assessment-${status.replaceAll("_", "-")}`}>{terms(`status.${status}`)}</span>;
}

function Evidence({ assessment }: { assessment: AssessmentDto }) {
  const t = useTranslations("detail.assessments");
  const terms = useTranslations("terms");
  const day = useDay();
  if (assessment.evidence.length === 0) return null;
  return (
    <ul className="evidence-list">
      {assessment.evidence.map((item, index) => (
        <li key={index}>
          <strong>{t("evidenceStance", { stance: terms(`evidenceStance.${item.stance}`) })}</strong>{" "}
          {item.kind === "url" ? (
            <a href={item.reference} rel="noopener noreferrer nofollow">
              {item.reference}
            </a>
          ) : (
            <span>{item.reference}</span>
          )}
          {item.date ? (
            <>
              {" ("}
              <time dateTime={item.date}>{day(item.date)}</time>
              {")"}
            </>
          ) : null}
          {item.excerpt ? (
            <>
              {" — "}
              <q>{item.excerpt}</q>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function AssessmentBody({ assessment }: { assessment: AssessmentDto }) {
  const t = useTranslations("detail.assessments");
  const terms = useTranslations("terms");
  const day = useDay();
  return (
    <div className="assessment">
      <p>
        <AssessmentStatusBadge status={assessment.status} />
        {t.rich("line", {
          date: () => <time dateTime={assessment.assessedOn}>{day(assessment.assessedOn)}</time>,
          confidence: terms(`confidence.${assessment.confidence}`),
          version: assessment.version,
          author: assessment.authorName,
        })}
        {assessment.visibility === "private" ? <strong className="private-mark">{t("private", { organization: assessment.organizationName })}</strong> : null}
      </p>
      <p className="assessment-rationale">{assessment.rationale}</p>
      <Evidence assessment={assessment} />
    </div>
  );
}

/**
 * Each organisation's current assessment side by side, with its history one click away. The caller passes only what
 * the viewer may see (listAssessments): public assessments plus the viewer's own organisations' private ones. All
 * user text is rendered as React text, so it is escaped.
 */
export function AssessmentsPanel({ organizations, claim }: { organizations: OrganizationAssessments[]; claim?: ReactNode }) {
  const t = useTranslations("detail.assessments");
  return (
    <div className="assessment-columns">
      {claim}
      {organizations.length === 0 ? <p className="muted">{t("none")}</p> : null}
      {organizations.map((group) => (
        <section key={group.organizationId} aria-label={t("by", { organization: group.organizationName })} className="assessment-card">
          <h3>{group.organizationName}</h3>
          <AssessmentBody assessment={group.current} />
          {group.history.length > 1 ? (
            <details>
              <summary>{t("history", { count: group.history.length })}</summary>
              <ol>
                {group.history.map((assessment) => (
                  <li key={assessment.id}>
                    <AssessmentBody assessment={assessment} />
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </section>
      ))}
    </div>
  );
}
