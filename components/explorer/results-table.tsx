import { createColumnHelper, createTable, flexRender, getCoreRowModel } from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { TextLanguageNote } from "@/components/recommendations/text-language-note";
import { Link } from "@/lib/i18n/navigation";
import { POSITION_PARAM_LABELS, POSITION_PARAMS } from "@/lib/labels";
import { pickRecommendationText } from "@/lib/recommendation-text";
import type { RecommendationQuery, Sort } from "@/lib/search-params";
import type { FindingBodies } from "@/lib/server/finding-links";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { Highlighted } from "./highlighted";
import { cycleTerm } from "@/lib/cycles/label";
import { actionTerm, type TermsTranslator } from "./term-labels";

type Translator = (key: string, values?: Record<string, string | number>) => string;
/** `years`: the year of each review on the page, by review id (from the loaded reviews, not a query per row). */
type Words = {
  t: Translator;
  terms: TermsTranslator;
  names: Record<string, string>;
  years: Record<number, number | null>;
  categories: Translator;
  /** The UN bodies whose confirmed findings bear on each row, by stance (lib/server/finding-links). */
  findingBodies: Record<number, FindingBodies>;
};

const column = createColumnHelper<RecommendationRow>();

/** The explorer's address for each sort, from the page (the query's serialiser stays on the server, with zod). */
export type SortHrefs = Record<Sort, string>;

function SortLink({ query, hrefs, label, asc, desc, t }: { query: RecommendationQuery; hrefs: SortHrefs; label: string; asc: Sort; desc: Sort; t: Translator }) {
  const active = query.sort === asc ? "ascending" : query.sort === desc ? "descending" : null;
  const next = query.sort === desc ? asc : desc;
  return (
    <Link href={hrefs[next]} className="sort-link">
      {label} <span aria-hidden="true">{active === "ascending" ? "▲" : active === "descending" ? "▼" : "↕"}</span>
      <span className="visually-hidden">{active === "ascending" ? t("table.sortedAscending") : active === "descending" ? t("table.sortedDescending") : t("table.sort")}</span>
    </Link>
  );
}

/** "Contradicted by CERD, CAT": which UN bodies' linked findings bear on the government's claim, by stance. */
function FindingBodiesLine({ bodies, t }: { bodies: FindingBodies | undefined; t: Translator }) {
  if (!bodies) return null;
  const lines = (["contradicts", "supports", "context"] as const).flatMap((stance) => {
    const names = bodies[stance];
    return names && names.length > 0 ? [[stance, t(`table.findings.${stance}`, { bodies: names.join(t("table.listSeparator")) })] as const] : [];
  });
  return lines.map(([stance, text]) => (
    <div key={stance} className={`finding-bodies finding-bodies-${stance}`} data-testid={`finding-bodies-${stance}`}>
      {text}
    </div>
  ));
}

/** The first `limit` items and how many more there are. */
function fold<T>(items: T[], limit: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

/** The text a row shows in the interface's language: an official version in it, else the text as published. */
function shownText(row: RecommendationRow, locale: string) {
  return pickRecommendationText(row, row.officialTexts, locale);
}

/** How the action category was set, in words: "from the source" (or the source's name), "derived (verb-rules/1)". */
function methodText(row: RecommendationRow, t: Translator): string {
  switch (row.actionCategoryMethod) {
    case "SOURCE":
      return row.actionCategorySource ?? t("table.method.source");
    case "DERIVED":
      return row.actionCategoryRules ? t("table.method.derivedRules", { rules: row.actionCategoryRules }) : t("table.method.derived");
    case "OVERRIDE":
      return t("table.method.override");
    default:
      return "";
  }
}

/** The other categories a merged paragraph is found under, from its States' parts (none while an override stands). */
function partsText(row: RecommendationRow, { t, terms, categories }: Words): string | null {
  if (row.actionCategoryMethod === "OVERRIDE") return null;
  const others = row.actionCategories.filter((category) => category !== row.actionCategory);
  return others.length === 0 ? null : categories("table.parts", { categories: others.map((category) => actionTerm(terms, category)).join(t("table.listSeparator")) });
}

function columns(query: RecommendationQuery, hrefs: SortHrefs, locale: string, words: Words) {
  const { t, terms, names, years } = words;
  const name = (state: { iso3: string; name: string }) => names[state.iso3] ?? state.name;
  return [
    column.accessor("paragraph", {
      header: () => <SortLink query={query} hrefs={hrefs} label={t("table.reviewParagraph")} asc="cycle" desc="-cycle" t={t} />,
      cell: ({ row }) => (
        <>
          <div>{name(row.original.stateUnderReview)}</div>
          <div className="muted">
            {cycleTerm(terms, row.original.cycle, years[row.original.reviewId] ?? null)} · {row.original.paragraph ? t("table.paragraph", { paragraph: row.original.paragraph }) : t("table.uprInfoRow")}
          </div>
        </>
      ),
    }),
    column.accessor("text", {
      header: t("table.recommendation"),
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
      header: t("table.recommendedBy"),
      // Up to three names, then "+N"; the title and the detail page have them all. States the source prints as
      // unknown are shown as such, after the named ones.
      cell: ({ row }) => {
        const { recommendingStates, unknownRecommendingStates: unknown } = row.original;
        const states = recommendingStates.map(name);
        if (unknown > 0) states.push(t("table.unknownStates", { count: unknown }));
        const { shown, more } = fold(states, 3);
        const separator = t("table.listSeparator");
        if (more === 0) return states.join(separator);
        return (
          <span title={t("table.allStates", { names: states.join(separator) })} data-testid="recommending-states">
            {shown.join(separator)} <span className="more">{t("table.moreCount", { count: more })}</span>
          </span>
        );
      },
    }),
    column.accessor("position", {
      header: () => <SortLink query={query} hrefs={hrefs} label={t("table.response")} asc="position" desc="-position" t={t} />,
      cell: ({ row }) => {
        const position = row.original.position;
        const findings = <FindingBodiesLine bodies={words.findingBodies[row.original.id]} t={t} />;
        if (!position) return <><span className="muted">{t("table.noResponse")}</span>{findings}</>;
        const param = POSITION_PARAMS[position];
        return (
          <>
            <span className={`position position-${param}`}>{terms(`position.${param}`)}</span>
            {row.original.responseWording && row.original.responseWording.toLowerCase() !== POSITION_PARAM_LABELS[param].toLowerCase() ? (
              <div className="muted">“{row.original.responseWording}”</div>
            ) : null}
            {findings}
          </>
        );
      },
    }),
    column.accessor("actionCategory", {
      header: () => <SortLink query={query} hrefs={hrefs} label={t("table.action")} asc="action" desc="-action" t={t} />,
      cell: ({ row }) => {
        const { actionCategory } = row.original;
        if (actionCategory === null) return <span className="muted">{t("table.none")}</span>;
        return (
          <div className="action-cell">
            <div>{actionTerm(terms, actionCategory)}</div>
            <div className="muted" data-testid="action-method">{methodText(row.original, t)}</div>
            {partsText(row.original, words) ? <div className="muted" data-testid="action-parts">{partsText(row.original, words)}</div> : null}
          </div>
        );
      },
    }),
    column.accessor("themes", {
      header: t("table.themes"),
      cell: ({ getValue }) => {
        const themes = getValue()
          .filter((theme) => theme.scheme !== "AFFECTED_PERSONS")
          .map((theme) => (theme.code && theme.scheme === "UHRI_CODED" ? `${theme.code} ${theme.name}` : theme.name));
        const { shown, more } = fold(themes, 2);
        return (
          <ul className="theme-list" title={more > 0 ? t("table.allThemes", { names: themes.join(t("table.listSeparator")) }) : undefined}>
            {shown.map((theme) => (
              <li key={theme}>{theme}</li>
            ))}
            {more > 0 ? <li className="more">{t("table.moreCount", { count: more })}</li> : null}
          </ul>
        );
      },
    }),
  ];
}

/**
 * The page of results: TanStack Table lays it out; paging and sorting happen in PostgreSQL through the URL. A server
 * component: the table is built once per request with TanStack's core (`createTable`, what `useReactTable` wraps), so
 * nothing of it (nor of TanStack) travels to the browser, which a reader on a slow link would otherwise wait for.
 */
export function ResultsTable({
  rows,
  query,
  sortHrefs,
  countryNames,
  reviewYears,
  findingBodies = {},
}: {
  rows: RecommendationRow[];
  query: RecommendationQuery;
  sortHrefs: SortHrefs;
  countryNames: Record<string, string>;
  reviewYears: Record<number, number | null>;
  findingBodies?: Record<number, FindingBodies>;
}) {
  const locale = useLocale();
  const t = useTranslations("explorer");
  const terms = useTranslations("terms");
  const categories = useTranslations("actionCategories");
  const languages = [...new Set(rows.map((row) => shownText(row, locale).language))];
  const table = createTable({
    data: rows,
    columns: columns(query, sortHrefs, locale, { t, terms, names: countryNames, years: reviewYears, categories, findingBodies }),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    getRowId: (row) => String(row.id),
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
  });
  // No state changes on the server: the table's state is its initial one, as useReactTable's first render has it.
  table.setOptions((options) => ({ ...options, state: table.initialState }));
  // Each cell's heading, shown above it when a narrow screen lays the rows out as cards (the text speaks for itself).
  const labels: Record<string, string | undefined> = {
    recommendingStates: t("table.recommendedBy"),
    position: t("table.response"),
    actionCategory: t("table.action"),
    themes: t("table.themes"),
  };
  return (
    <div className="results-list">
      {languages.map((language) => (
        <TextLanguageNote key={language} language={language} locale={locale} />
      ))}
      {/* On a phone the table's headings (and their sort links) give way to cards: the same sorts, as a row of links. */}
      <nav className="card-sort" aria-label={t("table.sortBy")}>
        <span aria-hidden="true">{t("table.sortBy")}</span>
        <SortLink query={query} hrefs={sortHrefs} label={t("table.reviewParagraph")} asc="cycle" desc="-cycle" t={t} />
        <SortLink query={query} hrefs={sortHrefs} label={t("table.response")} asc="position" desc="-position" t={t} />
        <SortLink query={query} hrefs={sortHrefs} label={t("table.action")} asc="action" desc="-action" t={t} />
      </nav>
      <table className="data-table results-table">
        <caption className="visually-hidden">{t("table.caption")}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`col-${header.column.id}`}>
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
                <td key={cell.id} className={`col-${cell.column.id}`} data-label={labels[cell.column.id]}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
