import type { RecommendationFilters } from "@/lib/search-params";
import { wordingTerm } from "@/lib/i18n/terms";
import type { ChartDimension, ChartInputs, UnitStats } from "@/lib/server/stats/review-charts";
import { NONE_KEY, type RecommendationStats, type StatGroup } from "@/lib/stats";
import { statusTimelineChart } from "./build-timeline";
import { acceptedPositions, OTHER_KEY, subjectThemes, TOP_THEMES, rateCell, share, topNWithOther, unitHref, type ChartCategory, type ChartCell, type ChartData, type ChartSeries } from "./chart-data";
import type { ChartText } from "./chart-text";
import { categoriesOf, finish } from "./finish";
import { cellOf, columnsOf, reportedContext, summariseColumns } from "./reported-columns";
import { incompleteOf, reportedNotes, unitLabel } from "./unit-labels";
import type { Per } from "./units";

/**
 * The charts of the dashboard (one review) and of the comparison (one series per unit: review, cycle, region or State
 * under review), built from counted stats. Pure: every number, link, summary line and CSV row is decided here, once,
 * and drawn twice (SVG and table). Officially reported figures of reviews without records are their own series on the
 * position and wording charts, marked as such and never linked.
 */

export type Context = {
  filters: RecommendationFilters;
  per: Per;
  units: UnitStats[];
  series: ChartSeries[];
  incomplete: string[];
  nothingLoaded: boolean;
  subject: string;
  text: ChartText;
};

/** "China" or "China and Viet Nam": whose reviews the charts show. */
function subjectOf(surs: string[], text: ChartText): string {
  const names = surs.map((iso3) => text.country(iso3));
  if (names.length === 2) return text.t("subject.two", { first: names[0]!, second: names[1]! });
  return names.length === 1 ? names[0]! : text.t("subject.many");
}

/** A group's label in the reader's language: positions, regions and action categories from `terms`, States by name. */
function groupLabel(dimension: ChartDimension, group: StatGroup, text: ChartText): string {
  if (group.key === NONE_KEY) return text.t(`none.${dimension}`);
  switch (dimension) {
    case "position":
      return text.term(`position.${group.key}`);
    case "region":
      return text.term(`region.${group.key}`);
    case "action":
      return text.term("actionCategoryNumbered", { category: group.key, label: text.term(`actionCategory.${group.key}`) });
    case "wording":
      return text.hasTerm(wordingTerm(group.key)) ? text.term(wordingTerm(group.key)) : group.label;
    case "state":
      return text.country(group.key);
    default:
      return group.label;
  }
}

const DIMENSIONS: readonly ChartDimension[] = ["position", "wording", "theme", "region", "action", "state"];

const relabel = (dimension: ChartDimension, groups: StatGroup[], text: ChartText): StatGroup[] => groups.map((group) => ({ ...group, label: groupLabel(dimension, group, text) }));

function localised(u: UnitStats, text: ChartText): UnitStats {
  const restat = (dimension: ChartDimension, stats: RecommendationStats): RecommendationStats => ({ ...stats, groups: relabel(dimension, stats.groups, text) });
  const stats = Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, restat(dimension, u.stats[dimension])])) as UnitStats["stats"];
  const reported = u.unit.reported ? { ...u.unit.reported, position: relabel("position", u.unit.reported.position, text), wording: relabel("wording", u.unit.reported.wording, text) } : null;
  return { ...u, unit: { ...u.unit, reported }, stats, acceptedByRegion: u.acceptedByRegion ? restat("region", u.acceptedByRegion) : null };
}

/** Every chart, its words in the locale of `text` (the same numbers, links and CSV keys in every locale). */
export function buildCharts(inputs: ChartInputs, filters: RecommendationFilters, text: ChartText): ChartData[] {
  const units = inputs.units.map((u) => localised(u, text));
  const all = units.map((u) => u.unit);
  const series = all.map((unit) => ({ key: unit.key, label: unitLabel(unit, all, text) }));
  const incomplete = all.flatMap((unit, i) => incompleteOf(unit, series[i]!.label, text) ?? []);
  const nothingLoaded = all.every((unit) => unit.loaded === 0);
  const context: Context = { filters, per: inputs.per, units, series, incomplete, nothingLoaded, subject: subjectOf(inputs.surs, text), text };
  return [
    positionChart(context),
    wordingChart(context),
    themeChart(context),
    regionChart(context),
    acceptanceChart(context),
    actionChart(context),
    statesChart(context),
    statusTimelineChart(context, inputs.timeline),
  ];
}

/** One bar per unit and group, each linking to the explorer rows it counts ("Other" and `none` link nowhere). */
function countCells(context: Context, categories: ChartCategory[], pick: (u: UnitStats) => StatGroup[], dimension: ChartDimension): ChartCell[][] {
  return categories.map((category) =>
    context.units.map((u) => {
      const count = pick(u).find((g) => g.key === category.key)?.count ?? 0;
      return { value: count, text: context.text.number(count), href: count > 0 ? unitHref(context.filters, u.unit.narrow, { [dimension]: [category.key] }) : null };
    }),
  );
}

const countOf = (groups: StatGroup[], key: string): number => groups.find((g) => g.key === key)?.count ?? 0;

function summarise(context: Context, line: (u: UnitStats) => string): string[] {
  const { t } = context.text;
  return context.units.map((u, i) => {
    const label = context.series[i]!.label;
    if (u.unit.loaded === 0) return t("summary.line", { label, text: t("summary.nothingLoaded") });
    return t("summary.line", { label, text: u.stats.position.total === 0 ? t("summary.noMatch") : line(u) });
  });
}

function positionChart(context: Context): ChartData {
  const { t } = context.text;
  const columns = columnsOf(context, "position");
  const categories = categoriesOf(columns.map((c) => c.groups));
  return finish(reportedContext(context, columns), {
    id: "position",
    title: t("position.title", { subject: context.subject }),
    description: t("position.description", { subject: context.subject }),
    summary: summariseColumns(context, columns, (groups, total) => {
      const supported = countOf(groups, "supported");
      const inPart = countOf(groups, "supported-in-part");
      const noted = countOf(groups, "noted");
      return [
        t("position.supported", { count: supported, total, share: share(supported, total, context.text) }),
        inPart > 0 ? t("position.inPart", { count: inPart }) : null,
        t("position.noted", { count: noted, share: share(noted, total, context.text) }),
      ]
        .filter(Boolean)
        .join(t("summary.separator"));
    }),
    notes: reportedNotes(columns, context.text),
    categoryAxis: t("position.categoryAxis"),
    valueAxis: t("position.valueAxis"),
    series: columns.map((c) => c.series),
    categories,
    cells: categories.map((category) => columns.map((column) => cellOf(context, column, countOf(column.groups, category.key), category.key, "position"))),
  });
}

function wordingChart(context: Context): ChartData {
  const { t } = context.text;
  const columns = columnsOf(context, "wording");
  const { categories, counts } = topNWithOther(columns.map((c) => c.groups), 20, (more) => t("other", { label: t("otherWordings"), count: more }));
  return finish(reportedContext(context, columns), {
    id: "wording",
    title: t("wording.title", { subject: context.subject }),
    description: t("wording.description"),
    summary: summariseColumns(context, columns, (groups) =>
      groups.map((g) => (g.key === NONE_KEY ? t("wording.withoutResponse", { count: g.count }) : t("wording.withWording", { count: g.count, wording: g.label }))).join(t("summary.separator")),
    ),
    notes: [t("wording.note"), ...reportedNotes(columns, context.text)],
    categoryAxis: t("wording.categoryAxis"),
    valueAxis: t("wording.valueAxis"),
    series: columns.map((c) => c.series),
    categories,
    cells: categories.map((category, i) => columns.map((column, s) => cellOf(context, column, counts[i]?.[s] ?? 0, category.key, "wording"))),
  });
}

function themeChart(context: Context): ChartData {
  const { t } = context.text;
  const { categories, counts } = topNWithOther(context.units.map((u) => subjectThemes(u.stats.theme.groups)), TOP_THEMES, (more) => t("other", { label: t("otherThemes"), count: more }));
  const cells = categories.map((category, i) =>
    context.units.map((u, s) => {
      const count = category.key === OTHER_KEY ? u.themeOther : (counts[i]?.[s] ?? 0);
      return { value: count, text: context.text.number(count), href: count > 0 ? unitHref(context.filters, u.unit.narrow, { theme: [category.key] }) : null };
    }),
  );
  return finish(context, {
    id: "theme",
    title: t("theme.title", { top: TOP_THEMES }),
    description: t("theme.description", { top: TOP_THEMES }),
    summary: summarise(context, (r) => {
      const top = subjectThemes(r.stats.theme.groups).find((g) => g.key !== NONE_KEY);
      return top ? t("theme.top", { theme: top.label, count: top.count, total: r.stats.theme.total }) : t("theme.noTheme");
    }),
    notes: [t("theme.noteSeveral"), t("theme.noteOther"), t("theme.noteSdg")],
    categoryAxis: t("theme.categoryAxis"),
    valueAxis: t("theme.valueAxis"),
    series: context.series,
    categories,
    cells,
  });
}

function regionChart(context: Context): ChartData {
  const { t } = context.text;
  const categories = categoriesOf(context.units.map((r) => r.stats.region.groups));
  return finish(context, {
    id: "region",
    title: t("region.title"),
    description: t("region.description"),
    summary: summarise(context, (r) => {
      const top = [...r.stats.region.groups].filter((g) => g.key !== NONE_KEY).sort((a, b) => b.count - a.count)[0];
      const total = r.stats.region.total;
      return top ? t("region.top", { region: top.label, count: top.count, total, share: share(top.count, total, context.text) }) : t("region.noRegion");
    }),
    notes: [t("region.note")],
    categoryAxis: t("region.categoryAxis"),
    valueAxis: t("region.valueAxis"),
    series: context.series,
    categories,
    cells: countCells(context, categories, (r) => r.stats.region.groups, "region"),
  });
}

function acceptanceChart(context: Context): ChartData {
  const { t } = context.text;
  const categories = categoriesOf(context.units.map((r) => r.stats.region.groups)).filter((c) => c.key !== NONE_KEY);
  const accepted = acceptedPositions(context.filters.position) ?? [];
  const cells = categories.map((category) =>
    context.units.map((r) => {
      const part = r.acceptedByRegion ? countOf(r.acceptedByRegion.groups, category.key) : 0;
      const href = part > 0 ? unitHref(context.filters, r.unit.narrow, { region: [category.key], position: accepted }) : null;
      return rateCell(part, countOf(r.stats.region.groups, category.key), href, context.text);
    }),
  );
  return finish(context, {
    id: "acceptance",
    title: t("acceptance.title"),
    description: t("acceptance.description"),
    summary: summarise(context, (r) => {
      const all = r.stats.position.total;
      const yes = r.acceptedByRegion?.total ?? 0;
      const rates = categories
        .map((c) => ({ label: c.label, part: r.acceptedByRegion ? countOf(r.acceptedByRegion.groups, c.key) : 0, whole: countOf(r.stats.region.groups, c.key) }))
        .filter((x) => x.whole > 0)
        .sort((a, b) => a.part / a.whole - b.part / b.whole);
      const lowest = rates[0];
      const overall = t("acceptance.overall", { share: share(yes, all, context.text), count: yes, total: all });
      return lowest ? overall + t("acceptance.lowest", { region: lowest.label, share: share(lowest.part, lowest.whole, context.text), count: lowest.part, total: lowest.whole }) : overall;
    }),
    notes: [t("acceptance.note")],
    categoryAxis: t("acceptance.categoryAxis"),
    valueAxis: t("acceptance.valueAxis"),
    unit: "percent",
    series: context.series,
    categories,
    cells,
  });
}

function actionChart(context: Context): ChartData {
  const { t } = context.text;
  const categories = categoriesOf(context.units.map((r) => r.stats.action.groups));
  return finish(context, {
    id: "action",
    title: t("action.title"),
    description: t("action.description"),
    summary: summarise(context, (r) => {
      const { groups, total } = r.stats.action;
      if (countOf(groups, NONE_KEY) === total) return t("action.noneRecorded", { total });
      const specific = countOf(groups, "5");
      const continuing = countOf(groups, "2");
      return t("action.specific", {
        specific,
        total,
        specificShare: share(specific, total, context.text),
        continuing,
        continuingShare: share(continuing, total, context.text),
      });
    }),
    notes: [t("action.note")],
    categoryAxis: t("action.categoryAxis"),
    valueAxis: t("action.valueAxis"),
    series: context.series,
    categories,
    cells: countCells(context, categories, (r) => r.stats.action.groups, "action"),
  });
}

function statesChart(context: Context): ChartData {
  const { t } = context.text;
  const states = (r: UnitStats) => r.stats.state.groups.filter((g) => g.key !== NONE_KEY).length;
  return finish(context, {
    id: "states",
    title: t("states.title"),
    description: t("states.description"),
    summary: summarise(context, (r) => t("states.summary", { states: states(r), total: r.stats.state.total })),
    categoryAxis: t(`unit.axis.${context.per}`),
    valueAxis: t("states.valueAxis"),
    series: [{ key: "states", label: t("series.recommendingStates") }],
    categories: context.series,
    cells: context.units.map((r) => [{ value: states(r), text: context.text.number(states(r)), href: states(r) > 0 ? unitHref(context.filters, r.unit.narrow) : null }]),
  });
}
