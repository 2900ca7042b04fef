import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import type { ChartData } from "@/lib/charts/chart-data";

/** The chart's numbers as a table, rendered on the server: it reads without JavaScript, and every count opens its rows. */
export function ChartTable({ chart }: { chart: ChartData }) {
  const t = useTranslations("charts.figure");
  return (
    <div className="table-scroll">
      <table className="data-table chart-table" data-testid={`chart-table-${chart.id}`}>
        <caption className="visually-hidden">
          {t("tableCaption", { title: chart.title, valueAxis: chart.valueAxis.toLowerCase(), categoryAxis: chart.categoryAxis.toLowerCase() })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{chart.categoryAxis}</th>
            {chart.series.map((series) => (
              <th scope="col" className="num" key={series.key}>
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
                  <td className="num" key={series.key}>
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
