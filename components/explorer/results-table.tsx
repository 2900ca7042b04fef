"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useParams } from "next/navigation";
import { TextLanguageNote } from "@/components/recommendations/text-language-note";
import { Link } from "@/lib/i18n/navigation";
import { ACTION_LABELS, POSITION_PARAM_LABELS, POSITION_PARAMS, actionCategoryMethodLabel, cycleLabel } from "@/lib/labels";
import { localeFromParams, pickRecommendationText } from "@/lib/recommendation-text";
import { toSearchString, type RecommendationQuery, type Sort } from "@/lib/search-params";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { Highlighted } from "./highlighted";

const column = createColumnHelper<RecommendationRow>();

function SortLink({ query, label, asc, desc }: { query: RecommendationQuery; label: string; asc: Sort; desc: Sort }) {
  const active = query.sort === asc ? "ascending" : query.sort === desc ? "descending" : null;
  const next = query.sort === desc ? asc : desc;
  return (
    <Link href={`/recommendations${toSearchString({ ...query, sort: next, page: 1 })}`} className="sort-link">
      {label} <span aria-hidden="true">{active === "ascending" ? "▲" : active === "descending" ? "▼" : "↕"}</span>
      <span className="visually-hidden">{active ? `, sorted ${active}` : ", sort"}</span>
    </Link>
  );
}

/** The text a row shows in the interface's language: an official version in it, else the text as published. */
function shownText(row: RecommendationRow, locale: string) {
  return pickRecommendationText(row, row.officialTexts, locale);
}

function columns(query: RecommendationQuery, locale: string) {
  return [
    column.accessor("paragraph", {
      header: () => <SortLink query={query} label="Review · paragraph" asc="cycle" desc="-cycle" />,
      cell: ({ row }) => (
        <>
          <div>{row.original.stateUnderReview.name}</div>
          <div className="muted">
            {cycleLabel(row.original.cycle)} · {row.original.paragraph ? `¶ ${row.original.paragraph}` : "UPR Info row"}
          </div>
        </>
      ),
    }),
    column.accessor("text", {
      header: "Recommendation",
      cell: ({ row }) => {
        const shown = shownText(row.original, locale);
        // Search highlights mark words of the published text; another official version is shown plain.
        return (
          <Link href={`/recommendations/${row.original.id}`} className="rec-text" lang={shown.language}>
            {shown.published ? <Highlighted text={shown.text} segments={row.original.highlight} /> : shown.text}
          </Link>
        );
      },
    }),
    column.accessor("recommendingStates", {
      header: "Recommended by",
      cell: ({ getValue }) => getValue().map((s) => s.name).join(", "),
    }),
    column.accessor("position", {
      header: () => <SortLink query={query} label="Response" asc="position" desc="-position" />,
      cell: ({ row }) => {
        const position = row.original.position;
        if (!position) return <span className="muted">No response recorded</span>;
        const param = POSITION_PARAMS[position];
        return (
          <>
            <span className={`position position-${param}`}>{POSITION_PARAM_LABELS[param]}</span>
            {row.original.responseWording && row.original.responseWording.toLowerCase() !== POSITION_PARAM_LABELS[param].toLowerCase() ? (
              <div className="muted">“{row.original.responseWording}”</div>
            ) : null}
          </>
        );
      },
    }),
    column.accessor("actionCategory", {
      header: () => <SortLink query={query} label="Action" asc="action" desc="-action" />,
      cell: ({ row }) => {
        const { actionCategory, actionCategoryMethod, actionCategoryRules, actionCategorySource } = row.original;
        if (actionCategory === null) return <span className="muted">None</span>;
        return (
          <div className="action-cell">
            <div>{ACTION_LABELS[actionCategory] ?? actionCategory}</div>
            <div className="muted" data-testid="action-method">{actionCategoryMethodLabel(actionCategoryMethod, actionCategoryRules, actionCategorySource)}</div>
          </div>
        );
      },
    }),
    column.accessor("themes", {
      header: "Themes",
      cell: ({ getValue }) => {
        const themes = getValue().filter((t) => t.scheme !== "AFFECTED_PERSONS");
        const shown = themes.slice(0, 3);
        return (
          <ul className="theme-list">
            {shown.map((t) => (
              <li key={t.slug}>{t.code && t.scheme === "UHRI_CODED" ? `${t.code} ${t.name}` : t.name}</li>
            ))}
            {themes.length > shown.length ? <li className="muted">+{themes.length - shown.length} more</li> : null}
          </ul>
        );
      },
    }),
  ];
}

/** The page of results: TanStack Table renders it; paging and sorting happen in PostgreSQL through the URL. */
export function ResultsTable({ rows, query }: { rows: RecommendationRow[]; query: RecommendationQuery }) {
  const locale = localeFromParams(useParams());
  const languages = [...new Set(rows.map((row) => shownText(row, locale).language))];
  // Paging and sorting are server-side, so nothing here benefits from memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: columns(query, locale),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    getRowId: (row) => String(row.id),
  });
  return (
    <div className="table-scroll">
      {languages.map((language) => (
        <TextLanguageNote key={language} language={language} locale={locale} />
      ))}
      <table className="data-table results-table">
        <caption className="visually-hidden">Recommendations matching the filters</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="result-row" data-paragraph={row.original.paragraph ?? ""}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
