import "server-only";
import type { FilterKey, RecommendationFilters } from "@/lib/search-params";
import { NONE_KEY, type RecommendationStats, type StatDimension, type StatsUnit } from "@/lib/stats";
import type { Db } from "../db";
import { POSITION_VALUES, REGION_GROUPS, statusScopeOf, type ViewerScope } from "../recommendation-where";
import { summariesAnswer, summaryAffectedByUnit, summaryStatsByUnit } from "../stats/summary";
import { toDbEnum } from "../wire-enums";
import type { Row } from ".";
import type { LiveFacet } from "./one-pass";

type Rows = () => Promise<Row[] | null>;

/**
 * The explorer's facets read from the stats summaries, each facet with every filter but its own (as the live count
 * does): a facet's rows, in the live query's shape (database values, its order), or null when the summaries cannot
 * answer (the caller counts it live). Recurrence (confirmed links) is not summarised and is always counted live.
 */
export function summaryFacets(filters: RecommendationFilters, scope: ViewerScope, db: Db) {
  const read = (own: FilterKey, by: StatDimension, unit: StatsUnit): Promise<Map<string, RecommendationStats> | null> =>
    summaryStatsByUnit(by, { ...filters, [own]: [] }, scope, unit, db);
  const groups = (own: FilterKey, by: StatDimension, value: (key: string) => string = (key) => key): Rows =>
    () =>
      read(own, by, "all").then((stats) =>
        stats
          ? (stats.get("all")?.groups ?? []).filter((group) => group.key !== NONE_KEY && group.count > 0).map((group) => ({ value: value(group.key), label: by === "state" || by === "theme" ? group.label : null, count: group.count }))
          : null,
      );
  return {
    cycle: (() =>
      read("cycle", "position", "cycle").then((stats) =>
        stats ? [...stats].map(([cycle, unit]) => ({ value: cycle, label: null, count: unit.total })).sort((a, b) => Number(b.value) - Number(a.value)) : null,
      )) satisfies Rows,
    sur: (() =>
      read("sur", "position", "sur").then(async (stats) => {
        if (!stats) return null;
        const names = new Map((await db.country.findMany({ where: { iso3: { in: [...stats.keys()] } }, select: { iso3: true, name: true } })).map((c) => [c.iso3, c.name]));
        return [...stats]
          .map(([iso3, unit]) => ({ value: iso3, label: names.get(iso3) ?? iso3, count: unit.total }))
          .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
      })) satisfies Rows,
    state: groups("state", "state"),
    region: groups("region", "region", (key) => REGION_GROUPS[key as keyof typeof REGION_GROUPS] ?? key),
    theme: (() =>
      groups("theme", "theme")().then(async (rows) => {
        if (!rows) return null;
        const schemes = new Map((await db.theme.findMany({ where: { slug: { in: rows.map((row) => row.value) } }, select: { slug: true, scheme: true } })).map((t) => [t.slug, t.scheme]));
        return rows.map((row) => ({ ...row, scheme: schemes.get(row.value) ?? "" }));
      })) as () => Promise<(Row & { scheme: string })[] | null>,
    affected: (() =>
      summaryAffectedByUnit({ ...filters, affected: [] }, "all", db).then((stats) =>
        stats
          ? (stats.get("all")?.groups ?? [])
              .filter((group) => group.key !== NONE_KEY && group.count > 0)
              .map((group) => ({ value: group.key, label: group.label, count: group.count, scheme: "AFFECTED_PERSONS" }))
          : null,
      )) as () => Promise<(Row & { scheme: string })[] | null>,
    position: groups("position", "position", (key) => POSITION_VALUES[key as keyof typeof POSITION_VALUES] ?? key),
    wording: groups("wording", "wording"),
    action: groups("action", "action"),
    status: (() =>
      read("status", "status", "all").then((stats): [Row[], Row[]] | null => {
        const all = stats?.get("all");
        if (!all) return null;
        const recorded = all.groups.filter((group) => group.key !== "not_assessed" && group.count > 0).map((group) => ({ value: toDbEnum(group.key), label: null, count: group.count }));
        const unassessed = all.groups.filter((group) => group.key === "not_assessed").map((group) => ({ value: "NOT_ASSESSED", label: null, count: group.count }));
        return [recorded, unassessed];
      })) satisfies () => Promise<[Row[], Row[]] | null>,
  };
}

/**
 * Whether the summaries can answer a facet for these filters (every filter but the facet's own selects whole reviews;
 * for status, whose statuses it reads is one audience): known before reading, so the facets they cannot answer are
 * counted together meanwhile. A read may still find a review being refreshed and answer null: that facet is counted live.
 */
export function summaryAnswersFacet(key: LiveFacet, filters: RecommendationFilters, scope: ViewerScope): boolean {
  if (key === "recurring" || !summariesAnswer({ ...filters, [key]: [] })) return false;
  if (key !== "status") return true;
  const statusScope = statusScopeOf(filters, scope);
  return statusScope.kind === "public" || statusScope.organizationIds.length === 1;
}

/** The selection's total from the summaries, when they answer the filters; null otherwise. */
export async function summaryTotal(filters: RecommendationFilters, scope: ViewerScope, db: Db): Promise<number | null> {
  return (await summaryStatsByUnit("position", filters, scope, "all", db))?.get("all")?.total ?? null;
}
