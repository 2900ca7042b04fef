"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/client-navigation";
import { useRef, useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartData } from "@/lib/charts/chart-data";
import { patternId, SeriesPattern } from "./chart-style";
import { downloadPng, downloadSvg, textWidth } from "./download";

type Row = { category: string } & Record<string, number | string | null>;

const BAR = 18;
const TICK_FONT = 12;
/** The category axis is as wide as its longest label (Chinese labels are short), up to a limit beyond which labels wrap. */
const MAX_AXIS = 230;
const noSubscription = () => () => {};
const GAP = 14;

/**
 * The SVG drawing of a chart, on the client only: recharts sets inline styles, which the page's CSP (no
 * 'unsafe-inline' for styles) refuses in server-rendered HTML but allows through the DOM after mount. Until then, and
 * without JavaScript, the server-rendered table carries the same numbers. Clicking a bar opens its rows in the explorer.
 */
export function ChartDrawing({ chart }: { chart: ChartData }) {
  const router = useRouter();
  const t = useTranslations("charts.figure");
  const f = useFormatter();
  const frame = useRef<HTMLDivElement>(null);
  // False on the server and while hydrating, true once mounted: the drawing never reaches server HTML.
  const mounted = useSyncExternalStore(noSubscription, () => true, () => false);

  const rows: Row[] = chart.categories.map((category, i) => {
    const row: Row = { category: category.label };
    chart.series.forEach((_, s) => {
      row[`v${s}`] = chart.cells[i]?.[s]?.value ?? 0;
      row[`h${s}`] = chart.cells[i]?.[s]?.href ?? null;
    });
    return row;
  });
  const perCategory = chart.stacked ? BAR + 6 : chart.series.length * BAR + GAP;
  const height = Math.max(160, chart.categories.length * perCategory + 70);
  const multi = chart.series.length > 1 && !chart.stacked;
  const axisWidth = Math.min(MAX_AXIS, Math.max(64, Math.ceil(Math.max(0, ...rows.map((row) => textWidth(row.category, TICK_FONT)))) + 32));
  const format = (value: number): string => (chart.unit === "percent" ? f.number(value / 100, { style: "percent", maximumFractionDigits: 1 }) : f.number(value));
  const svgElement = (): SVGSVGElement | null => frame.current?.querySelector("svg.recharts-surface") ?? null;

  if (!mounted) return <p className="muted chart-loading">{t("drawing")}</p>;
  return (
    <>
      <div ref={frame} className="chart-frame" data-testid={`chart-svg-${chart.id}`}>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 8, right: multi ? 112 : 56, bottom: 28, left: 8 }}
            title={chart.title}
            desc={`${chart.description} ${chart.summary.join(". ")}. ${chart.incomplete.join(". ")}`.trim()}
            role="img"
            accessibilityLayer={false}
            barCategoryGap={chart.stacked ? 3 : 6}
          >
            <defs>
              {chart.series.map((_, s) => (
                <SeriesPattern key={s} chartId={chart.id} index={s} />
              ))}
            </defs>
            <CartesianGrid horizontal={false} stroke="#d0d7de" />
            <XAxis
              type="number"
              domain={chart.unit === "percent" ? [0, 100] : [0, "auto"]}
              allowDecimals={false}
              tickFormatter={format}
              label={{ value: chart.valueAxis, position: "insideBottom", offset: -16 }}
            />
            <YAxis type="category" dataKey="category" width={axisWidth} interval={0} tick={{ fontSize: TICK_FONT }} />
            <Tooltip formatter={(value) => format(Number(value))} />
            {chart.series.map((series, s) => (
              <Bar
                key={series.key}
                dataKey={`v${s}`}
                name={series.label}
                stackId={chart.stacked ? "stack" : undefined}
                fill={`url(#${patternId(chart.id, s)})`}
                stroke="#1b1f24"
                strokeWidth={series.reported ? 1.5 : 0.5}
                strokeDasharray={series.reported ? "4 3" : undefined}
                barSize={chart.stacked ? BAR + 2 : BAR - 2}
                isAnimationActive={false}
                className="chart-bar"
                onClick={(_, index) => {
                  const href = rows[index]?.[`h${s}`];
                  if (typeof href === "string") router.push(href);
                }}
              >
                {chart.stacked ? null : (
                  <LabelList
                    dataKey={`v${s}`}
                    position="right"
                    fontSize={12}
                    fill="#1b1f24"
                    formatter={(value) => (multi ? t("barLabel", { series: series.short ?? series.label, value: format(Number(value)) }) : format(Number(value)))}
                  />
                )}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="chart-downloads" role="group" aria-label={t("downloads", { title: chart.title })}>
        <button type="button" className="button-quiet" onClick={() => downloadSvg(svgElement(), chart, t("source"))} data-testid={`download-svg-${chart.id}`}>
          {t("downloadSvg")}
        </button>
        <button type="button" className="button-quiet" onClick={() => void downloadPng(svgElement(), chart, t("source"))} data-testid={`download-png-${chart.id}`}>
          {t("downloadPng")}
        </button>
      </div>
    </>
  );
}
