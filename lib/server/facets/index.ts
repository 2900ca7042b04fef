import "server-only";
import { ASSESSMENT_STATUSES } from "@/lib/schemas/assessment";
import { POSITIONS, RECURRING, REGIONS, type FilterKey, type RecommendationFilters } from "@/lib/search-params";
import { getDb, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { countFindingFacets } from "../finding-links/facets";
import { toDbEnum } from "../wire-enums";
import {
  POSITION_VALUES,
  REGION_GROUPS,
  buildRecommendationWhere,
  currentStatusesSql,
  statusCondition,
  statusScopeOf,
  type ViewerScope,
} from "../recommendation-where";
import { summariesAnswer } from "../stats/summary";
import { LIVE_FACETS, countFacetsInOnePass, type LiveFacet, type OnePassRows } from "./one-pass";
import { SLICE_FACETS, countSliceFacets, slicesAnswer, type SliceFacet } from "./slices";
import { summaryAnswersFacet, summaryFacets, summaryTotal } from "./summary";

export type FacetValue = { value: string; label: string; count: number };
export type ThemeFacetValue = FacetValue & { scheme: string };

export type RecommendationFacets = {
  cycle: FacetValue[];
  sur: FacetValue[];
  state: FacetValue[];
  region: FacetValue[];
  theme: ThemeFacetValue[];
  affected: FacetValue[];
  position: FacetValue[];
  wording: FacetValue[];
  action: FacetValue[];
  /** Implementation status in the filters' `statusOf` scope; a recommendation counts once per status it has there. */
  status: FacetValue[];
  /** Recommendations with a confirmed counterpart in an earlier, or a later, cycle. */
  recurring: FacetValue[];
  /** Recommendations by the UN findings editors linked to them (`finding=`), and by the UN body of those findings. */
  finding: FacetValue[];
  body: FacetValue[];
};

const FROM = Prisma.sql`FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"`;

/** Each facet counts the current selection with every filter but its own, so the other choices stay visible. */
function whereFor(filters: RecommendationFilters, scope: ViewerScope) {
  return (own: FilterKey): Prisma.Sql => buildRecommendationWhere(filters, { ...scope, except: own });
}

export type Row = { value: string; label: string | null; count: number; scheme?: string };

function invert(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [value, key]));
}

/**
 * A chosen value always has an entry, with a count of 0 when the other filters leave it none: the panel then draws
 * it checked with "(0)", and the form keeps it. The label is the value; the panel names it.
 */
function withChosen(values: FacetValue[], chosen: readonly (string | number)[]): FacetValue[] {
  const missing = [...new Set(chosen.map(String))].filter((value) => !values.some((v) => v.value === value));
  return [...missing.map((value) => ({ value, label: value, count: 0 })), ...values];
}

/** The names and schemes of chosen themes the counts left out (one small query, only when there are some). */
async function chosenThemes(db: Db, slugs: string[]): Promise<(Row & { scheme: string })[]> {
  if (slugs.length === 0) return [];
  return db.$queryRaw<(Row & { scheme: string })[]>(Prisma.sql`SELECT t."slug" AS value, t."name" AS label, t."scheme"::text AS scheme, 0 AS count
    FROM "Theme" t WHERE t."slug" IN (${Prisma.join(slugs)}) ORDER BY t."name"`);
}

const REGION_BY_GROUP = invert(REGION_GROUPS);
const POSITION_BY_VALUE = invert(POSITION_VALUES);

/**
 * Facet counts for the explorer's filters, computed in PostgreSQL for the current selection. `scope` names the
 * organisations whose private assessments the caller may read (from the session); everything else counts public data only.
 * Most facets are read from the stats summaries when the other filters select whole reviews; `live` counts them all.
 */
export async function countRecommendationFacets(
  filters: RecommendationFilters,
  scope: ViewerScope = {},
  db: Db = getDb(),
  options: { live?: boolean } = {},
): Promise<RecommendationFacets> {
  return (await countExplorerSelection(filters, scope, db, options)).facets;
}

/**
 * The facets and the selection's total (the explorer's result count), counted together: the total comes from the
 * summaries when the filters select whole reviews, else from the pass that counts the facets; null when neither
 * answered (the caller counts it).
 *
 * Facets the summaries answer are read from them; all the others are counted in one statement (facets/one-pass.ts),
 * except when the filters select whole reviews, where the only one left (recurrence) is its own small query. `live`
 * counts every facet with its own query over the recommendations: the reference the others are tested against.
 */
export async function countExplorerSelection(
  filters: RecommendationFilters,
  scope: ViewerScope = {},
  db: Db = getDb(),
  options: { live?: boolean } = {},
): Promise<{ facets: RecommendationFacets; total: number | null }> {
  const q = <T extends Row>(sql: Prisma.Sql): Promise<T[]> => db.$queryRaw<T[]>(sql);
  const where = whereFor(filters, scope);
  const statusScope = statusScopeOf(filters, scope);
  const themeRows = (own: "theme" | "affected"): Promise<(Row & { scheme: string })[]> =>
    q(Prisma.sql`SELECT t."slug" AS value, t."name" AS label, t."scheme"::text AS scheme, count(*)::int AS count ${FROM}
      JOIN "RecommendationTheme" rt ON rt."recommendationId" = r."id" JOIN "Theme" t ON t."id" = rt."themeId"
      WHERE ${where(own)} AND t."scheme" ${own === "affected" ? Prisma.sql`=` : Prisma.sql`<>`} 'AFFECTED_PERSONS'
      GROUP BY 1, 2, 3 ORDER BY 4 DESC, 2, 1`);
  const live = {
    cycle: () =>
      q(Prisma.sql`SELECT v."cycle"::text AS value, NULL AS label, count(*)::int AS count ${FROM}
      WHERE ${where("cycle")} GROUP BY v."cycle" ORDER BY v."cycle" DESC`),
    sur: () =>
      q(Prisma.sql`SELECT v."stateUnderReviewIso3" AS value, c."name" AS label, count(*)::int AS count ${FROM}
      JOIN "Country" c ON c."iso3" = v."stateUnderReviewIso3"
      WHERE ${where("sur")} GROUP BY 1, 2 ORDER BY 3 DESC, 2`),
    state: () =>
      q(Prisma.sql`SELECT rs."countryIso3" AS value, c."name" AS label, count(*)::int AS count ${FROM}
      JOIN "RecommendationState" rs ON rs."recommendationId" = r."id" JOIN "Country" c ON c."iso3" = rs."countryIso3"
      WHERE ${where("state")} GROUP BY 1, 2 ORDER BY 3 DESC, 2`),
    region: () =>
      q(Prisma.sql`SELECT c."regionalGroup"::text AS value, NULL AS label, count(DISTINCT r."id")::int AS count ${FROM}
      JOIN "RecommendationState" rs ON rs."recommendationId" = r."id" JOIN "Country" c ON c."iso3" = rs."countryIso3"
      WHERE ${where("region")} AND c."regionalGroup" IS NOT NULL GROUP BY 1`),
    theme: () => themeRows("theme"),
    affected: () => themeRows("affected"),
    position: () =>
      q(Prisma.sql`SELECT r."position"::text AS value, NULL AS label, count(*)::int AS count ${FROM}
      WHERE ${where("position")} AND r."position" IS NOT NULL GROUP BY 1`),
    wording: () =>
      q(Prisma.sql`SELECT lower(r."responseWording") AS value, NULL AS label, count(*)::int AS count ${FROM}
      WHERE ${where("wording")} AND r."responseWording" IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1`),
    // Once per category a recommendation has (its own or a State's part's), so each count is the filter's total.
    action: () =>
      q(Prisma.sql`SELECT a::text AS value, NULL AS label, count(*)::int AS count ${FROM} CROSS JOIN LATERAL unnest(r."actionCategories") a
      WHERE ${where("action")} GROUP BY a ORDER BY a`),
    // Statuses organisations recorded (a recommendation once per status), then those with no assessment in the scope.
    recurring: () =>
      q(Prisma.sql`SELECT d."value", NULL AS label, count(DISTINCT r."id")::int AS count ${FROM}
      JOIN "RecommendationLink" l ON l."status" = 'CONFIRMED' AND r."id" IN (l."earlierId", l."laterId")
      CROSS JOIN LATERAL (SELECT CASE WHEN r."id" = l."laterId" THEN 'earlier' ELSE 'later' END AS "value") d
      WHERE ${where("recurring")} GROUP BY 1`),
    status: () =>
      Promise.all([
        q(Prisma.sql`SELECT c."status"::text AS value, NULL AS label, count(DISTINCT r."id")::int AS count ${FROM}
      JOIN (${currentStatusesSql(statusScope)}) c ON c."recommendationId" = r."id"
      WHERE ${where("status")} GROUP BY 1`),
        q(Prisma.sql`SELECT 'NOT_ASSESSED' AS value, NULL AS label, count(*)::int AS count ${FROM}
      WHERE ${where("status")} AND ${statusCondition(["not_assessed"], statusScope)}`),
      ]),
  };
  // The stats summaries answer a facet when the filters other than its own select whole reviews (facets/summary.ts).
  const summarised = options.live ? null : summaryFacets(filters, scope, db);
  const fromSummaries = (key: LiveFacet): boolean => summarised !== null && summaryAnswersFacet(key, filters, scope);
  // The facets of the filters position and region, and of the review-level ones, under those filters: from the
  // summaries' slice rows (facets/slices.ts).
  const fromSlices = (key: LiveFacet): key is SliceFacet =>
    summarised !== null && !fromSummaries(key) && (SLICE_FACETS as readonly string[]).includes(key) && slicesAnswer(filters, key);
  const wholeReviews = summarised !== null && summariesAnswer(filters);
  const sliceKeys = SLICE_FACETS.filter(fromSlices);
  const slicesTotal = summarised !== null && !wholeReviews && slicesAnswer(filters);
  const sliced = sliceKeys.length > 0 || slicesTotal ? countSliceFacets(filters, sliceKeys, db) : null;
  // The rest in one pass, unless the filters select whole reviews: then at most recurrence (and status for a member of
  // several organisations) is left, over every recommendation selected, and its own queries are cheaper.
  const passKeys = LIVE_FACETS.filter((key) => !fromSummaries(key) && !fromSlices(key));
  const onePass: Promise<OnePassRows> | null = summarised === null || wholeReviews ? null : countFacetsInOnePass(filters, scope, passKeys, db);
  const total: Promise<number | null> = wholeReviews
    ? summaryTotal(filters, scope, db)
    : slicesTotal && sliced
      ? sliced.then((read) => read?.total ?? null)
      : onePass
        ? onePass.then((rows) => rows.total)
        : Promise.resolve(null);
  const either = <K extends keyof typeof live>(key: K): ReturnType<(typeof live)[K]> => {
    if (summarised && key !== "recurring" && fromSummaries(key)) {
      return summarised[key as Exclude<K, "recurring">]().then((rows) => rows ?? live[key]()) as ReturnType<(typeof live)[K]>;
    }
    if (sliced && fromSlices(key)) return sliced.then((read) => read?.rows[key] ?? live[key]()) as ReturnType<(typeof live)[K]>;
    if (onePass) return onePass.then((rows): unknown => rows[key] ?? live[key]()) as ReturnType<(typeof live)[K]>;
    return live[key]() as ReturnType<(typeof live)[K]>;
  };
  const [cycle, sur, state, region, theme, affected, position, wording, action, [recorded, unassessed], recurring, selectionTotal, findings] = await Promise.all([
    either("cycle"),
    either("sur"),
    either("state"),
    either("region"),
    either("theme"),
    either("affected"),
    either("position"),
    either("wording"),
    either("action"),
    either("status"),
    either("recurring"),
    total,
    countFindingFacets(filters, where, db),
  ]);
  const statusCount = (value: string): number => recorded.find((row) => row.value === value)?.count ?? 0;
  const plain = (rows: Row[], chosen: readonly (string | number)[]): FacetValue[] =>
    withChosen(rows.map((row) => ({ value: row.value, label: row.label ?? row.value, count: row.count })), chosen);
  const chosenAffected = filters.affected.map((value) => `affected:${value}`);
  const counted = new Set([...theme, ...affected].map((row) => row.value));
  const named = await chosenThemes(db, [...filters.theme, ...chosenAffected].filter((slug) => !counted.has(slug)));
  const themesOf = (rows: (Row & { scheme: string })[], affectedPersons: boolean) =>
    [...named.filter((row) => row.value.startsWith("affected:") === affectedPersons), ...rows].map((row) => ({ ...row, label: row.label ?? row.value }));
  const facets: RecommendationFacets = {
    cycle: plain(cycle, filters.cycle),
    sur: plain(sur, filters.sur),
    state: plain(state, filters.state),
    region: REGIONS.map((value) => ({ value, label: value, count: region.find((row) => REGION_BY_GROUP[row.value] === value)?.count ?? 0 })),
    theme: themesOf(theme, false).map(({ value, label, count, scheme }) => ({ value, label, count, scheme })),
    affected: themesOf(affected, true).map((row) => ({ value: row.value.replace(/^affected:/, ""), label: row.label, count: row.count })),
    position: POSITIONS.map((value) => ({ value, label: value, count: position.find((row) => POSITION_BY_VALUE[row.value] === value)?.count ?? 0 })),
    wording: plain(wording, filters.wording),
    action: plain(action, filters.action),
    status: ASSESSMENT_STATUSES.map((value) => ({
      value,
      label: value,
      count: value === "not_assessed" ? (unassessed[0]?.count ?? 0) : statusCount(toDbEnum(value)),
    })),
    recurring: RECURRING.map((value) => ({ value, label: value, count: recurring.find((row) => row.value === value)?.count ?? 0 })),
    ...findings,
  };
  return { facets, total: selectionTotal };
}
