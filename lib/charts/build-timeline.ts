import { STATUS_LABELS } from "@/components/recommendations/assessment-labels";
import { ASSESSMENT_STATUSES } from "@/lib/schemas/assessment";
import type { RecommendationFilters } from "@/lib/search-params";
import type { StatusTimeline } from "@/lib/server/stats-timeline";
import type { ChartData } from "./chart-data";
import { finish } from "./finish";

const RECORDED = ASSESSMENT_STATUSES.filter((status) => status !== "not_assessed");
const NOT_YET = "not_yet_assessed";

/**
 * Implementation status of the accepted recommendations at the end of each year with assessments, stacked: one bar
 * per year, one segment per status, plus those not assessed by then. The explorer filters by the CURRENT status, not
 * a past one, so the segments carry no links; the notes link nowhere either and say so.
 */
export function statusTimelineChart(context: { filters: RecommendationFilters; incomplete: string[] }, timeline: StatusTimeline): ChartData {
  const mine = context.filters.statusOf === "mine";
  const whose = mine ? "your organisation's assessments" : "public assessments";
  const series = [...RECORDED.map((status) => ({ key: status, label: STATUS_LABELS[status] })), { key: NOT_YET, label: "Not assessed yet" }];
  const categories = timeline.years.map((y) => ({ key: String(y.year), label: `End of ${y.year}` }));
  const cells = timeline.years.map((y) =>
    series.map((s) => {
      const value = s.key === NOT_YET ? y.notYetAssessed : (y.counts[s.key as (typeof RECORDED)[number]] ?? 0);
      return { value, text: String(value), href: null };
    }),
  );
  const last = timeline.years.at(-1);
  const summary = last
    ? [
        `End of ${last.year}, of ${timeline.accepted} supported recommendations: ` +
          [...RECORDED.filter((s) => (last.counts[s] ?? 0) > 0).map((s) => `${last.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`), `${last.notYetAssessed} not assessed yet`].join(", "),
      ]
    : [];
  return finish(context, {
    id: "status-over-time",
    title: "Implementation of the supported recommendations over time",
    description: `Stacked bar chart: at the end of each year, how many supported recommendations had each implementation status, according to ${whose}.`,
    summary,
    notes: [
      `From ${whose}: each organisation's latest assessment dated on or before 31 December of the year. A recommendation assessed by two organisations counts under each one's status.`,
    ],
    categoryAxis: "Year",
    valueAxis: "Supported recommendations",
    stacked: true,
    series,
    categories,
    cells,
    empty: timeline.years.length === 0 ? `No ${mine ? "assessment by your organisation" : "public assessment"} of these supported recommendations yet.` : null,
  });
}
