import type { RegionalGroup } from "@/lib/countries";
import type { Position } from "@/lib/import/types";
import type { PositionParam, Region } from "@/lib/search-params";

/** Words a reader sees for the values the database stores and the URL carries. Shared by pages; no server code. */

export const POSITION_LABELS: Record<Position, string> = {
  SUPPORTED: "Supported",
  SUPPORTED_IN_PART: "Supported in part",
  NOTED: "Noted",
};

/** The explorer's `position=` value for a stored position. */
export const POSITION_PARAMS: Record<Position, PositionParam> = {
  SUPPORTED: "supported",
  SUPPORTED_IN_PART: "supported-in-part",
  NOTED: "noted",
};

export const POSITION_PARAM_LABELS: Record<PositionParam, string> = {
  supported: "Supported",
  "supported-in-part": "Supported in part",
  noted: "Noted",
};

export const REGIONAL_GROUP_LABELS: Record<RegionalGroup, string> = {
  AFRICAN: "African Group",
  ASIA_PACIFIC: "Asia-Pacific Group",
  EASTERN_EUROPEAN: "Eastern European Group",
  GRULAC: "Latin American and Caribbean Group (GRULAC)",
  WEOG: "Western European and Others Group (WEOG)",
};

/** The explorer's `region=` values. */
export const REGION_LABELS: Record<Region, string> = {
  african: REGIONAL_GROUP_LABELS.AFRICAN,
  "asia-pacific": REGIONAL_GROUP_LABELS.ASIA_PACIFIC,
  eeg: REGIONAL_GROUP_LABELS.EASTERN_EUROPEAN,
  grulac: REGIONAL_GROUP_LABELS.GRULAC,
  weog: REGIONAL_GROUP_LABELS.WEOG,
};

/** Observer States (the Holy See, the State of Palestine) belong to no regional group. */
export function regionLabel(region: string | null): string {
  return region && region in REGIONAL_GROUP_LABELS ? REGIONAL_GROUP_LABELS[region as RegionalGroup] : "No regional group (observer State)";
}

/** UPR Info's scale of how specific the action asked of the State is. */
export const ACTION_CATEGORY_LABELS: Record<number, string> = {
  1: "Minimal action",
  2: "Continuing action",
  3: "Considering action",
  4: "General action",
  5: "Specific action",
};

/** For the explorer's `action=` facet: "5 · Specific action". */
export const ACTION_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(ACTION_CATEGORY_LABELS).map(([value, label]) => [value, `${value} · ${label}`]),
);

/** How an action category was set, as a reader sees it: "UPR Info", "derived (verb-rules/1)", "overridden". */
export function actionCategoryMethodLabel(method: string | null, rules: string | null, source: string | null = null): string {
  switch (method?.toLowerCase()) {
    case "source":
      return source ?? "from the source";
    case "derived":
      return rules ? `derived (${rules})` : "derived";
    case "override":
      return "overridden";
    default:
      return "";
  }
}

/** The explorer's "recurring" filter: counterparts across cycles that editors confirmed. */
export const RECURRING_LABELS: Record<string, string> = {
  earlier: "Recommended before (in an earlier cycle)",
  later: "Recommended again later",
};
