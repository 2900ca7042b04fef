import type { PositionParam } from "@/lib/search-params";

/** The three responses a State's tables count, as columns; the header is the `terms` name of the position. */
export const POSITION_COLUMNS: { key: "supported" | "supportedInPart" | "noted"; position: PositionParam }[] = [
  { key: "supported", position: "supported" },
  { key: "supportedInPart", position: "supported-in-part" },
  { key: "noted", position: "noted" },
];
