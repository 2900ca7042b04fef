import type { ReactNode } from "react";
import type { AssessmentDto, AssessmentStatusValue, OrganizationAssessments } from "@/lib/schemas/assessment";
import { STANCE_LABELS, STATUS_LABELS } from "./assessment-labels";

/** The status in words; the colour only repeats what the words say. */
export function AssessmentStatusBadge({ status }: { status: AssessmentStatusValue }) {
  return <span className={`position assessment-${status.replaceAll("_", "-")}`}>{STATUS_LABELS[status]}</span>;
}

function Evidence({ assessment }: { assessment: AssessmentDto }) {
  if (assessment.evidence.length === 0) return null;
  return (
    <ul className="evidence-list">
      {assessment.evidence.map((item, index) => (
        <li key={index}>
          <strong>{STANCE_LABELS[item.stance]}:</strong>{" "}
          {item.kind === "url" ? (
            <a href={item.reference} rel="noopener noreferrer nofollow">
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
  );
}

function AssessmentBody({ assessment }: { assessment: AssessmentDto }) {
  return (
    <div className="assessment">
      <p>
        <AssessmentStatusBadge status={assessment.status} /> as of <time dateTime={assessment.assessedOn}>{assessment.assessedOn}</time>,
        confidence {assessment.confidence}, version {assessment.version}, by {assessment.authorName}
        {assessment.visibility === "private" ? <strong className="private-mark"> · Private to {assessment.organizationName}</strong> : null}
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
  return (
    <div className="assessment-columns">
      {claim}
      {organizations.length === 0 ? <p className="muted">No organisation has published an assessment yet.</p> : null}
      {organizations.map((group) => (
        <section key={group.organizationId} aria-label={`Assessment by ${group.organizationName}`} className="assessment-card">
          <h3>{group.organizationName}</h3>
          <AssessmentBody assessment={group.current} />
          {group.history.length > 1 ? (
            <details>
              <summary>History ({group.history.length})</summary>
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
