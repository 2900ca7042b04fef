import { safeFileName } from "@/lib/http/content-disposition";
import { FILTER_KEYS, type FilterKey, type RecommendationQuery } from "@/lib/search-params";

/** The filters of a query (its order and page do not name anything). */
export type FilterQuery = Omit<RecommendationQuery, "sort" | "page" | "pageSize">;
import { filterName, filterValueName, type LabelSources } from "./chips";

/** One filter in force, named as a reader says it, with every value it holds: "Theme" → ["A12 Acceptance …", …]. */
export type FilterGroup = { key: FilterKey; name: string; values: string[] };

/**
 * The filters in force grouped by filter and named in the sources' language (never a slug or a key): the State under
 * review first, then the other filters, then the recommending States, as a reader would say them. `statusOf` is named
 * by the status filter itself, and spelling variants count only when switched off.
 */
export function filterGroups(query: FilterQuery, sources: LabelSources): FilterGroup[] {
  const order: FilterKey[] = ["sur", ...FILTER_KEYS.filter((key) => key !== "sur" && key !== "state" && key !== "statusOf"), "state"];
  return order.flatMap((key) => {
    if (key === "variants" && query.variants === "on") return [];
    const value: unknown = query[key];
    const values = (Array.isArray(value) ? value.map(String) : value ? [String(value)] : []).map((v) => filterValueName(key, v, sources));
    return values.length > 0 ? [{ key, name: filterName(key, sources), values }] : [];
  });
}

/**
 * A download's file name for people: "UPR recommendations – Cycle 2018 (3rd cycle); Response Noted – 2026-12-06.csv".
 * `title` is the export's name in the reader's language, `group` words one filter ("Theme: A, B"); the filters are cut
 * with an ellipsis past what a file system takes.
 */
export function readableFileName(title: string, groups: readonly string[], day: Date, extension: string, separator = "; "): string {
  const date = day.toISOString().slice(0, 10);
  const filters = groups.length > 0 ? safeFileName(groups.join(separator), 140) : "";
  return `${safeFileName([title, filters, date].filter(Boolean).join(" – "))}.${extension}`;
}
