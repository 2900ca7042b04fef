"use client";

import { Fragment } from "react";
import { withLocale, type Locale } from "@/lib/i18n/routing";
import { rowLabel } from "@/lib/i18n/row-labels";

/** A State under review and its reviews as [id, cycle, year]. */
export type ReviewsByStateRow = { iso3: string; name: string; reviews: (readonly [number, number, number | null])[] };

/** The table's texts; `reviewOf` and `exploreOf` are message templates of plain arguments, filled per row. */
export type ReviewsByStateLabels = Record<"heading" | "count" | "intro" | "caption" | "state" | "reviews" | "recommendations" | "separator" | "explore" | "reviewOf" | "exploreOf", string>;

/**
 * The first page's table of States under review, drawn from compact rows. Its hundreds of links are plain anchors (a
 * page load each): a client-side link per row would cost more to render than the table.
 */
export function ReviewsByStateTable({
  rows,
  labels,
  cycles,
  locale,
}: {
  rows: ReviewsByStateRow[];
  labels: ReviewsByStateLabels;
  cycles: Record<string, string>;
  locale: Locale;
}) {
  const path = (href: string): string => withLocale(href, locale);
  const reviewOf = rowLabel(labels.reviewOf);
  const exploreOf = rowLabel(labels.exploreOf);
  return (
    <section aria-labelledby="by-state-heading" data-testid="reviews-by-state">
      <h2 id="by-state-heading">
        {labels.heading} <span className="muted">({labels.count})</span>
      </h2>
      <p className="muted">{labels.intro}</p>
      <div className="table-scroll">
        <table className="data-table compact">
          <caption className="visually-hidden">{labels.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.state}</th>
              <th scope="col">{labels.reviews}</th>
              <th scope="col">{labels.recommendations}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((state) => (
              <tr key={state.iso3} data-testid={`by-state-${state.iso3}`}>
                <th scope="row">
                  <a href={path(`/states/${state.iso3}`)}>{state.name}</a>
                </th>
                <td>
                  {state.reviews.map(([id, cycle, year], index) => (
                    <Fragment key={id}>
                      {index > 0 ? labels.separator : null}
                      <a href={path(`/reviews/${id}`)}>
                        {year === null ? cycles[`${cycle}`] : String(year)}
                        <span className="visually-hidden">{reviewOf({ state: state.name, cycle: cycles[`${cycle}:${year}`] ?? "" })}</span>
                      </a>
                    </Fragment>
                  ))}
                </td>
                <td>
                  <a href={path(`/recommendations?sur=${state.iso3}`)}>
                    {labels.explore}
                    <span className="visually-hidden">{exploreOf({ state: state.name })}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
