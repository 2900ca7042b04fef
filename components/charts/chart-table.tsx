import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import type { ChartData } from "@/lib/charts/chart-data";

/** The chart's numbers as a table, rendered on the server: it reads without JavaScript, and every count opens its rows. */
export function ChartTable({ chart }: { chart: ChartData }) {
  const t = useTranslations("charts.figure");
  const caption = t("tableCaption", { title: chart.title, valueAxis: chart.valueAxis.toLowerCase(), categoryAxis: chart.categoryAxis.toLowerCase() });
  return (
    // A wide table scrolls sideways: the keyboard must reach it to scroll it, also where no cell has a link.
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table chart-table" data-testid={`chart-table-${chart.id}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{chart.categoryAxis}</th>
            {chart.series.map((series) => (
              <th scope="col" className={series.reported ? "num chart-reported" : "num"} key={series.key} data-reported={series.reported ? "true" : undefined}>
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.categories.map((category, i) => (
            <tr key={category.key}>
              <th scope="row">{category.label}</th>
              {chart.series.map((series, s) => {
                const cell = chart.cells[i]?.[s];
                if (!cell) return <td key={series.key} />;
                return (
                  <td className={series.reported ? "num chart-reported" : "num"} key={series.key}>
                    {cell.href ? (
                      <Link href={cell.href} aria-label={t("cellLink", { text: cell.text, category: category.label, series: series.label })}>
                        {cell.text}
                      </Link>
                    ) : (
                      cell.text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
