import type { RecommendationFilters } from "@/lib/search-params";
import type { ChartInputs, ReviewStats } from "@/lib/server/review-charts";
import { NONE_KEY, type StatGroup } from "@/lib/stats";
import { statusTimelineChart } from "./build-timeline";
import { acceptedPositions, explorerHref, OTHER_KEY, subjectThemes, TOP_THEMES, incompleteNote, rateCell, seriesLabel, share, topNWithOther, type ChartCategory, type ChartCell, type ChartData, type ChartSeries } from "./chart-data";
import { categoriesOf, finish } from "./finish";

/**
 * The charts of the dashboard (one review) and of the comparison (one series per review), built from counted stats.
 * Pure: every number, link, summary line and CSV row is decided here, once, and drawn twice (SVG and table).
 */

export type Context = { filters: RecommendationFilters; reviews: ReviewStats[]; series: ChartSeries[]; incomplete: string[]; nothingLoaded: boolean; subject: string };

/** "China" or "China and Viet Nam": whose reviews the charts show. */
function subjectOf(reviews: ReviewStats[]): string {
  const names = [...new Set(reviews.map((r) => r.review.stateUnderReview.name))];
  return names.length <= 2 ? names.join(" and ") : "the States under review";
}

export function buildCharts(inputs: ChartInputs, filters: RecommendationFilters): ChartData[] {
  const reviews = inputs.reviews;
  const all = reviews.map((r) => r.review);
  const series = all.map((review) => ({ key: String(review.id), label: seriesLabel(review, all) }));
  const incomplete = all.flatMap((review, i) => incompleteNote(review, series[i]!.label) ?? []);
  const nothingLoaded = all.every((review) => review.loaded === 0);
  const context: Context = { filters, reviews, series, incomplete, nothingLoaded, subject: subjectOf(reviews) };
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

/** One bar per review and group, each linking to the explorer rows it counts. */
function countCells(context: Context, categories: ChartCategory[], pick: (r: ReviewStats) => StatGroup[], dimension: "position" | "wording" | "theme" | "region" | "action" | "state"): ChartCell[][] {
  return categories.map((category) =>
    context.reviews.map((r) => {
      const count = pick(r).find((g) => g.key === category.key)?.count ?? 0;
      return { value: count, text: String(count), href: count > 0 ? explorerHref(context.filters, r.review.id, { [dimension]: [category.key] }) : null };
    }),
  );
}

const countOf = (groups: StatGroup[], key: string): number => groups.find((g) => g.key === key)?.count ?? 0;

function summarise(context: Context, line: (r: ReviewStats) => string): string[] {
  return context.reviews.map((r, i) => {
    const label = context.series[i]!.label;
    if (r.review.loaded === 0) return `${label}: none of its recommendations is loaded yet`;
    return `${label}: ${r.stats.position.total === 0 ? "no recommendation loaded matches these filters" : line(r)}`;
  });
}

function positionChart(context: Context): ChartData {
  const categories = categoriesOf(context.reviews.map((r) => r.stats.position.groups));
  return finish(context, {
    id: "position",
    title: `Recommendations to ${context.subject} by response: supported or noted`,
    description: `Bar chart: for each review, how many recommendations ${context.subject} supported, supported in part or noted.`,
    summary: summarise(context, (r) => {
      const { groups, total } = r.stats.position;
      const inPart = countOf(groups, "supported-in-part");
      return [
        `${countOf(groups, "supported")} of ${total} supported (${share(countOf(groups, "supported"), total)})`,
        inPart > 0 ? `${inPart} supported in part` : null,
        `${countOf(groups, "noted")} noted (${share(countOf(groups, "noted"), total)})`,
      ]
        .filter(Boolean)
        .join(", ");
    }),
    categoryAxis: "Response",
    valueAxis: "Recommendations",
    series: context.series,
    categories,
    cells: countCells(context, categories, (r) => r.stats.position.groups, "position"),
  });
}

function wordingChart(context: Context): ChartData {
  const { categories } = topNWithOther(context.reviews.map((r) => r.stats.wording.groups), 20);
  return finish(context, {
    id: "wording",
    title: `Recommendations by the words ${context.subject} used in its response`,
    description: `Bar chart: for each review, how many recommendations received each response wording, as the State wrote it.`,
    summary: summarise(context, (r) => r.stats.wording.groups.map((g) => `${g.count} ${g.key === NONE_KEY ? "without a response" : `“${g.label}”`}`).join(", ")),
    notes: ["The wording is the State's own (for example “accepted”, “supported”, “noted”); the first chart maps it to supported or noted."],
    categoryAxis: "Response as worded by the State",
    valueAxis: "Recommendations",
    series: context.series,
    categories,
    cells: countCells(context, categories, (r) => r.stats.wording.groups, "wording"),
  });
}

function themeChart(context: Context): ChartData {
  const { categories, counts } = topNWithOther(context.reviews.map((r) => subjectThemes(r.stats.theme.groups)), TOP_THEMES, "Other themes");
  const cells = categories.map((category, i) =>
    context.reviews.map((r, s) => {
      const count = category.key === OTHER_KEY ? r.themeOther : (counts[i]?.[s] ?? 0);
      return { value: count, text: String(count), href: count > 0 ? explorerHref(context.filters, r.review.id, { theme: [category.key] }) : null };
    }),
  );
  return finish(context, {
    id: "theme",
    title: `The ${TOP_THEMES} most frequent themes of the recommendations, with all others grouped`,
    description: `Bar chart: for each review, how many recommendations concern each of the ${TOP_THEMES} most frequent themes, and how many concern only other themes.`,
    summary: summarise(context, (r) => {
      const top = subjectThemes(r.stats.theme.groups).find((g) => g.key !== NONE_KEY);
      return top ? `most frequent theme “${top.label}” (${top.count} of ${r.stats.theme.total})` : "no theme recorded";
    }),
    notes: [
      "A recommendation with several themes counts under each, so the bars of a review can add up to more than its recommendations.",
      "“Other themes” counts the recommendations that have none of the themes above (each once); it has no single explorer filter.",
      "Sustainable Development Goals are left out here (a second classification beside the themes); the explorer filters by them.",
    ],
    categoryAxis: "Theme",
    valueAxis: "Recommendations",
    series: context.series,
    categories,
    cells,
  });
}

function regionChart(context: Context): ChartData {
  const categories = categoriesOf(context.reviews.map((r) => r.stats.region.groups));
  return finish(context, {
    id: "region",
    title: "Recommendations by UN regional group of the recommending States",
    description: "Bar chart: for each review, how many recommendations came from States of each of the five UN regional groups.",
    summary: summarise(context, (r) => {
      const top = [...r.stats.region.groups].filter((g) => g.key !== NONE_KEY).sort((a, b) => b.count - a.count)[0];
      return top ? `most from the ${top.label} (${top.count} of ${r.stats.region.total}, ${share(top.count, r.stats.region.total)})` : "no regional group recorded";
    }),
    notes: ["A recommendation made jointly by States of two groups counts under both."],
    categoryAxis: "UN regional group",
    valueAxis: "Recommendations",
    series: context.series,
    categories,
    cells: countCells(context, categories, (r) => r.stats.region.groups, "region"),
  });
}

function acceptanceChart(context: Context): ChartData {
  const categories = categoriesOf(context.reviews.map((r) => r.stats.region.groups)).filter((c) => c.key !== NONE_KEY);
  const accepted = acceptedPositions(context.filters.position) ?? [];
  const cells = categories.map((category) =>
    context.reviews.map((r) => {
      const part = r.acceptedByRegion ? countOf(r.acceptedByRegion.groups, category.key) : 0;
      const href = part > 0 ? explorerHref(context.filters, r.review.id, { region: [category.key], position: accepted }) : null;
      return rateCell(part, countOf(r.stats.region.groups, category.key), href);
    }),
  );
  return finish(context, {
    id: "acceptance",
    title: "Share of recommendations supported (fully or in part), by regional group of the recommending States",
    description: "Bar chart: for each review and UN regional group, the percentage of its recommendations that were supported or supported in part.",
    summary: summarise(context, (r) => {
      const all = r.stats.position.total;
      const yes = r.acceptedByRegion?.total ?? 0;
      const rates = categories
        .map((c) => ({ label: c.label, part: r.acceptedByRegion ? countOf(r.acceptedByRegion.groups, c.key) : 0, whole: countOf(r.stats.region.groups, c.key) }))
        .filter((x) => x.whole > 0)
        .sort((a, b) => a.part / a.whole - b.part / b.whole);
      const lowest = rates[0];
      return `${share(yes, all)} supported overall (${yes} of ${all})${lowest ? `; lowest: ${lowest.label}, ${share(lowest.part, lowest.whole)} (${lowest.part} of ${lowest.whole})` : ""}`;
    }),
    notes: ["Rate = (supported + supported in part) ÷ all recommendations from that group. A recommendation made jointly by States of two groups counts for both."],
    categoryAxis: "UN regional group",
    valueAxis: "Supported (%)",
    unit: "percent",
    series: context.series,
    categories,
    cells,
  });
}

function actionChart(context: Context): ChartData {
  const categories = categoriesOf(context.reviews.map((r) => r.stats.action.groups));
  return finish(context, {
    id: "action",
    title: "Recommendations by action category, from 1 (minimal action) to 5 (specific action)",
    description: "Bar chart: for each review, how many recommendations fall in each of UPR Info's five action categories.",
    summary: summarise(context, (r) => {
      const { groups, total } = r.stats.action;
      if (countOf(groups, NONE_KEY) === total) return `no action category recorded for its ${total} recommendations`;
      return `${countOf(groups, "5")} of ${total} ask for specific action (${share(countOf(groups, "5"), total)}), ${countOf(groups, "2")} for continuing action (${share(countOf(groups, "2"), total)})`;
    }),
    notes: ["UPR Info's scale: 1 minimal, 2 continuing, 3 considering, 4 general, 5 specific action. “Continue…” recommendations are mostly a show of support; specific ones can be checked."],
    categoryAxis: "Action category",
    valueAxis: "Recommendations",
    series: context.series,
    categories,
    cells: countCells(context, categories, (r) => r.stats.action.groups, "action"),
  });
}

function statesChart(context: Context): ChartData {
  const states = (r: ReviewStats) => r.stats.state.groups.filter((g) => g.key !== NONE_KEY).length;
  return finish(context, {
    id: "states",
    title: "How many States made recommendations in each review",
    description: "Bar chart: the number of distinct recommending States in each review, a measure of how much concern the review drew.",
    summary: summarise(context, (r) => `${states(r)} States made ${r.stats.state.total} recommendations`),
    categoryAxis: "Review",
    valueAxis: "Recommending States",
    series: [{ key: "states", label: "Recommending States" }],
    categories: context.series,
    cells: context.reviews.map((r) => [{ value: states(r), text: String(states(r)), href: states(r) > 0 ? explorerHref(context.filters, r.review.id) : null }]),
  });
}
