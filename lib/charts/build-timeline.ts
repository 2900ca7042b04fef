import { ASSESSMENT_STATUSES } from "@/lib/schemas/assessment";
import type { RecommendationFilters } from "@/lib/search-params";
import type { StatusTimeline } from "@/lib/server/stats/timeline";
import type { ChartData } from "./chart-data";
import type { ChartText } from "./chart-text";
import { finish } from "./finish";

const RECORDED = ASSESSMENT_STATUSES.filter((status) => status !== "not_assessed");
const NOT_YET = "not_yet_assessed";

/**
 * Implementation status of the accepted recommendations at the end of each year with assessments, stacked: one bar
 * per year, one segment per status, plus those not assessed by then. The explorer filters by the CURRENT status, not
 * a past one, so the segments carry no links; the notes link nowhere either and say so.
 */
export function statusTimelineChart(context: { filters: RecommendationFilters; incomplete: string[]; text: ChartText }, timeline: StatusTimeline): ChartData {
  const { t, term } = context.text;
  const mine = context.filters.statusOf === "mine";
  const whose = t(mine ? "timeline.whoseMine" : "timeline.whosePublic");
  const series = [...RECORDED.map((status) => ({ key: status, label: term(`status.${status}`) })), { key: NOT_YET, label: t("timeline.notYet") }];
  const categories = timeline.years.map((y) => ({ key: String(y.year), label: t("timeline.endOf", { year: String(y.year) }) }));
  const cells = timeline.years.map((y) =>
    series.map((s) => {
      const value = s.key === NOT_YET ? y.notYetAssessed : (y.counts[s.key as (typeof RECORDED)[number]] ?? 0);
      return { value, text: context.text.number(value), href: null };
    }),
  );
  const last = timeline.years.at(-1);
  const summary = last
    ? [
        t("timeline.summary", {
          year: String(last.year),
          accepted: timeline.accepted,
          counts: [
            ...RECORDED.filter((s) => (last.counts[s] ?? 0) > 0).map((s) => t("timeline.statusCount", { count: last.counts[s] ?? 0, status: term(`status.${s}`).toLocaleLowerCase(context.text.locale) })),
            t("timeline.notYetCount", { count: last.notYetAssessed }),
          ].join(t("summary.separator")),
        }),
      ]
    : [];
  return finish(context, {
    id: "status-over-time",
    title: t("timeline.title"),
    description: t("timeline.description", { whose }),
    summary,
    notes: [t("timeline.note", { whose })],
    categoryAxis: t("timeline.categoryAxis"),
    valueAxis: t("timeline.valueAxis"),
    stacked: true,
    series,
    categories,
    cells,
    empty: timeline.years.length === 0 ? t(mine ? "timeline.emptyMine" : "timeline.emptyPublic") : null,
  });
}
