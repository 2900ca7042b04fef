import { useTranslations } from "next-intl";
import { createAssessmentAction, withdrawAssessmentAction } from "@/lib/actions/assessments";
import type { OrganizationAssessments } from "@/lib/schemas/assessment";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { AssessmentForm } from "./assessment-form";
import { AssessmentsPanel } from "./assessments-panel";
import type { FindingChoice } from "./evidence-row";
import { GovernmentClaim } from "./government-claim";

type Props = {
  recommendationId: number;
  /** The recommendation, for the government's claimed response shown first among the assessments. */
  recommendation: Pick<RecommendationRow, "position" | "responseWording" | "stateUnderReview">;
  organizations: OrganizationAssessments[];
  /** The viewer's organisations where they may write (editor or owner); empty for everyone else. */
  writableOrganizations: { organizationId: string; organizationName: string }[];
  /** The viewer's organisations whose private and withdrawn versions they read now. */
  readableOrganizationIds?: readonly string[];
  /** The organisations whose public versions the viewer may withdraw. */
  withdrawableOrganizationIds?: readonly string[];
  /** The UN findings linked to the recommendation, for the evidence rows. */
  findings?: readonly FindingChoice[];
};

/** What organisations say about the implementation, and for editors a form to record a new assessment. */
export function AssessmentsSection({ recommendationId, recommendation, organizations, writableOrganizations, readableOrganizationIds = [], withdrawableOrganizationIds = [], findings = [] }: Props) {
  const t = useTranslations("assessments.panel");
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">{t("heading")}</h2>
      <AssessmentsPanel
        organizations={organizations}
        claim={<GovernmentClaim recommendation={recommendation} />}
        withdrawAction={withdrawAssessmentAction.bind(null, recommendationId)}
        ownOrganizationIds={readableOrganizationIds}
        withdrawableOrganizationIds={withdrawableOrganizationIds}
      />
      {writableOrganizations.map((organization) => (
        <AssessmentForm
          key={organization.organizationId}
          action={createAssessmentAction.bind(null, recommendationId)}
          organizationId={organization.organizationId}
          organizationName={organization.organizationName}
          latest={organizations.find((group) => group.organizationId === organization.organizationId)?.history[0]}
          findings={findings}
        />
      ))}
    </section>
  );
}
