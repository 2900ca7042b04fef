import type { UnitStats } from "@/lib/server/stats/review-charts";
import type { StatGroup } from "@/lib/stats";
import type { Context } from "./build-charts";
import { unitHref, type ChartCell, type ChartSeries } from "./chart-data";

/**
 * The position and wording charts set officially reported figures beside counted records: a unit whose reviews have no
 * records loaded but reported totals gets a series of its own, marked "reported, records not loaded", whose bars link
 * nowhere. Counted and reported numbers are never added together.
 */

/** A column of the position or wording chart: a unit's counted records, or its reported figures. */
export type Column = { series: ChartSeries; unit: UnitStats; reported: boolean; groups: StatGroup[]; total: number };

/**
 * The columns of a chart that can show reported figures: each unit's counted records (unless the unit has nothing
 * loaded and reported figures instead), then its reported figures as a series of their own.
 */
export function columnsOf(context: Context, dimension: "position" | "wording"): Column[] {
  return context.units.flatMap((u, i) => {
    const series = context.series[i]!;
    const reported = u.unit.reported;
    const counted: Column = { series, unit: u, reported: false, groups: u.stats[dimension].groups, total: u.stats[dimension].total };
    if (!reported || reported[dimension].length === 0) return [counted];
    const own: Column = { series: { key: `${series.key}-reported`, label: context.text.t("reported.series", { label: series.label }), short: context.text.t("reported.short", { label: series.label }), reported: true }, unit: u, reported: true, groups: reported[dimension], total: reported.total };
    return u.unit.loaded > 0 ? [counted, own] : [own];
  });
}

export const cellOf = (context: Context, column: Column, count: number, key: string, dimension: "position" | "wording"): ChartCell => ({
  value: count,
  text: context.text.number(count),
  href: count > 0 && !column.reported ? unitHref(context.filters, column.unit.unit.narrow, { [dimension]: [key] }) : null,
});

/** Summary lines of a chart with reported columns: counted units as usual, reported ones with their own label. */
export function summariseColumns(context: Context, columns: Column[], line: (groups: StatGroup[], total: number) => string): string[] {
  const { t } = context.text;
  return columns.map((column) => {
    const { label } = column.series;
    if (column.reported) return t("summary.line", { label, text: line(column.groups, column.total) });
    if (column.unit.unit.loaded === 0) return t("summary.line", { label, text: t("summary.nothingLoaded") });
    return t("summary.line", { label, text: column.total === 0 ? t("summary.noMatch") : line(column.groups, column.total) });
  });
}

/** The context of a chart with reported columns: not "nothing loaded" when reported figures are drawn. */
export const reportedContext = (context: Context, columns: Column[]) => ({ ...context, nothingLoaded: context.nothingLoaded && !columns.some((c) => c.reported) });
