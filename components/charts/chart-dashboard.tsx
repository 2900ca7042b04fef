import { buildCharts } from "@/lib/charts/build-charts";
import type { RecommendationFilters } from "@/lib/search-params";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { loadChartInputs } from "@/lib/server/review-charts";
import { ChartFigure } from "./chart-figure";

/** Every chart for the reviews the filters select: one series per review, side by side. */
export async function ChartDashboard({ filters, scope }: { filters: RecommendationFilters; scope: ViewerScope }) {
  const inputs = await loadChartInputs(filters, scope);
  if (inputs.reviews.length === 0) {
    return (
      <div className="empty-state" role="status">
        <h2>No review matches these filters</h2>
        <p>Choose a State under review or a cycle, for example China&rsquo;s 2nd and 3rd cycles.</p>
      </div>
    );
  }
  return (
    <div className="chart-list">
      {buildCharts(inputs, filters).map((chart) => (
        <ChartFigure key={chart.id} chart={chart} />
      ))}
    </div>
  );
}
