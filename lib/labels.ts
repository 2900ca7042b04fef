import type { PositionParam, Region } from "@/lib/search-params";

/** Display labels for the explorer's values; the URL and the API keep the stable machine values. */
export const POSITION_LABELS: Record<PositionParam, string> = {
  supported: "Supported",
  "supported-in-part": "Supported in part",
  noted: "Noted",
};

export const POSITION_PARAM: Record<"SUPPORTED" | "SUPPORTED_IN_PART" | "NOTED", PositionParam> = {
  SUPPORTED: "supported",
  SUPPORTED_IN_PART: "supported-in-part",
  NOTED: "noted",
};

export const REGION_LABELS: Record<Region, string> = {
  african: "African Group",
  "asia-pacific": "Asia-Pacific Group",
  eeg: "Eastern European Group",
  grulac: "Latin American and Caribbean Group (GRULAC)",
  weog: "Western European and Others Group (WEOG)",
};

export const REGION_PARAM: Record<string, Region> = {
  AFRICAN: "african",
  ASIA_PACIFIC: "asia-pacific",
  EASTERN_EUROPEAN: "eeg",
  GRULAC: "grulac",
  WEOG: "weog",
};

/** UPR Info's action categories. */
export const ACTION_LABELS: Record<string, string> = {
  "1": "1 · Minimal action",
  "2": "2 · Continuing action",
  "3": "3 · Considering action",
  "4": "4 · General action",
  "5": "5 · Specific action",
};

const ORDINALS = ["", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th"];

export function cycleLabel(cycle: number | string): string {
  return `${ORDINALS[Number(cycle)] ?? cycle} cycle`;
}
