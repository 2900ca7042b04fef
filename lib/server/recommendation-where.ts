import "server-only";
import type { AssessmentStatusValue } from "@/lib/schemas/assessment";
import { compileSearch, type VariantMode } from "@/lib/search";
import type { FilterKey, PositionParam, RecommendationFilters, Recurring, Region, Sort } from "@/lib/search-params";
import { publicAssessmentSql } from "./assessments/public";
import { bodyCondition, findingCondition } from "./finding-links/filter-sql";
import { Prisma } from "./generated/prisma/client";
import { toDbEnum } from "./wire-enums";

/**
 * The one where-builder behind the explorer, the JSON API, the CSV export, the facets and the charts, so an export
 * always equals the screen. Pure: it returns SQL with bound parameters, never runs it. The SQL reads the
 * recommendation as `r` and its review as `v`.
 */

export const REGION_GROUPS: Record<Region, string> = {
  african: "AFRICAN",
  "asia-pacific": "ASIA_PACIFIC",
  eeg: "EASTERN_EUROPEAN",
  grulac: "GRULAC",
  weog: "WEOG",
};

export const POSITION_VALUES: Record<PositionParam, string> = {
  supported: "SUPPORTED",
  "supported-in-part": "SUPPORTED_IN_PART",
  noted: "NOTED",
};

/**
 * The search box's text as a tsquery: websearch syntax ("quoted phrases", -word, OR), `word*` prefixes, Chinese terms
 * in English and spelling variants unless `variants` is off (lib/search). The query is compiled once (and cached) in
 * JavaScript and reaches PostgreSQL as ONE bound parameter of `to_tsquery`, which the planner folds into a constant, so
 * the GIN index on "searchVector" serves it; no input can make it fail.
 */
export function tsQuery(q: string, variants: VariantMode): Prisma.Sql {
  return Prisma.sql`to_tsquery('english', ${compileSearch(q, variants).tsquery})`;
}

/**
 * Who is asking, as far as the filters care: the organisations whose private assessments the caller may read. It
 * comes from the session (lib/server/explorer-scope.ts), never from the URL; without it only public data is read.
 */
export type ViewerScope = { organizationIds?: readonly string[] };

export type WhereOptions = ViewerScope & {
  /** Leave this filter out, for its own facet's counts. */
  except?: FilterKey;
};

export function buildRecommendationWhere(filters: RecommendationFilters, options: WhereOptions = {}): Prisma.Sql {
  const parts = filterConditions(filters, options)
    .filter(([key]) => key !== options.except)
    .map(([, condition]) => condition);
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, " AND ");
}

/** A filter that narrows the selection (statusOf and variants only qualify others). */
export type ConditionKey = Exclude<FilterKey, "statusOf" | "variants">;

/**
 * Each set filter's own condition, in a fixed order; `buildRecommendationWhere` is their conjunction. The facets
 * (lib/server/facets) evaluate them one by one, to count every facet with every filter but its own in one pass.
 */
export function filterConditions(filters: RecommendationFilters, scope: ViewerScope = {}): [ConditionKey, Prisma.Sql][] {
  const parts: [ConditionKey, Prisma.Sql][] = [];
  const active = (key: ConditionKey): boolean => filters[key].length > 0;

  if (active("review")) parts.push(["review", Prisma.sql`r."reviewId" IN (${Prisma.join(filters.review)})`]);
  if (active("cycle")) parts.push(["cycle", Prisma.sql`v."cycle" IN (${Prisma.join(filters.cycle)})`]);
  if (active("sur")) parts.push(["sur", Prisma.sql`v."stateUnderReviewIso3" IN (${Prisma.join(filters.sur)})`]);
  if (active("state")) {
    parts.push([
      "state",
      Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationState" rs
      WHERE rs."recommendationId" = r."id" AND rs."countryIso3" IN (${Prisma.join(filters.state)}))`,
    ]);
  }
  if (active("region")) {
    const groups = filters.region.map((region) => REGION_GROUPS[region]);
    parts.push(["region", Prisma.sql`r."recommendingRegions" && ARRAY[${enumList(groups, "RegionalGroup")}]`]);
  }
  if (active("theme")) parts.push(["theme", themeExists(filters.theme)]);
  if (active("affected")) parts.push(["affected", themeExists(filters.affected.map((value) => `affected:${value}`))]);
  if (active("position")) {
    parts.push(["position", Prisma.sql`r."position" IN (${enumList(filters.position.map((p) => POSITION_VALUES[p]), "Position")})`]);
  }
  if (active("wording")) parts.push(["wording", Prisma.sql`lower(r."responseWording") IN (${Prisma.join(filters.wording)})`]);
  if (active("action")) parts.push(["action", actionCondition(filters.action)]);
  if (active("status")) parts.push(["status", statusCondition(filters.status, statusScopeOf(filters, scope))]);
  if (active("recurring")) parts.push(["recurring", recurringCondition(filters.recurring)]);
  if (active("finding")) parts.push(["finding", findingCondition(filters.finding, filters.body)]);
  if (active("body")) parts.push(["body", bodyCondition(filters.body, filters.finding)]);
  if (active("q")) parts.push(["q", Prisma.sql`r."searchVector" @@ ${tsQuery(filters.q, filters.variants)}`]);
  return parts;
}

/**
 * Enum values as parameters cast to the enum type: comparing the column itself (not `column::text`) lets
 * PostgreSQL use its statistics and indexes (position filters were 7x faster on 250,000 rows).
 */
function enumList(values: string[], type: "Position" | "RegionalGroup" | "AssessmentStatus"): Prisma.Sql {
  return Prisma.join(values.map((value) => Prisma.sql`${value}::${Prisma.raw(`"${type}"`)}`));
}

/**
 * Any of the given themes (OR within one filter; filters combine with AND), through the GIN-indexed `themeIds`
 * array that lib/server/recommendation-index.ts keeps equal to the RecommendationTheme rows.
 */
function themeExists(slugs: string[]): Prisma.Sql {
  return Prisma.sql`r."themeIds" && ARRAY(SELECT t."id" FROM "Theme" t WHERE t."slug" IN (${Prisma.join(slugs)}))`;
}

/**
 * Any of the action categories, of the paragraph or of any State's part (an override alone while one stands), through
 * the GIN-indexed `actionCategories` array that lib/server/recommendation-index.ts keeps in step.
 */
function actionCondition(categories: readonly number[]): Prisma.Sql {
  return Prisma.sql`r."actionCategories" && ARRAY[${Prisma.join(categories)}]::int[]`;
}

/**
 * The assessments a status filter reads. `public`: each organisation's latest public assessment that it has not
 * withdrawn, so an organisation's later private one changes nothing anyone outside it sees, and a withdrawn one is
 * as if never published (the same "current" an outsider sees on the recommendation page). `mine`: the latest
 * assessment of any visibility of each of the caller's organisations, withdrawn ones included (a withdrawal takes a
 * version out of public view, not out of the organisation's own record). `statusOf=mine` without organisations
 * (anonymous, or no membership) reads public ones: the callers refuse or report that first.
 */
export type StatusScopeSql = { kind: "public" } | { kind: "mine"; organizationIds: readonly string[] };

export function statusScopeOf(filters: Pick<RecommendationFilters, "statusOf">, scope: ViewerScope): StatusScopeSql {
  const organizationIds = scope.organizationIds ?? [];
  return filters.statusOf === "mine" && organizationIds.length > 0 ? { kind: "mine", organizationIds } : { kind: "public" };
}

/** The assessments (read as `a`) the scope may read: public ones, or every one of the caller's organisations. */
export function readableAssessmentsSql(scope: StatusScopeSql): Prisma.Sql {
  return scope.kind === "public" ? publicAssessmentSql("a") : Prisma.sql`a."organizationId" IN (${Prisma.join(scope.organizationIds)})`;
}

/**
 * ("recommendationId", "organizationId", "status") of every organisation's current assessment in the scope: one row
 * per recommendation and organisation, the highest version among the assessments the scope may read. Ordered all
 * descending so a backward index-only scan of Assessment_status_lookup_idx feeds DISTINCT ON without a sort.
 */
export function currentStatusesSql(scope: StatusScopeSql): Prisma.Sql {
  const readable = readableAssessmentsSql(scope);
  return Prisma.sql`SELECT DISTINCT ON (a."recommendationId", a."organizationId") a."recommendationId", a."organizationId", a."status"
    FROM "Assessment" a WHERE ${readable} ORDER BY a."recommendationId" DESC, a."organizationId" DESC, a."version" DESC`;
}

/**
 * Recommendations with no assessment in the scope, which count as `not_assessed`: none public at all, or (mine) one of
 * the caller's organisations has none. NOT IN over a NOT NULL column runs as one hashed subplan, not a probe per row.
 */
function unassessed(scope: StatusScopeSql): Prisma.Sql {
  if (scope.kind === "public") return Prisma.sql`r."id" NOT IN (SELECT a."recommendationId" FROM "Assessment" a WHERE ${publicAssessmentSql("a")})`;
  const [only, ...more] = scope.organizationIds;
  if (more.length === 0) return Prisma.sql`r."id" NOT IN (SELECT a."recommendationId" FROM "Assessment" a WHERE a."organizationId" = ${only})`;
  return Prisma.sql`EXISTS (SELECT 1 FROM unnest(ARRAY[${Prisma.join(scope.organizationIds)}]::text[]) o("id")
    WHERE NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."recommendationId" = r."id" AND a."organizationId" = o."id"))`;
}

/** Any of the statuses (OR): some organisation in the scope has it as its current status, or, for not_assessed, none. */
export function statusCondition(statuses: readonly AssessmentStatusValue[], scope: StatusScopeSql): Prisma.Sql {
  const recorded = Prisma.sql`r."id" IN (SELECT c."recommendationId" FROM (${currentStatusesSql(scope)}) c
    WHERE c."status" IN (${enumList(statuses.map(toDbEnum), "AssessmentStatus")}))`;
  return statuses.includes("not_assessed") ? Prisma.sql`(${recorded} OR ${unassessed(scope)})` : recorded;
}

/**
 * Has a confirmed counterpart in an earlier (`earlier`, "recommended before") or later cycle; several values are ORed.
 * Only CONFIRMED links count: a rejected suggestion is not a recurrence.
 */
function recurringCondition(directions: readonly Recurring[]): Prisma.Sql {
  return Prisma.join(
    directions.map((direction) =>
      direction === "earlier"
        ? Prisma.sql`r."id" IN (SELECT l."laterId" FROM "RecommendationLink" l WHERE l."status" = 'CONFIRMED')`
        : Prisma.sql`r."id" IN (SELECT l."earlierId" FROM "RecommendationLink" l WHERE l."status" = 'CONFIRMED')`,
    ),
    " OR ",
    "(",
    ")",
  );
}

/**
 * ORDER BY for a sort; every order ends on the row id so pages never overlap. The ranking reads the same search as the
 * filter (its text and variants), so the list and the CSV rank alike.
 */
export function buildRecommendationOrder(sort: Sort, { q, variants }: Pick<RecommendationFilters, "q" | "variants">): Prisma.Sql {
  const documentOrder = Prisma.sql`r."reviewId", r."ordinal", r."id"`;
  switch (sort) {
    case "relevance":
      return q ? Prisma.sql`ts_rank(r."searchVector", ${tsQuery(q, variants)}) DESC, v."cycle" DESC, ${documentOrder}` : buildRecommendationOrder("-cycle", { q, variants });
    case "cycle":
      return Prisma.sql`v."cycle" ASC, ${documentOrder}`;
    case "-cycle":
      return Prisma.sql`v."cycle" DESC, ${documentOrder}`;
    case "paragraph":
      return documentOrder;
    case "-paragraph":
      return Prisma.sql`r."reviewId" DESC, r."ordinal" DESC, r."id" DESC`;
    case "position":
      return Prisma.sql`r."position" ASC NULLS LAST, v."cycle" DESC, ${documentOrder}`;
    case "-position":
      return Prisma.sql`r."position" DESC NULLS LAST, v."cycle" DESC, ${documentOrder}`;
    case "action":
      return Prisma.sql`r."actionCategory" ASC NULLS LAST, v."cycle" DESC, ${documentOrder}`;
    case "-action":
      return Prisma.sql`r."actionCategory" DESC NULLS LAST, v."cycle" DESC, ${documentOrder}`;
  }
}
