import { getLocale, getTranslations } from "next-intl/server";
import Form from "next/form";
import { ActionCategoryDefinitions } from "@/components/action-category/action-category-definitions";
import { cycleTerm } from "@/lib/cycles/label";
import type { DrawnControls } from "@/lib/explorer-links";
import { countryName } from "@/lib/i18n/countries";
import type { Locale } from "@/lib/i18n/routing";
import { getPathname } from "@/lib/i18n/navigation";
import { filtersOf, type RecommendationQuery } from "@/lib/search-params";
import { SCHEME_SLUGS } from "@/lib/themes";
import type { FacetValue, RecommendationFacets } from "@/lib/server/facets";
import { getExplorerSelection } from "@/lib/server/facets/explorer-selection";
import { loadCycleYears } from "@/lib/server/review-calendar";
import { SearchOptions } from "@/components/search/search-options";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { AutoSubmit } from "./auto-submit";
import { FacetGroup } from "./facet-group";
import { HiddenFilters } from "./hidden-filters";
import { StatusFacet } from "./status-facet";
import { SuggestBox } from "./suggest-box";
import { actionTerm, wordingText, type TermsTranslator } from "./term-labels";
import { suggestBoxWords } from "@/lib/suggest/words";

type Props = { query: RecommendationQuery; scope: ViewerScope };

const relabel = (values: FacetValue[], label: (value: string, fallback: string) => string): FacetValue[] =>
  values.map((v) => ({ ...v, label: label(v.value, v.label) }));

/**
 * The values the panel draws as checkboxes, by key: every chosen value is among them (the facets always list a chosen
 * value), so the hidden fields only carry what has no control here (a review id, a theme no scheme lists, a key
 * added to FILTER_KEYS without a control).
 */
function drawnControls(facets: RecommendationFacets, statusScopeChoice: boolean): DrawnControls {
  const values = (list: FacetValue[]) => list.map((v) => v.value);
  return {
    q: true,
    variants: true,
    ...(statusScopeChoice ? { statusOf: true } : {}),
    cycle: values(facets.cycle),
    sur: values(facets.sur),
    state: values(facets.state),
    region: values(facets.region),
    theme: values(facets.theme),
    affected: values(facets.affected),
    position: values(facets.position),
    wording: values(facets.wording),
    action: values(facets.action),
    status: values(facets.status),
    recurring: values(facets.recurring),
    finding: values(facets.finding),
    body: values(facets.body),
  };
}

export async function FilterPanel({ query, scope }: Props) {
  const [facets, cycleYears, locale, t, terms, finder] = await Promise.all([
    getExplorerSelection(filtersOf(query), scope).then((selection) => selection.facets),
    loadCycleYears(query.sur),
    getLocale(),
    getTranslations("explorer"),
    getTranslations("terms") as Promise<TermsTranslator>,
    getTranslations("finder"),
  ]);
  const organizations = scope.organizationIds?.length ?? 0;
  const term = (group: string) => (value: string, fallback: string) => (terms.has(`${group}.${value}`) ? terms(`${group}.${value}`) : fallback);
  const country = (iso3: string) => countryName(iso3, locale);
  const themeSchemes = [...new Set(facets.theme.map((t) => t.scheme))];
  const schemeTitle = (scheme: string) => {
    const slug = SCHEME_SLUGS[scheme as keyof typeof SCHEME_SLUGS];
    return slug ? terms(`themeScheme.${slug}`) : scheme;
  };
  return (
    <aside className="filter-panel" aria-label={t("filters.label")}>
      <SuggestBox locale={locale as Locale} words={suggestBoxWords(finder)} />
      <Form action={getPathname({ href: "/recommendations", locale })} className="filters">
        <AutoSubmit />
        <label htmlFor="q" className="field-label">
          {t("filters.searchLabel")}
        </label>
        <div className="search-row">
          <input id="q" name="q" type="search" defaultValue={query.q} maxLength={500} placeholder={t("filters.searchPlaceholder")} />
          <button type="submit">{t("filters.searchButton")}</button>
        </div>
        <p className="hint">{t("filters.searchHint")}</p>
        <SearchOptions query={query} />
        <HiddenFilters query={query} drawn={drawnControls(facets, organizations > 0)} />
        <FacetGroup
          title={t("filters.cycle")}
          name="cycle"
          values={relabel(facets.cycle, (v) => cycleTerm(terms, v, cycleYears(Number(v))))}
          selected={query.cycle.map(String)}
        />
        <FacetGroup title={t("filters.sur")} name="sur" values={relabel(facets.sur, country)} selected={query.sur} />
        <FacetGroup title={t("filters.position")} name="position" values={relabel(facets.position, term("position"))} selected={query.position} />
        <StatusFacet values={facets.status} selected={query.status} statusOf={query.statusOf} organizations={organizations} />
        <FacetGroup
          title={t("filters.recurring")}
          name="recurring"
          values={relabel(facets.recurring, term("recurring"))}
          selected={query.recurring}
          intro={<p className="hint">{t("filters.recurringHint")}</p>}
        />
        <FacetGroup
          title={t("filters.finding")}
          name="finding"
          values={relabel(facets.finding, term("finding"))}
          selected={query.finding}
          intro={<p className="hint">{t("filters.findingHint")}</p>}
        />
        {facets.body.length > 0 ? <FacetGroup title={t("filters.body")} name="body" values={facets.body} selected={query.body} /> : null}
        <FacetGroup title={t("filters.wording")} name="wording" values={relabel(facets.wording, (v) => wordingText(terms, v))} selected={query.wording} />
        <FacetGroup title={t("filters.region")} name="region" values={relabel(facets.region, term("region"))} selected={query.region} />
        <FacetGroup title={t("filters.state")} name="state" values={relabel(facets.state, country)} selected={query.state} collapsedAfter={12} />
        {themeSchemes.map((scheme) => (
          <FacetGroup
            key={scheme}
            title={schemeTitle(scheme)}
            name="theme"
            values={facets.theme.filter((t) => t.scheme === scheme)}
            selected={query.theme}
            collapsedAfter={10}
          />
        ))}
        <FacetGroup title={t("filters.affected")} name="affected" values={facets.affected} selected={query.affected} collapsedAfter={10} />
        <FacetGroup
          title={t("filters.action")}
          name="action"
          values={relabel(facets.action, (v) => actionTerm(terms, v))}
          selected={query.action.map(String)}
          intro={<ActionCategoryDefinitions />}
        />
        <button type="submit" className="apply">
          {t("filters.apply")}
        </button>
      </Form>
    </aside>
  );
}
