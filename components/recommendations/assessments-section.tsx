import type { OrganizationAssessments } from "@/lib/schemas/assessment";
import { AssessmentForm } from "./assessment-form";
import { AssessmentsPanel } from "./assessments-panel";

type Props = {
  recommendationId: number;
  organizations: OrganizationAssessments[];
  /** The viewer's organisations where they may write (editor or owner); empty for everyone else. */
  writableOrganizations: { organizationId: string; organizationName: string }[];
};

/** What organisations say about the implementation, and for editors a form to record a new assessment. */
export function AssessmentsSection({ recommendationId, organizations, writableOrganizations }: Props) {
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">Implementation assessments</h2>
      <AssessmentsPanel organizations={organizations} />
      {writableOrganizations.map((organization) => (
        <AssessmentForm
          key={organization.organizationId}
          recommendationId={recommendationId}
          organizationId={organization.organizationId}
          organizationName={organization.organizationName}
          latestVersion={organizations.find((group) => group.organizationId === organization.organizationId)?.history[0]?.version ?? 0}
        />
      ))}
    </section>
  );
}
