import { useLocale, useTranslations } from "next-intl";
import { governmentClaim } from "@/lib/assessments/claim";
import { countryName } from "@/lib/i18n/countries";
import type { RecommendationRow } from "@/lib/server/recommendations";

const BADGE = { supported: "position-supported", "supported-in-part": "position-in-part", noted: "position-noted", none: "position-none" } as const;

/**
 * The State under review's claim at the review, first among the assessments that test it: the position in a sentence
 * that says what it claims (a noted recommendation claims nothing), and the State's own wording where it is known.
 */
export function GovernmentClaim({ recommendation }: { recommendation: Pick<RecommendationRow, "position" | "responseWording" | "stateUnderReview"> }) {
  const t = useTranslations("assessments.claim");
  const locale = useLocale();
  const sur = countryName(recommendation.stateUnderReview.iso3, locale);
  const claim = governmentClaim(recommendation.position, recommendation.responseWording);
  return (
    <section aria-labelledby="claim-heading" className="assessment-card government-claim" data-testid="government-claim">
      <h3 id="claim-heading">{t("heading", { sur })}</h3>
      <p>
        <span className={`position ${BADGE[claim.kind]}`}>{t(claim.kind, { sur })}</span>
      </p>
      {claim.wording ? (
        <p>
          {t("inWords", { sur })}{" "}
          <q lang="en" data-testid="claim-wording">
            {claim.wording}
          </q>
        </p>
      ) : null}
      <p className="muted">{t("explain")}</p>
    </section>
  );
}
