import "server-only";
import { STATUS_LABELS } from "@/components/recommendations/assessment-labels";
import { cycleLabel } from "@/lib/cycles/english";
import { ACTION_LABELS, POSITION_PARAM_LABELS, REGION_LABELS } from "@/lib/labels";
import { ASSESSMENT_STATUSES } from "@/lib/schemas/assessment";
import { POSITIONS, REGIONS } from "@/lib/search-params";
import { NONE_KEY, type RecommendationStats, type StatDimension, type StatGroup } from "@/lib/stats";
import { POSITION_VALUES, REGION_GROUPS } from "../recommendation-where";
import { fromDbEnum } from "../wire-enums";

/**
 * How counted rows become a dimension's groups, shared by every counter (`countRecommendationStats`, the per-unit
 * counts of the charts, and the summaries): one mapping, so every path answers with the same groups in the same order.
 */

/** One grouped row: a database value (or NULL for recommendations without one), a label when SQL has it, a count. */
export type Row = { key: string | null; label: string | null; count: number };

/** What a reader sees for the group of recommendations without a value. */
const NONE_LABELS: Record<Exclude<StatDimension, "status" | "review">, string> = {
  position: "No position recorded",
  wording: "No response recorded",
  theme: "No theme",
  region: "No regional group (observer or no State)",
  action: "No action category",
  state: "No recommending State",
};

const invert = (map: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(map).map(([key, value]) => [value, key]));
const POSITION_BY_VALUE = invert(POSITION_VALUES);
/** A regional group as stored (`WEOG`) → the explorer's region key (`weog`). */
export const REGION_BY_GROUP = invert(REGION_GROUPS);

/**
 * Every status in the canonical order, zeros included. A later row of the same key replaces an earlier one, never adds
 * to it: `not_assessed` comes twice from the status statements (the explicit status, then the filter's reading, which
 * already includes the explicit one), and the filter's reading is the count.
 */
export function inStatusOrder(rows: Row[]): Row[] {
  const counts = new Map(rows.map((row) => [row.key, row.count]));
  return ASSESSMENT_STATUSES.map((status) => ({ key: status.toUpperCase(), label: null, count: counts.get(status.toUpperCase()) ?? 0 }));
}

/** A dimension's stats from its counted rows (in SQL order) and the total: `status` rows are put in status order. */
export function statsOf(by: StatDimension, rows: Row[], total: number): RecommendationStats {
  return { by, groups: toGroups(by, by === "status" ? inStatusOrder(rows) : rows), total };
}

/** Puts fixed domains in their canonical order (zeros included), maps database values to filter keys, `none` last. */
export function toGroups(by: StatDimension, rows: Row[]): StatGroup[] {
  const none = rows.filter((row) => row.key === null).reduce((sum, row) => sum + row.count, 0);
  const valued = rows.filter((row): row is Row & { key: string } => row.key !== null);
  const countOf = (mapped: (key: string) => string) => (key: string) => valued.filter((row) => mapped(row.key) === key).reduce((sum, row) => sum + row.count, 0);
  let groups: StatGroup[];
  switch (by) {
    case "position": {
      const count = countOf((value) => POSITION_BY_VALUE[value] ?? value);
      groups = POSITIONS.map((key) => ({ key, label: POSITION_PARAM_LABELS[key], count: count(key) }));
      break;
    }
    case "region": {
      const count = countOf((value) => REGION_BY_GROUP[value] ?? value);
      groups = REGIONS.map((key) => ({ key, label: REGION_LABELS[key], count: count(key) }));
      break;
    }
    case "action": {
      const count = countOf((value) => value);
      groups = ["1", "2", "3", "4", "5"].map((key) => ({ key, label: ACTION_LABELS[key] ?? key, count: count(key) }));
      break;
    }
    case "status":
      return valued.map((row) => {
        const key = fromDbEnum(row.key) as keyof typeof STATUS_LABELS;
        return { key, label: STATUS_LABELS[key], count: row.count };
      });
    case "review":
      return valued.map((row) => ({ key: row.key, label: reviewLabel(row.label ?? row.key), count: row.count }));
    default:
      groups = valued.map((row) => ({ key: row.key, label: row.label ?? row.key, count: row.count }));
  }
  return none > 0 ? [...groups, { key: NONE_KEY, label: NONE_LABELS[by], count: none }] : groups;
}

/** "China, 3:2018" from SQL → "China, 2018 (3rd cycle)". */
function reviewLabel(raw: string): string {
  const match = /^(.*), (\d+):(\d*)$/.exec(raw);
  return match ? `${match[1]}, ${cycleLabel(match[2]!, match[3] ? Number(match[3]) : null)}` : raw;
}
