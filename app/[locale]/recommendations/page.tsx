import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActiveFilters } from "@/components/explorer/active-filters";
import { FilterPanel } from "@/components/explorer/filter-panel";
import { Results } from "@/components/explorer/results";
import { UnknownYearsNotice } from "@/components/explorer/unknown-years-notice";
import { activeFilters } from "@/lib/explorer-labels/chips";
import { parseExplorerSearch } from "@/lib/search-params";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";
import { resolveQueryCycles } from "@/lib/server/review-calendar";
import { TwoFactorNotice } from "@/components/auth/two-factor-notice";

export async function generateMetadata({ params }: PageProps<"/[locale]/recommendations">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "explorer" });
  return { title: t("metaTitle") };
}

export default async function RecommendationsPage({ searchParams }: PageProps<"/[locale]/recommendations">) {
  const parsed = parseExplorerSearch(await searchParams);
  // `cycle=2018` becomes the cycle of the reviews held that year. The organisations whose private statuses this viewer
  // may filter by come from the session, never from the URL.
  const [resolved, viewer, t] = await Promise.all([resolveQueryCycles(parsed.query), getViewer(), getTranslations("explorer")]);
  const { query, scope, mineUnavailable, awaitingSecondFactor } = scopeExplorerQuery(resolved.query, viewer);
  return (
    <>
      <h1>{t("title")}</h1>
      {parsed.invalid.length > 0 ? (
        <p className="notice" role="status">
          {t("notice.invalid", { values: parsed.invalid.join(", ") })}
        </p>
      ) : null}
      {mineUnavailable && awaitingSecondFactor.length === 0 ? (
        <p className="notice" role="status">
          {t("notice.mineUnavailable")}
        </p>
      ) : null}
      <UnknownYearsNotice years={resolved.unknownYears} sur={query.sur} />
      <TwoFactorNotice organizations={awaitingSecondFactor} />
      <ActiveFilters query={query} />
      {/* Not streamed behind Suspense boundaries: without JavaScript, streamed content never replaces its fallback.
          On a narrow screen the filters fold behind a disclosure above the results; on a wide one they stand beside. */}
      <div className="explorer">
        <details className="filters-disclosure">
          <summary data-testid="filters-summary">{t("filters.disclosure", { count: activeFilters(query).length })}</summary>
          <FilterPanel query={query} scope={scope} />
        </details>
        <Results query={query} scope={scope} />
      </div>
    </>
  );
}
