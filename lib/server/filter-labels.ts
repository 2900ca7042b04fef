import "server-only";
import { cycleTerm, type TermsTranslator } from "@/lib/cycles/label";
import type { LabelSources } from "@/lib/explorer-labels/chips";
import { filterGroups, readableFileName, type FilterQuery } from "@/lib/explorer-labels/groups";
import { countryName } from "@/lib/i18n/countries";

import { loadCycleYears, loadReviewYears } from "./review-calendar";
import { getReviewSummary } from "./reviews";
import { translator } from "./translator";
import { listThemeNames } from "./theme-names";

/**
 * Where a query's filter values get their names in `locale`: the terms catalogue, the States' names, and the names of
 * the themes, affected persons and reviews it filters on (read in one query each, only when it names any). Shared by
 * the explorer's chips, the charts' summary and the names of the downloads, so they all say the same thing.
 */
export async function loadLabelSources(query: FilterQuery, locale: string, { myStatus }: { myStatus?: string } = {}): Promise<LabelSources> {
  const [terms, cycleYears, themes, reviews, years] = await Promise.all([
    translator(locale, "terms") as Promise<TermsTranslator>,
    loadCycleYears(query.sur),
    listThemeNames([...query.theme, ...query.affected]),
    Promise.all(query.review.map((id) => getReviewSummary(id))),
    query.review.length > 0 ? loadReviewYears() : null,
  ]);
  const reviewNames = new Map(
    reviews.flatMap((review) =>
      review ? [[String(review.id), `${countryName(review.stateUnderReview.iso3, locale)} · ${cycleTerm(terms, review.cycle, years?.get(review.id) ?? null)}`] as const] : [],
    ),
  );
  return {
    terms,
    country: (iso3) => countryName(iso3, locale),
    theme: (slug) => themes.get(slug),
    review: (id) => reviewNames.get(id),
    cycleYears,
    myStatus: query.statusOf === "mine" ? myStatus : undefined,
  };
}

/**
 * The file name of an export of `query`'s recommendations (`by`: of their counts by that dimension) for people, in
 * `locale`: "UPR recommendations – Cycle: 2018 (3rd cycle); Theme: A12 Acceptance of international norms – 2026-12-06.csv".
 */
export async function readableExportName(query: FilterQuery, locale: string, day: Date, by?: string): Promise<string> {
  const [t, groupWords] = await Promise.all([translator(locale, "explorer.fileNames"), translator(locale, "charts.filters")]);
  const sources = await loadLabelSources(query, locale, { myStatus: groupWords("myStatus") });
  const dimension = by === undefined ? "" : sources.terms.has(`filter.${by}`) ? sources.terms(`filter.${by}`) : by;
  const title = by === undefined ? t("recommendations") : t("stats", { by: dimension });
  const groups = filterGroups(query, sources).map((group) => groupWords("group", { name: group.name, values: group.values.join(groupWords("valueSeparator")) }));
  return readableFileName(title, groups, day, "csv");
}
