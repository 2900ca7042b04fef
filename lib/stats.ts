import { z } from "zod";
import { queryLists } from "@/lib/http/params";
import { fields } from "@/lib/search-params";

/**
 * The contract of the stats API (`GET /api/stats`) and the charts: what can be counted, and how a group's key maps
 * back to an explorer filter. No server code, so the chart components can share it.
 */

/**
 * `review` splits by review (the compare page's series); every other dimension is an explorer filter of the same name,
 * so a group's key is a value that filter accepts.
 */
export const STAT_DIMENSIONS = ["position", "wording", "theme", "region", "action", "state", "status", "review"] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/**
 * What one bar of a comparison stands for: everything, a review, a cycle, the UN regional group of the State under
 * review, or a State under review. Unit keys: "all"; the review id; the cycle number; the explorer's region key or
 * "none"; the ISO3 code.
 */
export type StatsUnit = "all" | "review" | "cycle" | "region" | "sur";

/** The group of recommendations with no value in a dimension (no position, no theme, no category...). */
export const NONE_KEY = "none";

export type StatGroup = { key: string; label: string; count: number };
export type RecommendationStats = { by: StatDimension; groups: StatGroup[]; total: number };

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/**
 * The explorer's strict filter fields plus `by` and `format`. `sort`, `page` and `pageSize` are accepted (a URL copied
 * from the API or the explorer works) and ignored, as the CSV export does.
 */
export const statsSearchSchema = z
  .object({
    ...fields,
    by: z.preprocess(first, z.enum(STAT_DIMENSIONS)),
    format: z.preprocess(first, z.enum(["json", "csv"]).default("json")),
  })
  .strict();

export type StatsSearch = z.infer<typeof statsSearchSchema>;

export function parseStatsSearch(params: URLSearchParams): ReturnType<typeof statsSearchSchema.safeParse> {
  return statsSearchSchema.safeParse(queryLists(params));
}

/** The OpenAPI document's shape of the answer. */
export const recommendationStatsSchema = z.object({
  by: z.enum(STAT_DIMENSIONS),
  groups: z
    .array(
      z.object({
        key: z.string().describe("The value the explorer's filter of the same name accepts; `none` for recommendations without one."),
        label: z.string(),
        count: z.number().int().nonnegative(),
      }),
    )
    .describe("theme, region, state, status and action (a merged paragraph has the categories of its States' parts) are multi-valued: one recommendation can count in several groups."),
  total: z.number().int().nonnegative().describe("Distinct recommendations matching the filters: the explorer's total."),
});
