import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/i18n/countries";
import type { OrganizationAssessments } from "@/lib/schemas/assessment";
import { AssessmentForm } from "./assessment-form";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { AssessmentsPanel } from "./assessments-panel";
import { PositionBadge } from "./position-badge";

type Props = {
  recommendationId: number;
  /** The recommendation, for the government's claimed response shown first among the assessments. */
  recommendation: Pick<RecommendationRow, "position" | "responseWording" | "stateUnderReview">;
  organizations: OrganizationAssessments[];
  /** The viewer's organisations where they may write (editor or owner); empty for everyone else. */
  writableOrganizations: { organizationId: string; organizationName: string }[];
};

/** What organisations say about the implementation, and for editors a form to record a new assessment. */
export function AssessmentsSection({ recommendationId, recommendation, organizations, writableOrganizations }: Props) {
  const t = useTranslations("detail");
  const locale = useLocale();
  const claim = (
    <section aria-labelledby="claim-heading" className="assessment-card government-claim" data-testid="government-claim">
      <h3 id="claim-heading">{t("claim.heading", { sur: countryName(recommendation.stateUnderReview.iso3, locale) })}</h3>
      <p>
        <PositionBadge position={recommendation.position} />
        {recommendation.responseWording ? (
          <>
            {" "}
            <q>{recommendation.responseWording}</q>
          </>
        ) : null}
      </p>
      <p className="muted">{t("claim.explain")}</p>
    </section>
  );
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">{t("assessments.heading")}</h2>
      <AssessmentsPanel organizations={organizations} claim={claim} />
      {writableOrganizations.map((organization) => (
        <AssessmentForm
          key={organization.organizationId}
          recommendationId={recommendationId}
          organizationId={organization.organizationId}
          organizationName={organization.organizationName}
          latest={organizations.find((group) => group.organizationId === organization.organizationId)?.history[0]}
        />
      ))}
    </section>
  );
}
