import { POSITION_LABELS } from "@/lib/labels";
import type { RecommendationRow } from "@/lib/server/recommendations";

const CLASS_NAMES = { SUPPORTED: "position-supported", SUPPORTED_IN_PART: "position-in-part", NOTED: "position-noted" } as const;

/** The normalised position in words; the colour only repeats what the words say. */
export function PositionBadge({ position }: { position: RecommendationRow["position"] }) {
  if (!position) return <span className="position position-none">No position recorded</span>;
  return <span className={`position ${CLASS_NAMES[position]}`}>{POSITION_LABELS[position]}</span>;
}
