import { tableCsv } from "@/lib/csv/stats";
import type { StatGroup } from "@/lib/stats";
import type { ChartCategory, ChartData } from "./chart-data";
import type { ChartText } from "./chart-text";

export type ChartBase = Omit<ChartData, "csv" | "fileName" | "incomplete" | "empty" | "notes" | "stacked" | "unit"> &
  Partial<Pick<ChartData, "notes" | "stacked" | "unit" | "empty">>;

/** Completes a chart: defaults, the incomplete-list warnings, the empty state and its CSV (machine keys first). */
export function finish(context: { incomplete: string[]; nothingLoaded?: boolean; text: ChartText }, chart: ChartBase): ChartData {
  const header = ["key", chart.categoryAxis, ...chart.series.map((s) => s.label)];
  const rows = chart.categories.map((category, i) => [category.key, category.label, ...(chart.cells[i] ?? []).map((cell) => cell.value)]);
  const nothing = chart.cells.every((row) => row.every((cell) => cell.value === 0));
  return {
    notes: [],
    stacked: false,
    unit: "count",
    ...chart,
    incomplete: context.incomplete,
    empty: chart.empty ?? (context.nothingLoaded ? context.text.t("empty.nothingLoaded") : nothing ? context.text.t("empty.noMatch") : null),
    csv: tableCsv(header, rows),
    fileName: `upr-chart-${chart.id}.csv`,
  };
}

/** The groups of every series, in first-seen order, so fixed domains keep their order and a `none` group stays last. */
export function categoriesOf(perSeries: readonly StatGroup[][]): ChartCategory[] {
  const seen = new Map<string, string>();
  for (const groups of perSeries) for (const group of groups) if (!seen.has(group.key)) seen.set(group.key, group.label);
  const categories = [...seen].map(([key, label]) => ({ key, label }));
  return [...categories.filter((c) => c.key !== "none"), ...categories.filter((c) => c.key === "none")];
}
