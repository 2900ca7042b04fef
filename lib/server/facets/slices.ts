import "server-only";
import type { FilterKey, RecommendationFilters } from "@/lib/search-params";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { POSITION_VALUES, REGION_GROUPS } from "../recommendation-where";
import { readFreshSummaries } from "../stats/summary";
import { SLICE } from "../stats/summary-refresh";
import type { Row } from ".";

/** The facets the slice rows can count. */
export const SLICE_FACETS = ["cycle", "sur", "region", "position"] as const;
export type SliceFacet = (typeof SLICE_FACETS)[number];

/** Filters the slice rows answer: those selecting reviews, and position and region. */
const SLICE_FILTERS: ReadonlySet<FilterKey> = new Set(["review", "cycle", "sur", "position", "region", "statusOf", "variants"]);

/** True when no filter is set but those the slice rows answer, leaving `except` out. */
export function slicesAnswer(filters: RecommendationFilters, except?: FilterKey): boolean {
  return Object.entries(filters).every(([key, value]) => key === except || SLICE_FILTERS.has(key as FilterKey) || (Array.isArray(value) ? value.length === 0 : value === ""));
}

type Counted = { facet: string; value: string; label: string | null; count: number };

/**
 * The cycle, State-under-review, region and position facets and the total, summed from the summaries' slice rows (per
 * review, the recommendations by position and set of regional groups of their recommending States;
 * stats/summary-refresh.ts) when the filters other than the facet's own are review, cycle, State under review,
 * position and region: a recommendation is in exactly one slice of its review, so each count is exact. A region
 * counts the recommendations of the slices whose set holds it, as the live count counts a recommendation once per
 * regional group of its States. Rows in the live queries' shape and order; null when the summaries cannot be trusted
 * now (the caller counts live).
 */
export async function countSliceFacets(
  filters: RecommendationFilters,
  facets: readonly SliceFacet[],
  db: Db,
): Promise<{ rows: Partial<Record<SliceFacet, Row[]>>; total: number } | null> {
  const positions = filters.position.map((position) => POSITION_VALUES[position]);
  const groups = filters.region.map((region) => REGION_GROUPS[region]);
  const slice = (except: FilterKey | null): Prisma.Sql[] => [
    ...(filters.position.length > 0 && except !== "position" ? [Prisma.sql`split_part(s."key", '|', 1) IN (${Prisma.join(positions)})`] : []),
    ...(filters.region.length > 0 && except !== "region" ? [Prisma.sql`string_to_array(split_part(s."key", '|', 2), ',') && ARRAY[${Prisma.join(groups)}]::text[]`] : []),
  ];
  const reviews = (except: FilterKey | null): Prisma.Sql[] => [
    ...(filters.review.length > 0 ? [Prisma.sql`v."id" IN (${Prisma.join(filters.review)})`] : []),
    ...(filters.cycle.length > 0 && except !== "cycle" ? [Prisma.sql`v."cycle" IN (${Prisma.join(filters.cycle)})`] : []),
    ...(filters.sur.length > 0 && except !== "sur" ? [Prisma.sql`v."stateUnderReviewIso3" IN (${Prisma.join(filters.sur)})`] : []),
  ];
  const where = (except: FilterKey | null, withSlice = true): Prisma.Sql =>
    Prisma.join([Prisma.sql`s."dimension" = ${SLICE} AND s."audience" = ''`, ...reviews(except), ...(withSlice ? slice(except) : [])], " AND ");
  const from = Prisma.sql`FROM "StatsSummary" s JOIN "Review" v ON v."id" = s."reviewId"`;
  const branches: Prisma.Sql[] = [
    // Every slice of the reviews selected: the region and position facets and the total are summed from them below.
    Prisma.sql`SELECT 'slice' AS "facet", s."key" AS "value", NULL::text AS "label", sum(s."count")::int AS "count", 0::bigint AS "ord" ${from} WHERE ${where(null, false)} GROUP BY s."key"`,
  ];
  if (facets.includes("cycle")) {
    branches.push(Prisma.sql`SELECT 'cycle', v."cycle"::text, NULL, sum(s."count")::int, row_number() OVER (ORDER BY v."cycle" DESC) ${from} WHERE ${where("cycle")} GROUP BY v."cycle"`);
  }
  if (facets.includes("sur")) {
    branches.push(Prisma.sql`SELECT 'sur', x."sur", c."name", x."n", row_number() OVER (ORDER BY x."n" DESC, c."name", x."sur")
      FROM (SELECT v."stateUnderReviewIso3" AS "sur", sum(s."count")::int AS "n" ${from} WHERE ${where("sur")} GROUP BY 1) x JOIN "Country" c ON c."iso3" = x."sur"`);
  }
  const read = await readFreshSummaries<Counted>(Prisma.sql`SELECT "facet", "value", "label", "count" FROM (${Prisma.join(branches, " UNION ALL ")}) x ORDER BY "facet", "ord"`, db);
  if (!read) return null;

  // The slices' own filters, on their keys.
  const slices = read.filter((row) => row.facet === "slice" && row.count > 0).map((row) => {
    const [position = "", regions = ""] = row.value.split("|");
    return { position, regions: regions === "" ? [] : regions.split(","), count: row.count };
  });
  const positionHolds = (position: string) => positions.length === 0 || positions.includes(position);
  const regionHolds = (regions: string[]) => groups.length === 0 || regions.some((group) => groups.includes(group));
  const sum = (pick: (slice: (typeof slices)[number]) => string[]): Row[] => {
    const counts = new Map<string, number>();
    for (const slice of slices) for (const key of pick(slice)) counts.set(key, (counts.get(key) ?? 0) + slice.count);
    return [...counts].filter(([, count]) => count > 0).map(([value, count]) => ({ value, label: null, count }));
  };
  const rows: Partial<Record<SliceFacet, Row[]>> = {};
  for (const facet of facets) {
    if (facet === "region") rows.region = sum((slice) => (positionHolds(slice.position) ? slice.regions : []));
    else if (facet === "position") rows.position = sum((slice) => (regionHolds(slice.regions) && slice.position !== "" ? [slice.position] : []));
    else rows[facet] = read.filter((row) => row.facet === facet).map(({ value, label, count }) => ({ value, label, count }));
  }
  const total = slices.filter((slice) => positionHolds(slice.position) && regionHolds(slice.regions)).reduce((all, slice) => all + slice.count, 0);
  return { rows, total };
}
