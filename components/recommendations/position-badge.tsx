import { useTranslations } from "next-intl";
import { positionTerm } from "@/lib/i18n/terms";
import type { RecommendationRow } from "@/lib/server/recommendations";

const CLASS_NAMES = { SUPPORTED: "position-supported", SUPPORTED_IN_PART: "position-in-part", NOTED: "position-noted" } as const;

/** The normalised position in words; the colour only repeats what the words say. */
export function PositionBadge({ position }: { position: RecommendationRow["position"] }) {
  const t = useTranslations("detail");
  const terms = useTranslations("terms");
  if (!position) return <span className="position position-none">{t("noPosition")}</span>;
  return <span className={`position ${CLASS_NAMES[position]}`}>{terms(positionTerm(position))}</span>;
}
