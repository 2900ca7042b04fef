import { getLocale } from "next-intl/server";
import Form from "next/form";
import { getPathname } from "@/lib/i18n/navigation";
import { ACTION_LABELS, POSITION_PARAM_LABELS, RECURRING_LABELS, REGION_LABELS, cycleLabel } from "@/lib/labels";
import { filtersOf, type RecommendationQuery } from "@/lib/search-params";
import { SCHEME_LABELS } from "@/lib/themes";
import { countRecommendationFacets, type FacetValue } from "@/lib/server/recommendation-facets";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { AutoSubmit } from "./auto-submit";
import { FacetGroup } from "./facet-group";
import { StatusFacet } from "./status-facet";
import { SuggestBox } from "./suggest-box";

type Props = { query: RecommendationQuery; scope: ViewerScope };

const label = (labels: Record<string, string>) => (values: FacetValue[]) => values.map((v) => ({ ...v, label: labels[v.value] ?? v.label }));

export async function FilterPanel({ query, scope }: Props) {
  const [facets, locale] = await Promise.all([countRecommendationFacets(filtersOf(query), scope), getLocale()]);
  const themeSchemes = [...new Set(facets.theme.map((t) => t.scheme))];
  return (
    <aside className="filter-panel" aria-label="Filters">
      <SuggestBox />
      <Form action={getPathname({ href: "/recommendations", locale })} className="filters">
        <AutoSubmit />
        <label htmlFor="q" className="field-label">
          Search the texts
        </label>
        <div className="search-row">
          <input id="q" name="q" type="search" defaultValue={query.q} maxLength={500} placeholder='e.g. "death penalty" -abolish' />
          <button type="submit">Search</button>
        </div>
        <p className="hint">Use &quot;quotes&quot; for a phrase, -word to exclude, OR for either.</p>
        {query.sort !== "-cycle" && query.sort !== "relevance" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.pageSize !== 25 ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
        {query.review.length > 0 ? <input type="hidden" name="review" value={query.review.join(",")} /> : null}
        <FacetGroup title="Cycle" name="cycle" values={facets.cycle.map((v) => ({ ...v, label: cycleLabel(v.value) }))} selected={query.cycle.map(String)} />
        <FacetGroup title="State under review" name="sur" values={facets.sur} selected={query.sur} />
        <FacetGroup title="Position" name="position" values={label(POSITION_PARAM_LABELS)(facets.position)} selected={query.position} />
        <StatusFacet values={facets.status} selected={query.status} statusOf={query.statusOf} organizations={scope.organizationIds?.length ?? 0} />
        <FacetGroup
          title="Across cycles"
          name="recurring"
          values={label(RECURRING_LABELS)(facets.recurring)}
          selected={query.recurring}
          intro={<p className="hint">Counterparts in other cycles that editors confirmed.</p>}
        />
        <FacetGroup title="The State's own words" name="wording" values={facets.wording} selected={query.wording} />
        <FacetGroup title="Region of the recommending State" name="region" values={label(REGION_LABELS)(facets.region)} selected={query.region} />
        <FacetGroup title="Recommending State" name="state" values={facets.state} selected={query.state} collapsedAfter={12} />
        {themeSchemes.map((scheme) => (
          <FacetGroup
            key={scheme}
            title={SCHEME_LABELS[scheme as keyof typeof SCHEME_LABELS] ?? scheme}
            name="theme"
            values={facets.theme.filter((t) => t.scheme === scheme)}
            selected={query.theme}
            collapsedAfter={10}
          />
        ))}
        <FacetGroup title="Affected persons" name="affected" values={facets.affected} selected={query.affected} collapsedAfter={10} />
        <FacetGroup title="Action category (UPR Info scale)" name="action" values={label(ACTION_LABELS)(facets.action)} selected={query.action.map(String)} />
        <button type="submit" className="apply">
          Apply filters
        </button>
      </Form>
    </aside>
  );
}
