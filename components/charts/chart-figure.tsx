import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ChartData } from "@/lib/charts/chart-data";
import { ChartDrawing } from "./chart-drawing";
import { ChartTable } from "./chart-table";
import { Swatch } from "./chart-style";

/**
 * One chart as a figure: a heading that says what is counted, a one-line summary per review, the incomplete-list
 * warning, the drawing (client), a legend and the data table (server, so it reads without JavaScript), and downloads.
 * `children` come last, e.g. the definitions of the action categories under their chart.
 */
export function ChartFigure({ chart, headingLevel = 2, children }: { chart: ChartData; headingLevel?: 2 | 3; children?: ReactNode }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `chart-${chart.id}-heading`;
  const t = useTranslations("charts.figure");
  return (
    <figure className="chart" aria-labelledby={headingId} data-testid={`chart-${chart.id}`}>
      <Heading id={headingId} className="chart-title">
        {chart.title}
      </Heading>
      {chart.incomplete.length > 0 ? (
        <p className="notice chart-incomplete" data-testid={`chart-incomplete-${chart.id}`}>
          {t("incomplete", { notes: chart.incomplete.join(t("noteSeparator")) })}
        </p>
      ) : null}
      {chart.summary.length > 0 ? (
        <ul className="chart-summary">
          {chart.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <div className="chart-body">
        <div className="chart-plot">
          {chart.empty ? (
            <div className="empty-state" role="status">
              <p>{chart.empty}</p>
            </div>
          ) : (
            <>
              {chart.series.length > 1 ? (
                <ul className="chart-legend" aria-label={t("legend")}>
                  {chart.series.map((series, s) => (
                    <li key={series.key} className={series.reported ? "chart-reported" : undefined}>
                      <Swatch chartId={chart.id} index={s} /> {series.label}
                    </li>
                  ))}
                </ul>
              ) : null}
              <ChartDrawing chart={chart} />
              <p className="muted chart-hint">
                {chart.cells.some((row) => row.some((cell) => cell.href)) ? t("hint") : null}
              </p>
            </>
          )}
        </div>
        {chart.categories.length > 0 ? (
        <div className="chart-data">
          <ChartTable chart={chart} />
          <p className="chart-csv">
            <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(chart.csv)}`} download={chart.fileName} data-testid={`download-csv-${chart.id}`}>
              {t("downloadCsv")}
            </a>
          </p>
        </div>
        ) : null}
      </div>
      {chart.notes.length > 0 ? (
        <figcaption className="muted chart-notes">
          {chart.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </figcaption>
      ) : null}
      {children}
    </figure>
  );
}
