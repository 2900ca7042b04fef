import { useLocale, useTranslations } from "next-intl";
import { SymbolText } from "@/components/un-documents/document-symbol";
import { countryName } from "@/lib/i18n/countries";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { PositionBadge } from "./position-badge";

/** The normalised position and, beside it, the State's own words and where they were published. */
export function ResponsePanel({ recommendation }: { recommendation: RecommendationRow }) {
  const t = useTranslations("detail.response");
  const locale = useLocale();
  const { position, responseWording, source, stateUnderReview } = recommendation;
  return (
    <div data-testid="response">
      <dl className="facts">
        <div>
          <dt>{t("position")}</dt>
          <dd>
            <PositionBadge position={position} />
          </dd>
        </div>
        <div>
          <dt>{t("inWords", { sur: countryName(stateUnderReview.iso3, locale) })}</dt>
          <dd>{responseWording ? <q>{responseWording}</q> : <span className="muted">{t("notRecorded")}</span>}</dd>
        </div>
        <div>
          <dt>{t("source")}</dt>
          <dd>{source.positionSource ? <SymbolText text={source.positionSource} /> : <span className="muted">{t("notRecorded")}</span>}</dd>
        </div>
      </dl>
      <p className="muted">{t("explain")}</p>
    </div>
  );
}
