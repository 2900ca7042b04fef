import type { ImportFormat } from "./types";

/**
 * Which source a layout belongs to. Two files of one family describe a review the same way (UPR Info's 2015 export
 * and its current database share their recommendation keys), so a review can take a newer file of its family; two
 * families would count every recommendation twice, so a review keeps the family it was loaded from unless an
 * administrator replaces it explicitly.
 */
export type SourceFamily = "OHCHR" | "UPR_INFO" | "UHRI";

const FAMILY: Record<ImportFormat, SourceFamily> = {
  "ohchr-thematic-list": "OHCHR",
  "upr-info-csv": "UPR_INFO",
  "upr-info-uwazi-csv": "UPR_INFO",
  "uhri-xlsx": "UHRI",
  "uhri-json": "UHRI",
};

/** The database's SourceFormat values, by family; the writer compares families, never single layouts. */
const FAMILY_OF_STORED: Record<string, SourceFamily> = {
  OHCHR_THEMATIC_LIST: "OHCHR",
  UPR_INFO_CSV: "UPR_INFO",
  UPR_INFO_UWAZI_CSV: "UPR_INFO",
  UHRI_XLSX: "UHRI",
  UHRI_JSON: "UHRI",
};

export const SOURCE_FAMILY_NAMES: Record<SourceFamily, string> = {
  OHCHR: "OHCHR thematic list",
  UPR_INFO: "UPR Info database",
  UHRI: "Universal Human Rights Index (UHRI)",
};

export function sourceFamily(format: ImportFormat): SourceFamily {
  return FAMILY[format];
}

/** The family of a stored SourceFormat value ("OHCHR_THEMATIC_LIST"), or null for a value this code does not know. */
export function storedSourceFamily(format: string): SourceFamily | null {
  return FAMILY_OF_STORED[format] ?? null;
}
