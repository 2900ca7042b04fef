import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { FormState } from "@/lib/form-state";
import type { AssessmentDto, AssessmentStatusValue, OrganizationAssessments } from "@/lib/schemas/assessment";
import { WithdrawableHistory } from "./withdrawable-history";

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
  const t = useTranslations("assessments.panel");
  const day = useDay();
  if (assessment.evidence.length === 0) return null;
  return (
    <ul className="evidence-list">
      {assessment.evidence.map((item, index) => (
        <li key={index}>
          <strong>{t(`stance.${item.stance}`)}</strong>{" "}
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

/** Who withdrew a version from public view, when and why: shown to the organisation's own members only. */
function WithdrawalNote({ assessment }: { assessment: AssessmentDto }) {
  const t = useTranslations("assessments.panel");
  const day = useDay();
  const { withdrawal } = assessment;
  if (!withdrawal) return null;
  const date = () => <time dateTime={withdrawal.withdrawnAt}>{day(withdrawal.withdrawnAt)}</time>;
  return (
    <p className="withdrawn-note" data-testid="withdrawn-note">
      {withdrawal.withdrawnByName
        ? t.rich("withdrawnBy", { date, name: withdrawal.withdrawnByName, reason: withdrawal.reason })
        : t.rich("withdrawnByUnknown", { date, reason: withdrawal.reason })}
    </p>
  );
}

/** For the organisation's own members: which of its versions outsiders see, as withdrawals and private versions make it differ. */
function PublicVersion({ history }: { history: AssessmentDto[] }) {
  const t = useTranslations("assessments.panel");
  const published = history.find((assessment) => assessment.visibility === "public" && !assessment.withdrawal);
  return (
    <p className="muted" data-testid="public-version">
      {published ? t("publicVersion", { version: published.version }) : t("noPublicVersion")}
    </p>
  );
}

/** One version. `own`: the viewer is a member, so public versions are marked public (outsiders see no other kind). */
function AssessmentBody({ assessment, own }: { assessment: AssessmentDto; own: boolean }) {
  const t = useTranslations("assessments.panel");
  const terms = useTranslations("terms");
  const day = useDay();
  return (
    <div className="assessment" data-version={assessment.version}>
      <p>
        <AssessmentStatusBadge status={assessment.status} />
        {t.rich("line", {
          date: () => <time dateTime={assessment.assessedOn}>{day(assessment.assessedOn)}</time>,
          confidence: terms(`confidence.${assessment.confidence}`),
          version: assessment.version,
          author: assessment.authorName,
        })}
        {assessment.withdrawal ? <strong className="private-mark">{t("withdrawnMark")}</strong> : null}
        {!assessment.withdrawal && assessment.visibility === "private" ? <strong className="private-mark">{t("private", { organization: assessment.organizationName })}</strong> : null}
        {own && !assessment.withdrawal && assessment.visibility === "public" ? <span>{t("publicNow")}</span> : null}
      </p>
      <WithdrawalNote assessment={assessment} />
      <p className="assessment-rationale">{assessment.rationale}</p>
      <Evidence assessment={assessment} />
    </div>
  );
}

type PanelProps = {
  organizations: OrganizationAssessments[];
  claim?: ReactNode;
  /** withdrawAssessmentAction bound to the recommendation on the server (needed where the viewer may withdraw). */
  withdrawAction?: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The viewer's organisations, whose private and withdrawn versions they read. */
  ownOrganizationIds?: readonly string[];
  /** The organisations whose public versions the viewer may withdraw (from the policy). */
  withdrawableOrganizationIds?: readonly string[];
};

/**
 * Each organisation's current assessment side by side, with its history one click away. The caller passes only what
 * the viewer may see (listAssessments): public assessments plus the viewer's own organisations' private and withdrawn
 * ones. Where the viewer may withdraw, the history is there whenever a version is or was public, with a confirmed
 * withdrawal on each public version. All user text is rendered as React text, so it is escaped.
 */
export function AssessmentsPanel({ organizations, claim, withdrawAction, ownOrganizationIds = [], withdrawableOrganizationIds = [] }: PanelProps) {
  const t = useTranslations("assessments.panel");
  return (
    <div className="assessment-columns">
      {claim}
      {organizations.length === 0 ? <p className="muted">{t("none")}</p> : null}
      {organizations.map((group) => {
        const own = ownOrganizationIds.includes(group.organizationId);
        // The history holds the withdrawals and their outcome: there whenever a version is or was public, or there are several.
        const withdrawable = !!withdrawAction && withdrawableOrganizationIds.includes(group.organizationId) && (group.history.length > 1 || group.history.some((a) => a.visibility === "public"));
        const bodies = group.history.map((assessment) => <AssessmentBody key={assessment.id} assessment={assessment} own={own} />);
        return (
          <section key={group.organizationId} aria-label={t("by", { organization: group.organizationName })} className="assessment-card">
            <h3>{group.organizationName}</h3>
            <AssessmentBody assessment={group.current} own={own} />
            {own ? <PublicVersion history={group.history} /> : null}
            {withdrawable && withdrawAction ? (
              <WithdrawableHistory
                action={withdrawAction}
                organizationName={group.organizationName}
                history={group.history.map(({ id, version, visibility, withdrawal }) => ({ id, version, visibility, withdrawal: withdrawal ? true : null }))}
                summary={t("history", { count: group.history.length })}
              >
                {bodies}
              </WithdrawableHistory>
            ) : group.history.length > 1 ? (
              <details>
                <summary>{t("history", { count: group.history.length })}</summary>
                <ol>
                  {bodies.map((body, index) => (
                    <li key={group.history[index]!.id}>{body}</li>
                  ))}
                </ol>
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
